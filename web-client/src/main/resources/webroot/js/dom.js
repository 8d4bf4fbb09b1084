/**
 * Small DOM helpers shared by the pages. Text is always set as text, never
 * parsed as HTML.
 * @module dom
 */

import { errorMessage, locale, t } from './i18n.js';
import { toMillis } from './auth.js';
import { roleName } from './roles.js';

/**
 * Creates an element.
 * @param {string} tag
 * @param {object} [props] properties (className, textContent, type, ...); dataset
 *   and attrs (plain attributes) are objects
 * @param {Array<Node|string>} [children]
 * @returns {HTMLElement}
 */
export function el(tag, props = {}, children = []) {
  const { dataset, attrs, ...rest } = props;
  const node = document.createElement(tag);
  Object.assign(node, rest);
  if (dataset) Object.assign(node.dataset, dataset);
  for (const [name, value] of Object.entries(attrs || {})) node.setAttribute(name, value);
  node.append(...children.filter((c) => c !== null && c !== undefined && c !== false));
  return node;
}

/**
 * An SVG icon from one path.
 * @param {string} d path data
 * @returns {SVGSVGElement}
 */
export function icon(d) {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  const path = document.createElementNS(ns, 'path');
  path.setAttribute('d', d);
  svg.append(path);
  return svg;
}

export const ICONS = {
  trash: 'M4 7h16M9 7V4h6v3M6 7l1 13h10l1-13M10 11v6M14 11v6',
  copy: 'M9 9h11v11H9zM5 15H4V4h11v1',
  close: 'M6 6l12 12M18 6L6 18',
  share: 'M15 8a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM6 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM18 22a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM8.6 13.5l6.8 4M15.4 6.5l-6.8 4',
};

/**
 * Whether keys and clipboard events at a target belong to what holds it, not
 * to the board: a field, editable text, or a dialog (or a panel acting as one).
 * @param {EventTarget|null} target
 * @returns {boolean}
 */
export function typingInto(target) {
  return target?.closest?.('input, textarea, select, [contenteditable="true"], dialog, [role="dialog"]') != null;
}

/**
 * Gives the focus back to the control that opened a dialog or panel. A
 * control inside a closed disclosure (the top bar's "More actions" menu on
 * phones) cannot take it, so the disclosure's button does instead of the
 * focus falling to the page.
 * @param {HTMLElement|null} control
 */
export function focusBack(control) {
  if (!control?.isConnected) return;
  const closed = control.parentElement?.closest('[hidden][id]');
  const opener = closed && document.querySelector(`[aria-controls="${CSS.escape(closed.id)}"]`);
  (opener || control).focus();
}

/**
 * A date and time in the page's language.
 * @param {*} value epoch ms/seconds or ISO text
 * @returns {string}
 */
export function formatDate(value) {
  const ms = toMillis(value);
  if (ms === null) return '—';
  try {
    return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(ms));
  } catch {
    return new Date(ms).toISOString();
  }
}

/**
 * A role badge.
 * @param {string|null} role
 * @returns {HTMLElement}
 */
export function roleBadge(role) {
  return el('span', { className: 'badge role-badge', textContent: roleName(role), dataset: { role: role || 'none' } });
}

/**
 * A <select> of roles.
 * @param {string[]} roles
 * @param {string} value
 * @param {object} [props] extra element props
 * @returns {HTMLSelectElement}
 */
export function roleSelect(roles, value, props = {}) {
  const select = el('select', props);
  const options = roles.includes(value) || !value ? roles : [value, ...roles];
  for (const role of options) select.append(el('option', { value: role, textContent: roleName(role) }));
  select.value = value;
  return select;
}

/**
 * Copies text to the clipboard, falling back to selecting a field.
 * @param {string} text
 * @param {HTMLInputElement} [field] selected when the clipboard is unavailable
 * @returns {Promise<boolean>}
 */
export async function copyText(text, field) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    field?.select();
    try {
      return document.execCommand('copy');
    } catch {
      return false;
    }
  }
}

/**
 * Shows or clears a form's error (its [role=alert] element).
 * @param {HTMLFormElement} form
 * @param {string} [message] nothing clears
 */
export function showFormError(form, message = '') {
  const alert = form.querySelector('[role=alert]');
  if (!alert) return;
  alert.textContent = message;
  alert.hidden = !message;
}

/**
 * Disables a form's submit button while work runs.
 * @param {HTMLFormElement} form
 * @param {boolean} busy
 */
export function setBusy(form, busy) {
  form.setAttribute('aria-busy', String(busy));
  for (const button of form.querySelectorAll('button[type=submit]')) button.disabled = busy;
}

/**
 * A message for a failed request, in the page's language: by its code
 * (i18n-errors.js), never the server's own message.
 * @param {import('./auth.js').ApiError} error
 * @returns {string}
 */
export function errorText(error) {
  return errorMessage(error);
}

/**
 * Downloads a Blob as a file.
 * @param {Blob} blob
 * @param {string} filename
 */
export function saveBlob(blob, filename) {
  const url = URL.createObjectURL(blob);
  const link = el('a', { href: url, download: filename });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
