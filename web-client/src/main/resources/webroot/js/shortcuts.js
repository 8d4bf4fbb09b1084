/**
 * The keyboard shortcut sheet: a dialog listing what the keys do, opened
 * with "?" or the help button.
 * @module shortcuts
 */

import { t } from './i18n.js';

// Rows: [alternatives, description key]; an alternative is a combination of
// keys pressed together; a key is an i18n key (key…, shortcut…) or itself.
const SHEET = [
  ['shortcutsTools', [
    [[['V']], 'toolSelect'], [[['H']], 'toolHand'], [[['N']], 'toolNote'], [[['T']], 'toolText'], [[['S']], 'toolShape'],
    [[['F']], 'toolFrame'], [[['C']], 'toolConnector'], [[['M']], 'toolComment'],
  ]],
  ['shortcutsEditing', [
    [[['keyEnter']], 'shortcutEdit'], [[['keyEscape']], 'shortcutEscape'], [[['keyDelete'], ['keyBackspace']], 'shortcutDelete'],
    [[['keyArrows']], 'shortcutNudge'], [[['keyShift', 'keyArrows']], 'shortcutNudgeMore'],
    [[['keyCtrl', 'C']], 'shortcutCopy'], [[['keyCtrl', 'X']], 'shortcutCut'], [[['keyCtrl', 'V']], 'shortcutPaste'],
    [[['K']], 'shortcutConnect'], [[['keyCtrl', 'D']], 'shortcutDuplicate'], [[['keyCtrl', 'A']], 'shortcutSelectAll'],
    [[['keyCtrl', 'Z']], 'shortcutUndo'], [[['keyCtrl', 'keyShift', 'Z'], ['keyCtrl', 'Y']], 'shortcutRedo'],
  ]],
  ['shortcutsPointer', [
    [[['keyShift', 'shortcutClick']], 'shortcutAddToSelection'], [[['keyAlt', 'shortcutDrag']], 'shortcutNoSnap'],
    [[['keySpace', 'shortcutDrag']], 'shortcutPan'],
  ]],
  ['shortcutsView', [
    [[['keyArrows']], 'shortcutPanKeys'], [[['+'], ['-']], 'shortcutZoom'], [[['0']], 'zoomReset'], [[['keyShift', '1']], 'zoomFit'],
    [[['keyTab']], 'shortcutTab'], [[['O']], 'shortcutOutline'], [[['?']], 'shortcutsTitle'],
  ]],
];

function keysOf(alternatives) {
  const out = document.createElement('span');
  out.className = 'shortcut-keys';
  alternatives.forEach((combo, i) => {
    if (i > 0) out.append(document.createTextNode(' / '));
    combo.forEach((key, j) => {
      if (j > 0) out.append(document.createTextNode('+'));
      const kbd = document.createElement('kbd');
      kbd.textContent = /^(key|shortcut)[A-Z]/.test(key) ? t(key) : key;
      out.append(kbd);
    });
  });
  return out;
}

/**
 * The shortcut sheet of board.html (#shortcuts-dialog), filled in the current language.
 */
export class ShortcutSheet {
  /**
   * @param {HTMLDialogElement} dialog
   * @param {HTMLElement} [button] the help button that opens it
   */
  constructor(dialog, button) {
    this.dialog = dialog;
    this.button = button;
    this.body = dialog.querySelector('.shortcuts-body');
    dialog.querySelector('[data-close]').addEventListener('click', () => dialog.close());
    dialog.addEventListener('click', (e) => {
      if (e.target === dialog) dialog.close();
    });
    dialog.addEventListener('close', () => (this.opener || button)?.focus({ preventScroll: true }));
    button?.addEventListener('click', () => this.open());
  }

  /** Opens the sheet (focus returns where it was on close). */
  open() {
    if (this.dialog.open) return;
    this.opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    this.body.replaceChildren(...SHEET.map(([heading, rows]) => {
      const section = document.createElement('section');
      const h = document.createElement('h3');
      h.textContent = t(heading);
      const list = document.createElement('dl');
      for (const [keys, what] of rows) {
        const dt = document.createElement('dt');
        dt.append(keysOf(keys));
        const dd = document.createElement('dd');
        dd.textContent = t(what).replace(/\s*\([^)]*\)\s*$/, '');
        list.append(dt, dd);
      }
      section.append(h, list);
      return section;
    }));
    this.dialog.showModal();
  }
}
