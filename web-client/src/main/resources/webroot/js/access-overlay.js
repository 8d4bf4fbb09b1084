/**
 * A full-page message that ends the board session (access removed, link
 * expired, too many connections): everything behind it becomes inert.
 * @module access-overlay
 */

import { el, icon } from './dom.js';

const LOCK = 'M7 11V8a5 5 0 0 1 10 0v3M5 11h14v10H5zM12 15v2';

/**
 * Shows a blocking overlay (once per id).
 * @param {object} options
 * @param {string} options.id element id, e.g. "access-removed"
 * @param {string} options.title
 * @param {string} options.message
 * @param {{href: string, label: string}} options.link where to go from here
 * @param {{label: string, onClick: Function}} [options.action] an extra button
 * @returns {HTMLElement}
 */
export function showBlockingOverlay({ id, title, message, link, action }) {
  const existing = document.getElementById(id);
  if (existing) return existing;
  const anchor = el('a', { id: `${id}-link`, className: 'button primary', href: link.href, textContent: link.label });
  const extra = action && el('button', { type: 'button', className: 'button', textContent: action.label });
  extra?.addEventListener('click', action.onClick);
  const overlay = el('div', {
    id,
    className: 'blocking-overlay',
    attrs: { role: 'alertdialog', 'aria-modal': 'true', 'aria-labelledby': `${id}-title`, 'aria-describedby': `${id}-text` },
  }, [el('div', { className: 'blocking-card' }, [
    el('div', { className: 'blocking-icon' }, [icon(LOCK)]),
    el('h2', { id: `${id}-title`, textContent: title }),
    el('p', { id: `${id}-text`, textContent: message }),
    el('div', { className: 'blocking-actions' }, [extra, anchor]),
  ])]);

  // A modal dialog would stay above the overlay: close them first.
  for (const dialog of document.querySelectorAll('dialog[open]')) dialog.close();
  for (const child of document.body.children) {
    if (child.id !== 'toasts') child.inert = true;
  }
  document.body.append(overlay);
  anchor.focus();
  return overlay;
}
