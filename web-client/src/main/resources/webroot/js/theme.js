/**
 * The high-contrast theme and reduced motion, on every page. The choice
 * ("more" or "normal") is kept in localStorage and put on <html
 * data-contrast> as soon as this module loads; without a choice the CSS
 * follows `prefers-contrast: more` (and `forced-colors` keeps the system's
 * colours). Reduced motion is CSS only (`prefers-reduced-motion`).
 * @module theme
 */

const KEY = 'crossboard.contrast';

function stored() {
  try { return localStorage.getItem(KEY); } catch { return null; }
}

const root = document.documentElement;
if (stored() === 'more' || stored() === 'normal') root.dataset.contrast = stored();

/** Whether the high-contrast theme is on (chosen, or asked for by the system). */
export function highContrast() {
  if (root.dataset.contrast) return root.dataset.contrast === 'more';
  return !!window.matchMedia?.('(prefers-contrast: more)').matches;
}

/**
 * Wires a toggle button (aria-pressed) to the theme.
 * @param {HTMLButtonElement|null} button
 */
export function installContrastToggle(button) {
  if (!button) return;
  const show = () => button.setAttribute('aria-pressed', String(highContrast()));
  button.addEventListener('click', () => {
    const next = highContrast() ? 'normal' : 'more';
    root.dataset.contrast = next;
    try { localStorage.setItem(KEY, next); } catch { /* private mode */ }
    show();
  });
  window.matchMedia?.('(prefers-contrast: more)').addEventListener?.('change', show);
  show();
}
