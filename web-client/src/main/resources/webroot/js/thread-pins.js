/**
 * Thread pins on the board: a small marker per thread with a count badge,
 * coloured by kind, at its anchored record (computed from the record's box
 * every render, so it follows the record while it moves), at its point or at
 * its region's corner. Pins keep their screen size at every zoom (CSS scales
 * them by 1/zoom). Orphaned threads have no pin: the comments list shows them.
 * @module thread-pins
 */

import { el } from './dom.js';
import { t } from './i18n.js';
import { commentCount, kindOf, pinPoint } from './thread-model.js';
import { excerpt } from './thread-text.js';
import { plural } from './thread-i18n.js';

/**
 * The pin layer.
 */
export class ThreadPins {
  /**
   * @param {object} options
   * @param {import('./features/threads.js').ThreadsClient} options.threads
   * @param {import('./sync.js').SyncClient} options.sync
   * @param {import('./canvas.js').CanvasRenderer} options.renderer
   * @param {HTMLElement} options.layer world-space layer (above records)
   * @param {(id: string) => void} options.onOpen a pin was clicked
   */
  constructor({ threads, sync, renderer, layer, onOpen }) {
    Object.assign(this, { threads, sync, layer, onOpen });
    this.pins = new Map();
    this.openId = null;
    this.region = el('div', { className: 'thread-region', hidden: true, attrs: { 'aria-hidden': 'true' } });
    layer.append(this.region);
    this.frame = 0;
    const later = () => this.schedule();
    threads.onChange((kind) => kind === 'threads' && later());
    sync.on('change', later);
    renderer.afterRender.push(later);
    layer.addEventListener('pointerdown', (e) => {
      if (e.target.closest('.thread-pin')) e.stopPropagation(); // a pin is no gesture on the board
    });
    layer.addEventListener('click', (e) => {
      const pin = e.target.closest('.thread-pin');
      if (pin) this.onOpen(pin.dataset.threadId);
    });
  }

  schedule() {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.render();
    });
  }

  /** Marks the open thread's pin (and shows its region), or none. */
  setOpen(id) {
    this.openId = id;
    this.render();
  }

  /**
   * Shows where a new thread goes (a ghost pin, and the region), or nothing.
   * @param {object|null} anchor
   */
  setDraft(anchor) {
    this.draft = anchor;
    this.render();
  }

  render() {
    const view = this.sync.getView();
    const seen = new Set();
    for (const thread of this.threads.threads.values()) {
      const point = pinPoint(thread, view);
      if (!point) continue;
      seen.add(thread.id);
      let pin = this.pins.get(thread.id);
      if (!pin) {
        pin = el('button', { type: 'button', className: 'thread-pin', dataset: { threadId: thread.id } },
          [el('span', { className: 'thread-pin-glyph', attrs: { 'aria-hidden': 'true' } }),
            el('span', { className: 'thread-pin-count', attrs: { 'aria-hidden': 'true' } })]);
        this.layer.append(pin);
        this.pins.set(thread.id, pin);
      }
      pin.style.left = `${point.x}px`;
      pin.style.top = `${point.y}px`;
      if (pin.thread !== thread) {
        pin.thread = thread;
        const n = commentCount(thread);
        pin.dataset.kind = kindOf(thread);
        pin.dataset.state = thread.state || 'open';
        pin.querySelector('.thread-pin-count').textContent = String(n);
        const first = thread.comments.find((c) => !c.removed);
        pin.setAttribute('aria-label', t('threadPinLabel', { kind: t(`kind.${kindOf(thread)}`),
          name: thread.createdBy?.name || t('someone'), count: plural('commentCount', n),
          text: excerpt(first?.body || '', 80) }) + (thread.state === 'resolved' ? ` (${t('threadResolved')})` : ''));
      }
      pin.classList.toggle('open', thread.id === this.openId);
      pin.setAttribute('aria-expanded', String(thread.id === this.openId));
    }
    for (const [id, pin] of this.pins) {
      if (!seen.has(id)) {
        pin.remove();
        this.pins.delete(id);
      }
    }
    const draftPoint = this.draft && pinPoint({ anchor: this.draft, comments: [] }, view);
    if (draftPoint && !this.ghost) {
      this.ghost = el('span', { className: 'thread-pin draft', attrs: { 'aria-hidden': 'true' } },
        [el('span', { className: 'thread-pin-glyph' })]);
      this.layer.append(this.ghost);
    }
    if (this.ghost) {
      this.ghost.hidden = !draftPoint;
      if (draftPoint) Object.assign(this.ghost.style, { left: `${draftPoint.x}px`, top: `${draftPoint.y}px` });
    }
    const anchor = this.draft || (this.openId && this.threads.get(this.openId)?.anchor);
    this.region.hidden = anchor?.kind !== 'region';
    if (anchor?.kind === 'region') {
      Object.assign(this.region.style, { left: `${anchor.x}px`, top: `${anchor.y}px`, width: `${anchor.w}px`, height: `${anchor.h}px` });
    }
  }

  /** The pin element of a thread, if it has one. */
  pinFor(id) {
    return this.pins.get(id) || null;
  }
}
