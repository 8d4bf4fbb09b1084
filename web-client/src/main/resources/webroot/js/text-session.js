/**
 * One open text edit of a merging text prop, kept in step with what others
 * type into the same text (SPEC T1–T4): what is typed is pushed at once as
 * a splice of the text the field last showed, and every change of that text
 * from elsewhere is put into the field with the caret carried along. While
 * an input method is composing, both wait until it is done.
 * @module text-session
 */

import { applySplices, diffSplice, mapCaret, transform } from './text-ops.js';
import { textKey } from './sync.js';
import { textValue } from './model.js';

/**
 * Binds a text field to one text prop of one record.
 */
export class TextSession {
  /**
   * @param {object} options
   * @param {import('./sync.js').SyncClient} options.sync
   * @param {{perform: (changes: object[]) => void}} options.undo where edits are performed (one undo group per edit)
   * @param {HTMLInputElement|HTMLTextAreaElement} options.field
   * @param {string} options.id record id
   * @param {string} options.prop the text prop
   */
  constructor({ sync, undo, field, id, prop }) {
    this.sync = sync;
    this.undo = undo;
    this.field = field;
    this.id = id;
    this.prop = prop;
    this.key = textKey(id, prop);
    this.synced = field.value;
    this.remote = [];
    this.composing = false;
    this.pushing = false;
    this.onCompositionStart = () => { this.composing = true; };
    this.onCompositionEnd = () => {
      this.composing = false;
      this.reconcile();
    };
    field.addEventListener('compositionstart', this.onCompositionStart);
    field.addEventListener('compositionend', this.onCompositionEnd);
    this.unsubscribe = sync.on('change', (event) => this.onChange(event));
  }

  /** The field's value changed by typing. */
  onInput() {
    if (!this.composing) this.reconcile();
  }

  /** Sends what was typed and not sent yet (also what an input method was composing). */
  flush() {
    this.composing = false;
    this.reconcile();
  }

  /** Stops following the text; what was not sent yet is dropped. */
  close() {
    this.unsubscribe();
    this.field.removeEventListener('compositionstart', this.onCompositionStart);
    this.field.removeEventListener('compositionend', this.onCompositionEnd);
  }

  onChange(event) {
    if (this.pushing) return;
    const splices = event.text?.get(this.key);
    if (splices) this.remote.push(...splices);
    if (!this.composing) this.reconcile();
  }

  /**
   * Brings field and text together: the text's changes from elsewhere go
   * into the field (the typed part carried past them), then what was typed
   * goes out as splices of the text as it is now.
   */
  reconcile() {
    const record = this.sync.view.get(this.id);
    if (!record) return;
    const now = textValue(record, this.prop);
    const typed = diffSplice(this.synced, this.field.value);
    let local = typed ? [typed] : [];
    if (now !== this.synced) {
      // How the text moved since the field last matched it: the splices the
      // sync client reported, or, when those do not explain it, one splice.
      const moved = applySplices(this.synced, this.remote) === now ? this.remote : [diffSplice(this.synced, now)];
      const [localAfter, movedAfter] = transform(local, moved, false);
      const selection = [this.field.selectionStart, this.field.selectionEnd].map((p) => mapCaret(p ?? 0, movedAfter));
      this.show(applySplices(now, localAfter), selection);
      local = localAfter;
      this.synced = now;
    }
    this.remote = [];
    if (!local.length) return;
    // A prop the schema does not describe as merging is written whole (last writer wins).
    const changes = this.sync.schema.merges(record.type, this.prop)
      ? local.map((s) => ({ op: 'splice', id: this.id, prop: this.prop, ...s }))
      : [{ op: 'patch', id: this.id, props: { [this.prop]: this.field.value } }];
    this.pushing = true;
    try {
      this.undo.perform(changes);
    } finally {
      this.pushing = false;
    }
    this.synced = textValue(this.sync.view.get(this.id), this.prop);
    if (this.synced !== this.field.value) this.show(this.synced, [this.synced.length, this.synced.length]);
  }

  show(value, [start, end]) {
    if (this.field.value === value) return;
    this.field.value = value;
    this.field.setSelectionRange(Math.min(start, value.length), Math.min(end, value.length));
  }
}
