/**
 * In-place text editing: a textarea (or input) laid over the record in the
 * world layer, so it zooms with the board. Typing is pushed as splices and
 * merged with what others type into the same text (text-session.js, SPEC
 * T1–T4); the whole edit session is one undo step.
 * @module editor
 */

import { placeBox, DEFAULT_FONT } from './record-boxes.js';
import { MIN_NOTE_FONT, stepDownWhileOverflowing } from './note-fit.js';
import { t } from './i18n.js';
import { TextSession } from './text-session.js';

const LIMITS = { text: 10000, title: 200, label: 500 };

/**
 * Edits the text of one record at a time.
 */
export class TextEditor {
  /**
   * @param {object} options
   * @param {import('./sync.js').SyncClient} options.sync
   * @param {import('./undo.js').UndoManager} options.undo
   * @param {import('./canvas.js').CanvasRenderer} options.renderer
   * @param {HTMLElement} options.layer world-space layer above records
   * @param {(record: object) => boolean} [options.canEdit] whether the role may edit a record's text
   * @param {(id: string, h: number) => void} [options.onGrow] a text box needs this height for what is typed
   */
  constructor({ sync, undo, renderer, layer, canEdit = () => true, onGrow = () => {} }) {
    this.canEdit = canEdit;
    this.onGrow = onGrow;
    this.sync = sync;
    this.undo = undo;
    this.renderer = renderer;
    this.layer = layer;
    this.id = null;
    this.field = null;
    this.listeners = new Set();
    renderer.afterRender.push((view) => this.follow(view));
  }

  /**
   * Calls fn(id) whenever an edit opens (id) or closes (null).
   * @param {Function} fn
   */
  onChange(fn) {
    this.listeners.add(fn);
  }

  notify() {
    for (const fn of this.listeners) fn(this.id);
  }

  /** Whether an edit is open. */
  get active() {
    return this.id !== null;
  }

  /**
   * Opens the editor on a record.
   * @param {string} id
   * @param {object} [options]
   * @param {boolean} [options.selectAll] select the existing text
   * @param {Function} [options.onClose] called once the edit is over
   */
  edit(id, { selectAll = false, onClose = null } = {}) {
    const record = this.sync.getView().get(id);
    this.commit({ refocus: false });
    if (!record || record.locked || record.type === 'board' || record.type === 'comment' || !this.canEdit(record)) {
      onClose?.();
      return;
    }
    this.onClose = onClose;
    const prop = record.type === 'frame' ? 'title' : record.type === 'connector' ? 'label' : 'text';
    const multiline = prop === 'text';
    const field = document.createElement(multiline ? 'textarea' : 'input');
    field.className = `record-editor editor-${record.type}`;
    field.dataset.editing = id;
    field.maxLength = LIMITS[prop];
    field.value = record[prop] || '';
    field.spellcheck = true;
    field.setAttribute('aria-label', t('editorLabel'));
    if (prop === 'label') field.placeholder = t('connectorLabelPlaceholder');
    this.id = id;
    this.prop = prop;
    this.field = field;
    this.undo.begin();
    this.openSession();
    field.addEventListener('input', () => this.onInput());
    field.addEventListener('keydown', (event) => this.onKey(event));
    field.addEventListener('blur', () => this.commit({ refocus: false }));
    this.layer.append(field);
    this.renderer.editingId = id;
    this.follow(this.sync.getView());
    this.renderer.schedule();
    field.focus({ preventScroll: true });
    if (selectAll) field.select();
    else field.setSelectionRange(field.value.length, field.value.length);
    this.notify();
  }

  onInput() {
    this.session?.onInput();
    if (this.prop === 'text') this.centerShapeText();
    this.fitField();
  }

  onKey(event) {
    event.stopPropagation();
    const finish = event.key === 'Escape' || (event.key === 'Enter' && (event.ctrlKey || event.metaKey || this.prop !== 'text'));
    if (finish) {
      event.preventDefault();
      this.commit({ refocus: true });
    }
  }

  // How edits are sent and how others' edits come in: one TextSession per open edit.
  openSession() {
    this.session = new TextSession({ sync: this.sync, undo: this.undo, field: this.field, id: this.id, prop: this.prop });
  }

  closeSession() {
    this.session?.close();
    this.session = null;
  }

  /** Sends what was typed and not sent yet (typing is sent as it happens; an input method's composition waits). */
  flush() {
    this.session?.flush();
  }

  /** Closes the editor without sending what was not sent yet. */
  cancel() {
    if (!this.field) return;
    this.closeSession();
    this.commit();
  }

  /**
   * Finishes editing: sends the text and closes the editor.
   * @param {object} [options]
   * @param {boolean} [options.refocus] focus the record afterwards
   */
  commit({ refocus = false } = {}) {
    if (!this.field) return;
    this.flush();
    this.closeSession();
    const { id, field } = this;
    this.id = null;
    this.field = null;
    this.undo.end();
    const onClose = this.onClose;
    this.onClose = null;
    onClose?.();
    field.remove();
    this.renderer.editingId = null;
    this.renderer.schedule();
    if (refocus) this.renderer.elementFor(id)?.focus({ preventScroll: true });
    this.notify();
  }

  // Keeps the editor over its record as it moves; closes it if removed.
  follow(view) {
    if (!this.field) return;
    const record = view.get(this.id);
    if (!record) {
      this.commit();
      return;
    }
    const field = this.field;
    if (record.type === 'connector') {
      const line = this.renderer.connectors.get(record.id)?.line;
      field.style.left = `${line?.dataset.mx ?? 0}px`;
      field.style.top = `${line?.dataset.my ?? 0}px`;
      return;
    }
    if (record.type === 'frame') {
      field.style.left = `${record.x}px`;
      field.style.top = `${record.y}px`;
      field.style.width = `${Math.max(160, record.w * 0.6)}px`;
      return;
    }
    placeBox(field, record);
    field.style.fontSize = `${record.fontSize || DEFAULT_FONT[record.type]}px`;
    if (record.type === 'text') field.style.color = record.color || '';
    this.centerShapeText();
    this.fitField();
  }

  // Sizing only (auto-grow): a text box's field is as tall as its text and
  // asks for the box to follow (onGrow); a note's field shrinks its font
  // the way the note shows it (note-fit.js), down to the floor.
  fitField() {
    const field = this.field;
    const record = field && this.sync.getView().get(this.id);
    if (!record) return;
    if (record.type === 'text') {
      field.style.height = '0px';
      const needed = Math.min(100000, Math.max(1, field.scrollHeight));
      field.style.height = `${needed}px`;
      if (needed !== record.h) this.onGrow(this.id, needed);
    } else if (record.type === 'note') {
      const base = record.fontSize || DEFAULT_FONT.note;
      field.style.fontSize = `${base}px`;
      stepDownWhileOverflowing(field, base, Math.min(MIN_NOTE_FONT, base));
    }
  }

  // Shapes show their text centred vertically; the textarea mimics that.
  centerShapeText() {
    const field = this.field;
    if (!field || !field.classList.contains('editor-shape')) return;
    // A textarea's scrollHeight never drops below its height: measure the
    // text in a collapsed box, then centre it with top padding.
    const height = field.style.height;
    field.style.paddingTop = '0px';
    field.style.height = '0px';
    const text = field.scrollHeight;
    field.style.height = height;
    field.style.paddingTop = `${Math.max(0, (field.clientHeight - text) / 2)}px`;
  }
}
