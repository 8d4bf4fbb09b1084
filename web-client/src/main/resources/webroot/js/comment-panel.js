/**
 * The popover of an older comment: boards made before comment threads
 * (docs/COMMENTS.md) keep their "comment" records, shown here read only.
 * New comments are threads (thread-panel.js). (The draft path stays for
 * pages that still call startDraft; the board page does not.)
 * @module comment-panel
 */

import { t } from './i18n.js';
import { keyBetween } from './fractional.js';
import { maxOrder } from './model.js';
import { newRecordId } from './ids.js';
import { clamp } from './geometry.js';
import { describeTarget } from './comments.js';

const MAX_TEXT = 10000;
const POS = 1e6;

function el(tag, props = {}, children = []) {
  const node = document.createElement(tag);
  Object.assign(node, props);
  node.append(...children);
  return node;
}

/**
 * One popover for comments, anchored next to the comment's point.
 */
export class CommentPanel {
  /**
   * @param {object} options
   * @param {import('./sync.js').SyncClient} options.sync
   * @param {import('./permissions.js').Permissions} options.perms
   * @param {import('./viewport.js').Viewport} options.viewport
   * @param {import('./canvas.js').CanvasRenderer} options.renderer
   * @param {import('./selection.js').Selection} options.selection
   * @param {HTMLElement} options.container the canvas element
   * @param {HTMLElement} options.draftLayer world-space layer for the pin of a new comment
   * @param {(record: object) => string} options.authorOf the name shown for a comment
   */
  constructor({ sync, perms, viewport, renderer, selection, container, draftLayer, authorOf }) {
    Object.assign(this, { sync, perms, viewport, renderer, selection, container, draftLayer, authorOf });
    this.id = null;
    this.draft = null;
    this.build();
    viewport.onChange(() => this.place());
    renderer.afterRender.push(() => this.follow());
    perms.onChange(() => this.refresh());
    window.addEventListener('resize', () => this.place());
  }

  /** Whether the popover is open. */
  get active() {
    return !this.popover.hidden;
  }

  build() {
    this.title = el('h2', { id: 'comment-popover-title' });
    this.closeButton = el('button', { type: 'button', id: 'comment-close', className: 'icon-button small', textContent: '×' });
    this.about = el('p', { className: 'comment-about' });
    this.fullText = el('p', { className: 'comment-full-text', id: 'comment-full-text' });
    this.label = el('label', { htmlFor: 'comment-text', className: 'visually-hidden' });
    this.field = el('textarea', { id: 'comment-text', className: 'comment-field', maxLength: MAX_TEXT, rows: 4 });
    this.hint = el('p', { className: 'comment-hint', id: 'comment-hint' });
    this.field.setAttribute('aria-describedby', 'comment-hint');
    this.deleteButton = el('button', { type: 'button', id: 'comment-delete', className: 'button small subtle-danger' });
    this.deleteButton.dataset.deleteComment = '';
    this.resolveButton = el('button', { type: 'button', id: 'comment-resolve', className: 'button small' });
    this.resolveButton.dataset.resolveComment = '';
    this.saveButton = el('button', { type: 'button', id: 'comment-save', className: 'button small primary' });
    this.popover = el('div', { id: 'comment-popover', className: 'comment-popover', hidden: true }, [
      el('div', { className: 'comment-popover-head' }, [this.title, this.closeButton]),
      this.about, this.fullText, this.label, this.field, this.hint,
      el('div', { className: 'comment-actions' }, [this.deleteButton, el('span', { className: 'spacer' }), this.resolveButton, this.saveButton]),
    ]);
    this.popover.setAttribute('role', 'dialog');
    this.popover.setAttribute('aria-labelledby', 'comment-popover-title');
    this.closeButton.addEventListener('click', () => this.close({ save: false }));
    this.saveButton.addEventListener('click', () => this.save());
    this.resolveButton.addEventListener('click', () => this.toggleResolved());
    this.deleteButton.addEventListener('click', () => this.remove());
    this.field.addEventListener('input', () => this.renderButtons());
    this.popover.addEventListener('keydown', (e) => {
      e.stopPropagation();
      if (e.key === 'Escape') {
        e.preventDefault();
        this.close({ save: false });
      } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && e.target === this.field) {
        e.preventDefault();
        this.save();
      }
    });
    document.body.append(this.popover);
    this.ghost = el('div', { className: 'comment-draft-pin', hidden: true });
    this.ghost.setAttribute('aria-hidden', 'true');
    this.draftLayer.append(this.ghost);
  }

  /** The comment record being shown, if any. */
  get record() {
    return this.id ? this.sync.getView().get(this.id) : null;
  }

  /**
   * Opens an existing comment.
   * @param {string} id
   */
  open(id) {
    const record = this.sync.getView().get(id);
    if (!record || record.type !== 'comment') return;
    if (this.active) this.close({ save: true, refocus: false });
    this.id = id;
    this.draft = null;
    this.selection.set([id]);
    this.show();
  }

  /**
   * Opens the editor for a new comment at a world point.
   * @param {number} x
   * @param {number} y
   * @param {string|null} target the record it is about
   */
  startDraft(x, y, target) {
    if (!this.perms.canComment) return;
    if (this.active) this.close({ save: true, refocus: false });
    this.id = null;
    this.draft = { x: clamp(x, -POS, POS), y: clamp(y, -POS, POS), target: target || null };
    this.field.value = '';
    this.selection.clear();
    this.show();
  }

  show() {
    this.popover.hidden = false;
    this.refresh();
    this.place();
    if (!this.field.hidden) {
      this.field.focus({ preventScroll: true });
      this.field.setSelectionRange(this.field.value.length, this.field.value.length);
    } else {
      (this.resolveButton.hidden ? this.closeButton : this.resolveButton).focus({ preventScroll: true });
    }
  }

  /** Re-reads the record and the role and updates the popover. */
  refresh() {
    if (!this.active) return;
    const record = this.record;
    if (this.draft && !this.perms.canComment) {
      this.close({ save: false });
      return;
    }
    if (!this.draft && !record) {
      this.close({ save: false, refocus: false });
      return;
    }
    // Older comments are read only: new comments are threads.
    const editable = !!this.draft;
    const target = this.draft ? this.draft.target : record.target;
    this.title.textContent = this.draft ? t('newComment') : t('commentByTitle', { name: this.authorOf(record) });
    this.about.hidden = !target;
    if (target) this.about.textContent = t('commentAbout', { target: describeTarget(this.sync.getView().get(target)) });
    this.fullText.hidden = editable;
    this.fullText.textContent = record?.text || '';
    this.field.hidden = !editable;
    this.label.textContent = t('commentLabel');
    this.hint.hidden = !editable;
    this.hint.textContent = t('commentHint');
    this.about.hidden = false;
    if (!this.draft) this.about.textContent = `${target ? `${t('commentAbout', { target: describeTarget(this.sync.getView().get(target)) })} · ` : ''}${t('legacyComment')}`;
    // Keep what is being typed; otherwise show the stored text.
    if (!this.draft && editable && document.activeElement !== this.field) this.field.value = record.text || '';
    this.closeButton.setAttribute('aria-label', t('close'));
    this.closeButton.title = t('close');
    this.popover.classList.toggle('resolved', !!record?.resolved);
    this.ghost.hidden = !this.draft;
    if (this.draft) Object.assign(this.ghost.style, { left: `${this.draft.x}px`, top: `${this.draft.y}px` });
    this.renderButtons();
  }

  renderButtons() {
    const record = this.record;
    const editable = !!this.draft;
    const changeable = false;
    this.saveButton.hidden = !editable;
    this.saveButton.textContent = this.draft ? t('postComment') : t('save');
    const text = this.field.value.trim();
    this.saveButton.disabled = !text || (!this.draft && text === (record?.text || ''));
    this.resolveButton.hidden = !changeable;
    this.resolveButton.textContent = record?.resolved ? t('reopenComment') : t('resolveComment');
    this.resolveButton.setAttribute('aria-pressed', String(!!record?.resolved));
    this.deleteButton.hidden = !changeable;
    this.deleteButton.textContent = t('delete');
  }

  /** Keeps the popover next to its point as the board moves or changes. */
  follow() {
    if (!this.active) return;
    if (!this.draft) {
      const record = this.record;
      if (!record) {
        this.close({ save: false, refocus: false });
        return;
      }
      if (record !== this.shown) {
        this.shown = record;
        this.refresh();
      }
    }
    this.place();
  }

  place() {
    if (!this.active) return;
    const point = this.draft || this.record;
    if (!point) return;
    const rect = this.container.getBoundingClientRect();
    const sx = rect.left + this.viewport.x + point.x * this.viewport.zoom;
    const sy = rect.top + this.viewport.y + point.y * this.viewport.zoom;
    const width = this.popover.offsetWidth;
    const height = this.popover.offsetHeight;
    // The pin rises above its point: open below the point, or above the pin when there is no room.
    const pin = this.draft ? this.ghost : this.renderer.elementFor(this.id);
    const pinHeight = pin?.getBoundingClientRect().height || 0;
    const left = Math.min(Math.max(12, sx - 8), Math.max(12, window.innerWidth - width - 12));
    let top = sy + 10;
    if (top + height > window.innerHeight - 12) top = Math.max(12, sy - pinHeight - height - 10);
    this.popover.style.left = `${Math.round(left)}px`;
    this.popover.style.top = `${Math.round(top)}px`;
  }

  /** Posts the new comment or saves the edited text. */
  save() {
    const text = this.field.value.trim().slice(0, MAX_TEXT);
    if (!text) return;
    if (this.draft) {
      if (!this.perms.canComment) return;
      const record = { id: newRecordId(), type: 'comment', order: keyBetween(maxOrder(this.sync.view), null),
        x: this.draft.x, y: this.draft.y, text };
      if (this.draft.target && this.sync.view.has(this.draft.target)) record.target = this.draft.target;
      this.perms.markOwn(record.id);
      this.sync.push([{ op: 'put', record }]);
      this.draft = null;
      this.id = record.id;
      this.close({ save: false });
      return;
    }
    const record = this.record;
    if (record && this.perms.canEditText(record) && text !== record.text) {
      this.sync.push([{ op: 'patch', id: record.id, props: { text } }]);
    }
    this.close({ save: false });
  }

  toggleResolved() {
    const record = this.record;
    if (!record || !this.perms.canChange(record)) return;
    this.sync.push([{ op: 'patch', id: record.id, props: { resolved: !record.resolved } }]);
  }

  remove() {
    const record = this.record;
    if (!record || !this.perms.canChange(record)) return;
    this.sync.push([{ op: 'remove', id: record.id }]);
    this.selection.clear();
    this.close({ save: false, refocus: false });
  }

  /**
   * Closes the popover.
   * @param {object} [options]
   * @param {boolean} [options.save] keep what was typed (post or save it)
   * @param {boolean} [options.refocus] focus the pin (or the canvas) afterwards
   */
  close({ save = true, refocus = true } = {}) {
    if (!this.active) return;
    if (save && this.field.value.trim() && !this.field.hidden) {
      const same = !this.draft && this.field.value.trim() === (this.record?.text || '');
      if (!same) {
        this.save();
        return;
      }
    }
    const id = this.id;
    this.popover.hidden = true;
    this.ghost.hidden = true;
    this.id = null;
    this.draft = null;
    this.shown = null;
    if (refocus) (this.renderer.elementFor(id) || this.container).focus({ preventScroll: true });
  }
}
