/**
 * The board's top bar on phones and tablets (SPEC W18): what does not fit
 * goes into a "More actions" menu. The controls themselves are moved — the
 * same elements with their ids and listeners — and put back in their places
 * when the window is wide again, so the wide bar is the page as written.
 * The menu is a disclosure (a button with aria-expanded and aria-controls,
 * a group of ordinary controls after it), not an ARIA menu: it holds
 * selects and a link, which a menu's items may not be. Tab goes through
 * it; Escape closes it and gives the focus back to its button; a click
 * outside it, a button or link in it doing its job, or the focus leaving
 * it close it too.
 * @module topbar-menu
 */

// Up to tablets the bar cannot hold every control in every language, even with the buttons
// showing only their icons (as css/board.css does up to 1366 px).
const NARROW = '(max-width: 1024px)';

// What stays in the bar: the way back, the title, the connection, the people, comments and the bell.
// css/board.css repeats it, to hide the others on a narrow window until the menu takes them.
const STAYS = '#back-link, label[for="board-title"], #board-title, .topbar-spacer, #connection-status, .presence, '
  + '#threads-button, .bell, .topbar-more';

/**
 * Wires the menu. Call it once everything that goes into the top bar is there (the bell, the
 * reading-language switch), so each control is put back exactly where it was.
 * @param {object} options
 * @param {HTMLElement} options.bar the top bar
 * @param {HTMLButtonElement} options.button the "More actions" button (aria-controls names the menu)
 * @param {HTMLElement} options.menu where the controls go when the window is narrow
 */
export function installTopbarMenu({ bar, button, menu }) {
  const wrap = button.parentElement;
  const narrow = window.matchMedia(NARROW);
  // Each moved control's place in the bar: an empty text node left where it was.
  const places = new Map();

  const open = () => {
    menu.hidden = false;
    button.setAttribute('aria-expanded', 'true');
  };
  const close = ({ refocus = false } = {}) => {
    if (menu.hidden) return;
    menu.hidden = true;
    button.setAttribute('aria-expanded', 'false');
    if (refocus) button.focus();
  };

  const collapse = () => {
    for (const control of [...bar.children]) {
      if (control.matches(STAYS)) continue;
      const place = document.createTextNode('');
      control.before(place);
      places.set(control, place);
      menu.append(control);
    }
  };
  // Back to their places, last first; a control added to the menu meanwhile goes before the one after it.
  const expand = () => {
    let next = wrap;
    for (const control of [...menu.children].reverse()) {
      const place = places.get(control);
      if (place?.isConnected) place.replaceWith(control);
      else next.before(control);
      next = control;
    }
    for (const place of places.values()) place.remove();
    places.clear();
  };

  const apply = () => {
    const focused = document.activeElement;
    close();
    if (narrow.matches) collapse();
    else expand();
    wrap.hidden = !narrow.matches;
    // Moving a focused control takes its focus away: give it back, or to the button when it is in the closed menu.
    if (focused && focused !== document.activeElement && bar.contains(focused)) {
      (menu.contains(focused) ? button : focused).focus();
    }
  };

  button.addEventListener('click', () => (menu.hidden ? open() : close()));
  wrap.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape' || menu.hidden) return;
    e.preventDefault();
    e.stopPropagation();
    close({ refocus: true });
  });
  // A button or link in the menu did its job (a dialog or panel took over, or the page changes); a select stays open.
  menu.addEventListener('click', (e) => {
    if (e.target.closest('button, a')) close();
  });
  document.addEventListener('pointerdown', (e) => {
    if (!wrap.contains(e.target)) close();
  }, true);
  wrap.addEventListener('focusout', (e) => {
    if (e.relatedTarget && !wrap.contains(e.relatedTarget)) close();
  });
  narrow.addEventListener('change', apply);
  apply();
}
