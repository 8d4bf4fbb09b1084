/**
 * Pointer input on the canvas: pan, select, marquee, move, resize, create
 * records, draw connectors and place comments. What the role does not
 * allow (ctx.perms) is not started at all.
 * @module interaction
 */

import { hasBox, intersects } from './geometry.js';
import { t } from './i18n.js';

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
    const el = ctx.container;
    el.addEventListener('pointerdown', (e) => this.onDown(e));
    el.addEventListener('pointermove', (e) => this.gesture?.move(e));
    el.addEventListener('pointerup', (e) => this.end(e, false));
    el.addEventListener('pointercancel', (e) => this.end(e, true));
    el.addEventListener('dblclick', (e) => this.onDoubleClick(e));
    el.addEventListener('focusin', (e) => this.onFocus(e));
  }

  /** The record id under an event target, if any. */
  recordAt(target) {
    const el = target?.closest?.('[data-record-id], [data-label-for]');
    const id = el && (el.dataset.recordId || el.dataset.labelFor);
    return id && this.ctx.sync.getView().has(id) ? id : null;
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
    if (handle && ctx.perms.canChange(ctx.sync.getView().get(handle.dataset.handleFor))) {
      return this.dragGesture(start, ctx.actions.startResize(handle.dataset.handleFor, handle.dataset.handle));
    }
    const id = this.recordAt(e.target);
    const record = id && ctx.sync.getView().get(id);
    // The empty inside of a frame acts like empty canvas; its title grabs it.
    const onFrameBody = record?.type === 'frame' && !e.target.closest('.frame-title') && !ctx.selection.has(id);
    if (!record || onFrameBody) return this.marquee(start, e.shiftKey);
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
        move ||= ctx.actions.startMove(ctx.selection.ids);
        move.update(Math.round(dx / ctx.viewport.zoom), Math.round(dy / ctx.viewport.zoom));
      },
      end: () => {
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

  marquee(start, additive) {
    const { ctx } = this;
    const base = additive ? new Set(ctx.selection.ids) : new Set();
    if (!additive) ctx.selection.clear();
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
        const r = rectTo(e);
        Object.assign(box.style, { left: `${r.x}px`, top: `${r.y}px`, width: `${r.w}px`, height: `${r.h}px` });
        const picked = new Set(base);
        const view = ctx.sync.getView();
        for (const record of view.values()) {
          if (!hasBox(record) || !intersects(record, r)) continue;
          const inside = record.x >= r.x && record.y >= r.y && record.x + record.w <= r.x + r.w && record.y + record.h <= r.y + r.h;
          if (record.type !== 'frame' || inside) picked.add(record.id);
        }
        for (const record of view.values()) {
          if (record.type === 'connector' && picked.has(record.from) && picked.has(record.to)) picked.add(record.id);
        }
        ctx.selection.set(picked);
      },
      end: () => {
        box.remove();
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
        if (rect) Object.assign(ghost.style, { left: `${rect.x}px`, top: `${rect.y}px`, width: `${rect.w}px`, height: `${rect.h}px` });
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
    if (tool === 'frame') ctx.undo.end();
    else ctx.editor.edit(id, { selectAll: tool === 'text', onClose: () => ctx.undo.end() });
    return id;
  }

  /**
   * Starts a new comment at a world point (about a record when target is
   * given) and opens its editor; the record is only created once it has text.
   * @param {number} x
   * @param {number} y
   * @param {string|null} target id of the record it is about
   */
  commentAt(x, y, target) {
    const { ctx } = this;
    if (!ctx.perms.canComment) return;
    ctx.tools.set('select');
    ctx.comments.startDraft(x, y, target);
  }

  commentGesture(e, start) {
    const id = this.recordAt(e.target);
    const record = id && this.ctx.sync.getView().get(id);
    const target = record && record.type !== 'comment' ? id : null;
    return {
      move: () => {},
      end: (ev, cancelled) => {
        if (!cancelled) this.commentAt(start.world.x, start.world.y, target);
      },
    };
  }

  connectGesture(e, start) {
    const { ctx } = this;
    const from = this.recordAt(e.target);
    if (!from || !hasBox(ctx.sync.getView().get(from))) return null;
    const line = document.createElementNS(SVG, 'line');
    line.setAttribute('class', 'connector-preview');
    line.setAttribute('x1', start.world.x);
    line.setAttribute('y1', start.world.y);
    ctx.connectorLayer.append(line);
    const place = (ev) => {
      const p = ctx.viewport.toWorld(ev.clientX, ev.clientY);
      line.setAttribute('x2', p.x);
      line.setAttribute('y2', p.y);
    };
    place(e);
    return {
      move: place,
      end: (ev, cancelled) => {
        line.remove();
        if (cancelled) return;
        const target = document.elementFromPoint(ev.clientX, ev.clientY);
        const to = target && this.recordAt(target);
        const id = to && to !== from ? ctx.actions.connect(from, to) : null;
        if (id) {
          ctx.tools.set('select');
          ctx.selection.set([id]);
        }
      },
    };
  }

  onDoubleClick(e) {
    // With pointer capture the event targets the container, so look below.
    const id = this.recordAt(document.elementFromPoint(e.clientX, e.clientY) || e.target);
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
