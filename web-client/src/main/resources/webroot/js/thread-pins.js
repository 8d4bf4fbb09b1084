/**
 * Thread pins on the board: a small marker per thread with a count badge,
 * coloured by kind, at its anchored record (computed from the record's box
 * every render, so it follows the record while it moves), at its point or at
 * its region's corner. Pins keep their screen size at every zoom (CSS scales
 * them by 1/zoom). Orphaned threads have no pin: the comments list shows them.
 * @module thread-pins
 */

import { el } from './dom.js';
import { t, tn } from './i18n.js';
import { commentCount, kindOf, pinPoint } from './thread-model.js';
import { excerpt } from './thread-text.js';

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
   * @param {import('./viewport.js').Viewport} [options.viewport] to move point and region pins by dragging
   * @param {(thread: object) => boolean} [options.canMove] whether this person may move a thread's anchor
   * @param {(id: string, anchor: object) => void} [options.onMove] a pin was dragged to a new anchor
   */
  constructor({ threads, sync, renderer, layer, onOpen, viewport = null, canMove = () => false, onMove = () => {} }) {
    Object.assign(this, { threads, sync, layer, onOpen, viewport, canMove, onMove });
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
      const pin = e.target.closest('.thread-pin');
      if (!pin) return;
      e.stopPropagation(); // a pin is no gesture on the board
      if (e.button === 0) this.dragPin(pin, e);
    });
    layer.addEventListener('click', (e) => {
      const pin = e.target.closest('.thread-pin');
      if (pin && !this.dragged) this.onOpen(pin.dataset.threadId);
      this.dragged = false;
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
          name: thread.createdBy?.name || t('someone'), count: tn('commentCount', n),
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

  /**
   * Drags a point or region pin (its creator, editors and up): the anchor
   * moves by the pointer's way in world units once it passed a few pixels.
   */
  dragPin(pin, down) {
    const thread = this.threads.get(pin.dataset.threadId);
    if (!thread || !this.viewport || thread.anchor?.kind === 'record' || !this.canMove(thread)) return;
    const start = { x: down.clientX, y: down.clientY };
    const zoom = this.viewport.zoom;
    let moved = null;
    const move = (e) => {
      const dx = (e.clientX - start.x) / zoom;
      const dy = (e.clientY - start.y) / zoom;
      if (!moved && Math.hypot(e.clientX - start.x, e.clientY - start.y) < 5) return;
      moved = { ...thread.anchor, x: Math.round(thread.anchor.x + dx), y: Math.round(thread.anchor.y + dy) };
      const point = pinPoint({ anchor: moved, comments: [] }, new Map());
      pin.style.left = `${point.x}px`;
      pin.style.top = `${point.y}px`;
    };
    const up = () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
      window.removeEventListener('pointercancel', up);
      if (!moved) return;
      this.dragged = true;
      this.onMove(thread.id, moved);
      this.schedule();
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
    window.addEventListener('pointercancel', up);
  }

  /** The pin element of a thread, if it has one. */
  pinFor(id) {
    return this.pins.get(id) || null;
  }
}
