/**
 * Copy, cut and paste on the board through the system clipboard: board
 * records travel as JSON (clipboard.js) with a plain-text version for other
 * applications, so they paste into another board, in another tab too.
 * Plain text from elsewhere pastes as a new note. Text fields keep their
 * own clipboard behaviour.
 * @module copy-paste
 */

import { CLIPBOARD_TYPE, decodePayload, encodePayload, plainText } from './clipboard.js';
import { announce } from './announce.js';
import { tn } from './i18n.js';
import { typingInto } from './dom.js';
import { removeSelected } from './delete-selection.js';

const MAX_NOTE_TEXT = 10000;

/**
 * Installs the clipboard handlers of the board page.
 * @param {object} ctx shared board page objects (selection, actions, perms, interaction, editor, container)
 */
export function installCopyPaste(ctx) {
  const { selection, actions, perms, interaction, editor } = ctx;
  let last = null; // the last payload copied here, in case the clipboard kept only its text

  // Whether the board (not a field, nor text selected on the page) has the clipboard's attention.
  const boardHasFocus = (e) => !typingInto(e.target) && !editor.active
    && !document.body.classList.contains('terminated') && !String(window.getSelection?.() || '');

  const copy = (e, cut) => {
    if (!boardHasFocus(e) || !selection.size) return;
    const payload = actions.copy(selection.ids);
    if (!payload) return;
    e.preventDefault();
    last = payload;
    const json = encodePayload(payload);
    e.clipboardData.setData(CLIPBOARD_TYPE, json);
    e.clipboardData.setData('text/plain', plainText(payload) || json);
    if (cut && perms.canEdit) {
      removeSelected(ctx);
      announce(tn('cutAnnounce', payload.records.length));
    } else {
      announce(tn('copiedAnnounce', payload.records.length));
    }
  };

  const paste = (e) => {
    if (!boardHasFocus(e)) return;
    const data = e.clipboardData;
    const text = data?.getData('text/plain') || '';
    let payload = decodePayload(data?.getData(CLIPBOARD_TYPE)) || decodePayload(text);
    if (!payload && last && text && text === plainText(last)) payload = last;
    e.preventDefault();
    if (!perms.canEdit) return;
    const at = interaction.pastePoint();
    let ids = [];
    if (payload) {
      ids = actions.paste(payload, at);
    } else if (text.trim()) {
      const id = actions.create('note', at.x, at.y, { text: text.slice(0, MAX_NOTE_TEXT) });
      if (id) ids = [id];
    }
    if (!ids.length) return;
    selection.set(ids);
    announce(tn('pastedAnnounce', ids.length));
  };

  // Without a text selection the browser offers copy and paste only when asked to.
  const offer = (e) => {
    if (boardHasFocus(e) && (e.type === 'beforepaste' ? perms.canEdit : selection.size > 0)) e.preventDefault();
  };
  for (const type of ['beforecopy', 'beforecut', 'beforepaste']) document.addEventListener(type, offer);
  document.addEventListener('copy', (e) => copy(e, false));
  document.addEventListener('cut', (e) => copy(e, true));
  document.addEventListener('paste', paste);
}
