/**
 * The high-contrast theme and reduced motion, on every page. The choice
 * ("more" or "normal") is kept in localStorage and put on <html
 * data-contrast> as soon as this module loads; without a choice the theme
 * follows `prefers-contrast: more` (the palette in CSS at once, the other
 * rules through <html data-high-contrast>), and `forced-colors` keeps the
 * system's colours. Reduced motion is CSS only (`prefers-reduced-motion`).
 * @module theme
 */

const KEY = 'crossboard.contrast';

function stored() {
  try { return localStorage.getItem(KEY); } catch { return null; }
}

const root = document.documentElement;
const systemMore = window.matchMedia?.('(prefers-contrast: more)');
if (stored() === 'more' || stored() === 'normal') root.dataset.contrast = stored();

/** Whether the high-contrast theme is on (chosen, or asked for by the system). */
export function highContrast() {
  if (root.dataset.contrast) return root.dataset.contrast === 'more';
  return !!systemMore?.matches;
}

// <html data-high-contrast> while the theme is on, so its rules beyond the palette (outlines,
// borders, the focus halo) follow the system's preference too, not only the toggle.
const applyTheme = () => root.toggleAttribute('data-high-contrast', highContrast());
applyTheme();
systemMore?.addEventListener?.('change', applyTheme);

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
    applyTheme();
    show();
  });
  systemMore?.addEventListener?.('change', show);
  show();
}
