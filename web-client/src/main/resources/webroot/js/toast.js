/**
 * Short messages in a live region at the bottom of the page.
 * @module toast
 */

/**
 * Shows a message for a few seconds (longer for errors).
 * @param {string} message text (rendered as text, never HTML)
 * @param {object} [options]
 * @param {'info'|'error'} [options.kind]
 * @param {number} [options.ms] how long to show; 0 keeps it until dismissed
 * @param {{label: string, onClick: Function}} [options.action] optional button
 * @returns {HTMLElement} the toast element
 */
export function toast(message, { kind = 'info', ms, action } = {}) {
  let region = document.getElementById('toasts');
  if (!region) {
    region = document.createElement('div');
    region.id = 'toasts';
    region.className = 'toasts';
    region.setAttribute('role', 'status');
    region.setAttribute('aria-live', 'polite');
    document.body.append(region);
  }
  const item = document.createElement('div');
  item.className = `toast toast-${kind}`;
  const text = document.createElement('span');
  text.textContent = message;
  item.append(text);
  if (action) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'button small';
    button.textContent = action.label;
    button.addEventListener('click', action.onClick);
    item.append(button);
  }
  region.append(item);
  // Keep at most a few messages on screen.
  while (region.children.length > 4) region.firstElementChild.remove();
  const duration = ms ?? (kind === 'error' ? 7000 : 3500);
  if (duration > 0) setTimeout(() => item.remove(), duration);
  return item;
}
