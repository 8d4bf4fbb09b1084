/**
 * A full-page message that ends the board session (access removed, link
 * expired, too many connections): everything behind it becomes inert.
 * @module access-overlay
 */

import { icon } from './dom.js';

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
  const overlay = document.createElement('div');
  overlay.id = id;
  overlay.className = 'blocking-overlay';
  overlay.setAttribute('role', 'alertdialog');
  overlay.setAttribute('aria-modal', 'true');
  overlay.setAttribute('aria-labelledby', `${id}-title`);
  overlay.setAttribute('aria-describedby', `${id}-text`);

  const card = document.createElement('div');
  card.className = 'blocking-card';
  const badge = document.createElement('div');
  badge.className = 'blocking-icon';
  badge.append(icon(LOCK));
  const heading = document.createElement('h2');
  heading.id = `${id}-title`;
  heading.textContent = title;
  const text = document.createElement('p');
  text.id = `${id}-text`;
  text.textContent = message;
  const actions = document.createElement('div');
  actions.className = 'blocking-actions';
  const anchor = document.createElement('a');
  anchor.id = `${id}-link`;
  anchor.className = 'button primary';
  anchor.href = link.href;
  anchor.textContent = link.label;
  if (action) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'button';
    button.textContent = action.label;
    button.addEventListener('click', action.onClick);
    actions.append(button);
  }
  actions.append(anchor);
  card.append(badge, heading, text, actions);
  overlay.append(card);

  // A modal dialog would stay above the overlay: close them first.
  for (const dialog of document.querySelectorAll('dialog[open]')) dialog.close();
  for (const child of document.body.children) {
    if (child.id !== 'toasts') child.inert = true;
  }
  document.body.append(overlay);
  anchor.focus();
  return overlay;
}
