/**
 * Pointer input on the canvas: pan, select, marquee, move, resize, create
 * records, draw connectors and place comments. What the role does not
 * allow (ctx.perms) is not started at all.
 * @module interaction
 */

import { arrowHead, connectorLine, containsRect, hasBox, intersects } from './geometry.js';
import { hitTest } from './culling.js';
import { t } from './i18n.js';
import { SELECTION_BOX } from './selection-outlines.js';
import { placeBox } from './record-boxes.js';
import { SNAP_PX } from './snapping.js';
import { GuideLayer } from './guides.js';

const SVG = 'http://www.w3.org/2000/svg';
const DRAG_THRESHOLD = 4;

/**
 * Wires pointer events of the board viewport to board actions.
 */
export class Interaction {
  /**
   * @param {object} ctx shared board page objects (viewport, sync, actions,
   *   selection, renderer, editor, tools, container, overlay, connectorLayer)
   */
  constructor(ctx) {
    this.ctx = ctx;
    this.gesture = null;
    this.spaceHeld = false;
    this.pointer = null;
    this.guides = new GuideLayer(ctx.overlay);
    const el = ctx.container;
    el.addEventListener('pointerdown', (e) => this.onDown(e));
    el.addEventListener('pointermove', (e) => {
      this.pointer = { x: e.clientX, y: e.clientY };
      this.gesture?.move(e);
    });
    el.addEventListener('pointerleave', () => {
      if (!this.gesture) this.pointer = null;
    });
    el.addEventListener('pointerup', (e) => this.end(e, false));
    el.addEventListener('pointercancel', (e) => this.end(e, true));
    el.addEventListener('dblclick', (e) => this.onDoubleClick(e));
    el.addEventListener('focusin', (e) => this.onFocus(e));
  }

  /**
   * The world point under the pointer when it is over the canvas, else the
   * middle of the view: where pasted records go.
   * @returns {{x: number, y: number}}
   */
  pastePoint() {
    const { viewport } = this.ctx;
    return this.pointer ? viewport.toWorld(this.pointer.x, this.pointer.y) : viewport.centerWorld();
  }

  /**
   * The record id under an event target, if any. Zoomed out to the
   * overview, records have no elements: then the record under the world
   * point is looked up.
   * @param {EventTarget|null} target
   * @param {{x: number, y: number}} [point] the world point of the event
   * @returns {string|null}
   */
  recordAt(target, point) {
    const el = target?.closest?.('[data-record-id], [data-label-for]');
    const id = el && (el.dataset.recordId || el.dataset.labelFor);
    if (id) return this.ctx.sync.getView().has(id) ? id : null;
    if (!point || !this.ctx.renderer.overviewShown || (target && target !== this.ctx.container)) return null;
    return hitTest(this.ctx.sync.getView().values(), point.x, point.y)?.id ?? null;
  }

  onDown(e) {
    const { ctx } = this;
    if (this.gesture || e.target.closest('.record-editor')) return;
    if (ctx.editor.active) ctx.editor.commit();
    if (ctx.comments.active) ctx.comments.close({ refocus: false });
    const panning = e.button === 1 || (e.button === 0 && (this.spaceHeld || ctx.tools.tool === 'hand'));
    if (!panning && e.button !== 0) return;
    e.preventDefault();
    // Pointing at the canvas takes keyboard focus off fields, buttons and
    // records, so Enter and Space act on the board again.
    const active = document.activeElement;
    if (active && active !== document.body && active !== ctx.container) active.blur();
    ctx.container.setPointerCapture(e.pointerId);
    const start = { cx: e.clientX, cy: e.clientY, world: ctx.viewport.toWorld(e.clientX, e.clientY) };
    const tool = ctx.tools.tool;
    if (panning) this.gesture = this.pan(start);
    else if (tool === 'select') this.gesture = this.selectGesture(e, start);
    else if (!ctx.perms.canUseTool(tool)) this.gesture = null;
    else if (tool === 'connector') this.gesture = this.connectGesture(e, start);
    else if (tool === 'comment') this.gesture = this.commentGesture(e, start);
    else this.gesture = this.createGesture(start, tool);
  }

  end(e, cancelled) {
    const gesture = this.gesture;
    if (!gesture) return;
    this.gesture = null;
    if (this.ctx.container.hasPointerCapture(e.pointerId)) this.ctx.container.releasePointerCapture(e.pointerId);
    gesture.end(e, cancelled);
  }

  pan(start) {
    const { viewport, container } = this.ctx;
    let last = start;
    container.classList.add('panning');
    return {
      move: (e) => {
        viewport.panBy(e.clientX - last.cx, e.clientY - last.cy);
        last = { cx: e.clientX, cy: e.clientY };
      },
      end: () => container.classList.remove('panning'),
    };
  }

  selectGesture(e, start) {
    const { ctx } = this;
    const handle = e.target.closest('[data-handle]');
    if (handle && handle.dataset.handleFor === SELECTION_BOX) {
      return this.dragGesture(start, ctx.actions.startScale(ctx.selection.ids, handle.dataset.handle));
    }
    if (handle && ctx.perms.canChange(ctx.sync.getView().get(handle.dataset.handleFor))) {
      return this.dragGesture(start, ctx.actions.startResize(handle.dataset.handleFor, handle.dataset.handle));
    }
    const id = this.recordAt(e.target, start.world);
    const record = id && ctx.sync.getView().get(id);
    // The empty inside of a frame: a drag draws a marquee (to pick what is
    // in it), a click selects the frame. Its title grabs it at once.
    const onFrameBody = record?.type === 'frame' && !e.target.closest('.frame-title') && !ctx.selection.has(id);
    if (!record) return this.marquee(start, e.shiftKey);
    if (onFrameBody) return this.marquee(start, e.shiftKey, id);
    if (e.shiftKey || e.metaKey || e.ctrlKey) {
      ctx.selection.toggle(id);
      return null;
    }
    const wasSelected = ctx.selection.has(id);
    if (!wasSelected) ctx.selection.set([id]);
    const movable = [...ctx.selection.ids].some((sid) => ctx.perms.canChange(ctx.sync.getView().get(sid)));
    let move = null;
    let dragged = false;
    return {
      move: (ev) => {
        const dx = ev.clientX - start.cx;
        const dy = ev.clientY - start.cy;
        if (!dragged && Math.hypot(dx, dy) < DRAG_THRESHOLD) return;
        dragged = true;
        if (!movable) return;
        move ||= ctx.actions.startMove(ctx.selection.ids, { snap: SNAP_PX / ctx.viewport.zoom, near: ctx.viewport.worldRect() });
        // Alt moves freely, without snapping.
        const moved = move.update(Math.round(dx / ctx.viewport.zoom), Math.round(dy / ctx.viewport.zoom), !ev.altKey);
        this.guides.show(moved.guides);
      },
      end: () => {
        this.guides.clear();
        if (move) move.finish();
        else if (wasSelected) ctx.selection.set([id]);
        // A click (not a drag) on a comment pin opens it.
        if (!dragged && record.type === 'comment') ctx.comments.open(id);
      },
    };
  }

  dragGesture(start, action) {
    const { viewport } = this.ctx;
    return {
      move: (e) => action.update(Math.round((e.clientX - start.cx) / viewport.zoom), Math.round((e.clientY - start.cy) / viewport.zoom)),
      end: () => action.finish(),
    };
  }

  marquee(start, additive, frameId = null) {
    const { ctx } = this;
    const base = additive ? new Set(ctx.selection.ids) : new Set();
    if (!additive) ctx.selection.clear();
    let dragged = false;
    const box = document.createElement('div');
    box.className = 'marquee';
    ctx.overlay.append(box);
    const rectTo = (e) => {
      const p = ctx.viewport.toWorld(e.clientX, e.clientY);
      return { x: Math.min(p.x, start.world.x), y: Math.min(p.y, start.world.y),
        w: Math.abs(p.x - start.world.x), h: Math.abs(p.y - start.world.y) };
    };
    return {
      move: (e) => {
        if (!dragged && Math.hypot(e.clientX - start.cx, e.clientY - start.cy) < DRAG_THRESHOLD) return;
        dragged = true;
        const r = rectTo(e);
        placeBox(box, r);
        const picked = new Set(base);
        const view = ctx.sync.getView();
        for (const record of view.values()) {
          if (!hasBox(record) || !intersects(record, r)) continue;
          // A frame only when the marquee holds all of it.
          if (record.type !== 'frame' || containsRect(r, record)) picked.add(record.id);
        }
        for (const record of view.values()) {
          if (record.type === 'connector' && picked.has(record.from) && picked.has(record.to)) picked.add(record.id);
        }
        ctx.selection.set(picked);
      },
      end: () => {
        box.remove();
        // A click on a frame's empty inside selects the frame.
        if (!dragged && frameId) ctx.selection.set(additive ? [...base, frameId] : [frameId]);
      },
    };
  }

  createGesture(start, tool) {
    const { ctx } = this;
    const ghost = document.createElement('div');
    ghost.className = 'create-ghost';
    let rect = null;
    return {
      move: (e) => {
        if (tool !== 'shape' && tool !== 'frame') return;
        const p = ctx.viewport.toWorld(e.clientX, e.clientY);
        rect = { x: Math.min(p.x, start.world.x), y: Math.min(p.y, start.world.y),
          w: Math.abs(p.x - start.world.x), h: Math.abs(p.y - start.world.y) };
        if (rect.w * ctx.viewport.zoom < DRAG_THRESHOLD * 2) rect = null;
        if (rect && !ghost.isConnected) ctx.overlay.append(ghost);
        if (rect) placeBox(ghost, rect);
      },
      end: (e, cancelled) => {
        ghost.remove();
        if (cancelled) return;
        this.createAt(tool, start.world.x, start.world.y, rect && rect.h > 4 ? rect : {});
      },
    };
  }

  /**
   * Creates a record of a tool's type at a world point, selects it and opens
   * the text editor for types with text.
   * @param {string} tool note, text, shape or frame
   * @param {number} x
   * @param {number} y
   * @param {object} [box] explicit {x, y, w, h}
   * @returns {string|null} the new record id (null when the role does not allow it)
   */
  createAt(tool, x, y, box = {}) {
    const { ctx } = this;
    if (!ctx.perms.canEdit || !ctx.perms.canUseTool(tool)) return null;
    const props = { ...box };
    if (tool === 'shape') props.shape = ctx.tools.shape;
    if (tool === 'text') props.text = t('defaultText');
    if (tool === 'frame') props.title = t('defaultFrameTitle');
    // Creating and typing the first text is one undo step.
    ctx.undo.begin();
    const id = ctx.actions.create(tool, x, y, props);
    ctx.tools.set('select');
    ctx.selection.set([id]);
    ctx.renderer.render();
    // A new frame's title and a new text box's text are selected, ready to be typed over.
    ctx.editor.edit(id, { selectAll: tool === 'text' || tool === 'frame', onClose: () => ctx.undo.end() });
    return id;
  }

  /**
   * Starts a new comment thread (docs/COMMENTS.md) on a record when target
   * is given, else at a world point, and opens its form; the thread is only
   * created once it has text.
   * @param {number} x
   * @param {number} y
   * @param {string|null} target id of the record it is about
   */
  commentAt(x, y, target) {
    const { ctx } = this;
    if (!ctx.perms.canComment) return;
    ctx.tools.set('select');
    const record = target && ctx.sync.getView().get(target);
    ctx.threads.startDraft(record && record.type !== 'comment' && record.type !== 'board'
      ? { kind: 'record', record: target } : { kind: 'point', x: Math.round(x), y: Math.round(y) });
  }

  /** The comment tool: a click on a record anchors to it, on the board to a point; a drag marks a region. */
  commentGesture(e, start) {
    const { ctx } = this;
    const id = this.recordAt(e.target, start.world);
    const record = id && ctx.sync.getView().get(id);
    const target = record && record.type !== 'comment' ? id : null;
    let region = null;
    let box = null;
    const rectOf = (ev) => {
      const p = ctx.viewport.toWorld(ev.clientX, ev.clientY);
      return { x: Math.round(Math.min(p.x, start.world.x)), y: Math.round(Math.min(p.y, start.world.y)),
        w: Math.round(Math.abs(p.x - start.world.x)), h: Math.round(Math.abs(p.y - start.world.y)) };
    };
    return {
      move: (ev) => {
        if (!region && Math.hypot(ev.clientX - start.cx, ev.clientY - start.cy) < DRAG_THRESHOLD) return;
        region ||= Object.assign(document.createElement('div'), { className: 'thread-region preview' });
        if (!region.isConnected) ctx.overlay.append(region);
        box = rectOf(ev);
        Object.assign(region.style, { left: `${box.x}px`, top: `${box.y}px`, width: `${box.w}px`, height: `${box.h}px` });
      },
      end: (ev, cancelled) => {
        region?.remove();
        if (cancelled) return;
        if (box && box.w > 4 && box.h > 4 && ctx.perms.canComment) {
          ctx.tools.set('select');
          ctx.threads.startDraft({ kind: 'region', ...box });
        } else {
          this.commentAt(start.world.x, start.world.y, target);
        }
      },
    };
  }

  connectGesture(e, start) {
    const { ctx } = this;
    const from = this.recordAt(e.target, start.world);
    const view = () => ctx.sync.getView();
    if (!from || !hasBox(view().get(from))) return null;
    // The arrow being drawn, above everything, and an outline on the record it would connect to.
    const svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('class', 'connector-preview-layer');
    svg.setAttribute('aria-hidden', 'true');
    const line = document.createElementNS(SVG, 'line');
    line.setAttribute('class', 'connector-preview');
    const head = document.createElementNS(SVG, 'polygon');
    head.setAttribute('class', 'connector-preview-head');
    svg.append(line, head);
    const target = document.createElement('div');
    target.className = 'connector-target';
    target.hidden = true;
    ctx.overlay.append(svg, target);
    const targetAt = (ev) => {
      const el = document.elementFromPoint(ev.clientX, ev.clientY);
      const id = this.recordAt(el, ctx.viewport.toWorld(ev.clientX, ev.clientY));
      return id && id !== from && hasBox(view().get(id)) ? id : null;
    };
    const place = (ev) => {
      const p = ctx.viewport.toWorld(ev.clientX, ev.clientY);
      const to = targetAt(ev);
      const end = to ? view().get(to) : { type: 'point', x: p.x, y: p.y, w: 0, h: 0 };
      const l = connectorLine(view().get(from), end);
      line.setAttribute('x1', l.x1);
      line.setAttribute('y1', l.y1);
      line.setAttribute('x2', l.x2);
      line.setAttribute('y2', l.y2);
      // 12 screen pixels long at any zoom down to 25 %.
      const size = 12 / Math.max(ctx.viewport.zoom, 0.25);
      head.setAttribute('points', arrowHead(l, size).map((p) => `${p.x},${p.y}`).join(' '));
      target.hidden = !to;
      if (to) placeBox(target, view().get(to));
    };
    place(e);
    return {
      move: place,
      end: (ev, cancelled) => {
        const to = cancelled ? null : targetAt(ev);
        svg.remove();
        target.remove();
        const id = to ? ctx.actions.connect(from, to) : null;
        if (id) {
          ctx.tools.set('select');
          ctx.selection.set([id]);
        }
      },
    };
  }

  onDoubleClick(e) {
    // With pointer capture the event targets the container, so look below.
    const id = this.recordAt(document.elementFromPoint(e.clientX, e.clientY) || e.target,
      this.ctx.viewport.toWorld(e.clientX, e.clientY));
    if (!id || this.ctx.tools.tool !== 'select') return;
    const record = this.ctx.sync.getView().get(id);
    // Comments open on a single click; other records only for roles that edit text.
    if (record.type === 'comment' || !this.ctx.perms.canEditText(record)) return;
    e.preventDefault();
    this.ctx.selection.set([id]);
    this.ctx.editor.edit(id);
  }

  onFocus(e) {
    const id = this.gesture ? null : this.recordAt(e.target);
    if (id && !this.ctx.selection.has(id)) this.ctx.selection.set([id]);
  }
}
