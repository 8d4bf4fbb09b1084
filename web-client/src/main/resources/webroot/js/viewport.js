/**
 * Pan and zoom: maps screen points to world points and transforms the
 * world layer. screen = world * zoom + pan.
 * @module viewport
 */

import { boundsOf } from './geometry.js';

/** Zoom limits. */
export const MIN_ZOOM = 0.1;
/** Zoom limits. */
export const MAX_ZOOM = 4;
/** The least zoom a board opens at: text on notes stays readable. */
export const READABLE_ZOOM = 0.5;
const GRID = 24;
// Panning scrolls the canvas: the world's origin sits this far (px) into a
// scrolled area twice as wide and high, so any board fits at any zoom.
const ORIGIN = 8000000;

/**
 * Margin kept around content shown whole: 64 px, less on small screens.
 * @param {{w: number, h: number}} screen px
 * @returns {number} px
 */
export function fitMargin(screen) {
  return Math.min(64, Math.round(Math.min(screen.w, screen.h) * 0.08));
}

/**
 * What a board shows when it opens: all of its content when that fits at a
 * readable zoom; otherwise the densest part of it that fits at that zoom
 * (the screen-sized window holding the most records), so a big board never
 * opens as an unreadable 10 % overview.
 * @param {Iterable<{x: number, y: number, w: number, h: number}>} boxes records with boxes
 * @param {{w: number, h: number}} screen px
 * @param {number} [readable]
 * @returns {{x: number, y: number, w: number, h: number}|null} the world box to fit, null when empty
 */
export function openingBox(boxes, screen, readable = READABLE_ZOOM) {
  const list = [...boxes];
  const all = boundsOf(list);
  if (!all) return null;
  const margin = fitMargin(screen);
  const ww = Math.max(1, (screen.w - 2 * margin) / readable);
  const wh = Math.max(1, (screen.h - 2 * margin) / readable);
  if (all.w <= ww && all.h <= wh) return all;
  // Count record centres in half-window cells; the best 2 x 2 block of cells is a window.
  const cw = ww / 2;
  const ch = wh / 2;
  const cols = Math.max(1, Math.ceil(all.w / cw));
  const rows = Math.max(1, Math.ceil(all.h / ch));
  const counts = new Map();
  const cellOf = (r) => {
    const col = Math.min(cols - 1, Math.floor((r.x + r.w / 2 - all.x) / cw));
    const row = Math.min(rows - 1, Math.floor((r.y + r.h / 2 - all.y) / ch));
    return row * cols + col;
  };
  for (const r of list) counts.set(cellOf(r), (counts.get(cellOf(r)) || 0) + 1);
  const at = (col, row) => (col < cols && row < rows ? counts.get(row * cols + col) || 0 : 0);
  let best = { n: -1, col: 0, row: 0 };
  for (let row = 0; row < Math.max(1, rows - 1); row++) {
    for (let col = 0; col < Math.max(1, cols - 1); col++) {
      const n = at(col, row) + at(col + 1, row) + at(col, row + 1) + at(col + 1, row + 1);
      if (n > best.n) best = { n, col, row };
    }
  }
  // The records of that window, clipped to it: shown at a readable zoom or closer.
  const wx = all.x + best.col * cw;
  const wy = all.y + best.row * ch;
  const inside = list.filter((r) => {
    const cx = r.x + r.w / 2;
    const cy = r.y + r.h / 2;
    return cx >= wx && cx < wx + ww && cy >= wy && cy < wy + wh;
  });
  // No centre inside only when one sits right on the window's far edge: then the window itself.
  const held = boundsOf(inside) ?? { x: wx, y: wy, w: ww, h: wh };
  const x1 = Math.max(wx, held.x);
  const y1 = Math.max(wy, held.y);
  const x2 = Math.min(wx + ww, held.x + held.w);
  const y2 = Math.min(wy + wh, held.y + held.h);
  return { x: x1, y: y1, w: Math.max(1, x2 - x1), h: Math.max(1, y2 - y1) };
}

/**
 * Pan/zoom state of one board view.
 */
export class Viewport {
  /**
   * @param {HTMLElement} container the visible area (receives wheel events)
   * @param {HTMLElement} world the layer to transform
   * @param {string} storageKey where to remember the view
   */
  constructor(container, world, storageKey) {
    this.container = container;
    this.world = world;
    this.storageKey = storageKey;
    this.x = 0;
    this.y = 0;
    this.zoom = 1;
    this.listeners = new Set();
    this.restored = this.restore();
    this.box = null;
    const forget = () => {
      this.box = null;
    };
    window.addEventListener('resize', forget);
    if (typeof ResizeObserver !== 'undefined') new ResizeObserver(forget).observe(container);
    container.addEventListener('wheel', (event) => this.onWheel(event), { passive: false });
    // The scrolled area: panning changes the scroll offset, which the browser's
    // compositor moves without repainting or re-laying out anything.
    this.space = document.createElement('div');
    this.space.className = 'viewport-space';
    this.space.setAttribute('aria-hidden', 'true');
    container.prepend(this.space);
    world.style.left = `${ORIGIN}px`;
    world.style.top = `${ORIGIN}px`;
    this.scrolled = { left: -1, top: -1 };
    // Scrolls the page did not ask for (keyboard focus bringing a record into view) pan too.
    container.addEventListener('scroll', () => this.onScroll(), { passive: true });
    this.apply();
  }

  onScroll() {
    const { scrollLeft, scrollTop } = this.container;
    if (Math.abs(scrollLeft - this.scrolled.left) < 1 && Math.abs(scrollTop - this.scrolled.top) < 1) return;
    this.x = ORIGIN - scrollLeft + (this.x - Math.round(this.x));
    this.y = ORIGIN - scrollTop + (this.y - Math.round(this.y));
    this.apply();
  }

  /**
   * The visible area's box on screen, remembered until it resizes (reading
   * it on every pan frame would force a layout each time).
   * @returns {{left: number, top: number, width: number, height: number}}
   */
  rect() {
    if (!this.box) {
      const r = this.container.getBoundingClientRect();
      this.box = { left: r.left, top: r.top, width: r.width, height: r.height };
    }
    return this.box;
  }

  /**
   * Calls fn after every pan or zoom.
   * @param {Function} fn
   */
  onChange(fn) {
    this.listeners.add(fn);
  }

  /**
   * World point under a client (screen) point.
   * @param {number} clientX
   * @param {number} clientY
   * @returns {{x: number, y: number}}
   */
  toWorld(clientX, clientY) {
    const rect = this.rect();
    return { x: (clientX - rect.left - this.x) / this.zoom, y: (clientY - rect.top - this.y) / this.zoom };
  }

  /**
   * World point at the centre of the visible area.
   * @returns {{x: number, y: number}}
   */
  centerWorld() {
    const rect = this.rect();
    return this.toWorld(rect.left + rect.width / 2, rect.top + rect.height / 2);
  }

  /**
   * Pans by a screen offset.
   * @param {number} dx
   * @param {number} dy
   */
  panBy(dx, dy) {
    this.x += dx;
    this.y += dy;
    this.apply();
  }

  /**
   * Zooms by a factor keeping the given client point fixed
   * (the centre when omitted).
   * @param {number} factor
   * @param {number} [clientX]
   * @param {number} [clientY]
   */
  zoomBy(factor, clientX, clientY) {
    const rect = this.rect();
    const sx = (clientX ?? rect.left + rect.width / 2) - rect.left;
    const sy = (clientY ?? rect.top + rect.height / 2) - rect.top;
    const zoom = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, this.zoom * factor));
    this.x = sx - ((sx - this.x) * zoom) / this.zoom;
    this.y = sy - ((sy - this.y) * zoom) / this.zoom;
    this.zoom = zoom;
    this.apply();
  }

  /** Back to 100 % around the centre. */
  resetZoom() {
    this.zoomBy(1 / this.zoom);
  }

  /**
   * Shows a world box entirely, with a margin, at most at 100 %.
   * @param {{x: number, y: number, w: number, h: number}|null} box
   */
  fit(box) {
    const rect = this.rect();
    if (!box) {
      this.zoom = 1;
      this.x = rect.width / 2;
      this.y = rect.height / 2;
    } else {
      const margin = fitMargin({ w: rect.width, h: rect.height });
      const zoom = Math.min((rect.width - margin * 2) / Math.max(box.w, 1), (rect.height - margin * 2) / Math.max(box.h, 1));
      this.zoom = Math.min(1, Math.max(MIN_ZOOM, zoom));
      this.x = rect.width / 2 - (box.x + box.w / 2) * this.zoom;
      this.y = rect.height / 2 - (box.y + box.h / 2) * this.zoom;
    }
    this.apply();
  }

  /**
   * Shows a world box as large as fits (no margin), centred: following
   * another person's view.
   * @param {{x: number, y: number, w: number, h: number}} box
   */
  lookAt(box) {
    const rect = this.rect();
    const zoom = Math.min(rect.width / Math.max(box.w, 1), rect.height / Math.max(box.h, 1));
    this.zoom = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom));
    this.x = rect.width / 2 - (box.x + box.w / 2) * this.zoom;
    this.y = rect.height / 2 - (box.y + box.h / 2) * this.zoom;
    this.apply();
  }

  /**
   * The visible area in world units.
   * @returns {{x: number, y: number, w: number, h: number}}
   */
  worldRect() {
    const rect = this.rect();
    return { x: -this.x / this.zoom, y: -this.y / this.zoom, w: rect.width / this.zoom, h: rect.height / this.zoom };
  }

  onWheel(event) {
    event.preventDefault();
    if (event.ctrlKey || event.metaKey) {
      // Trackpad pinch arrives as ctrl+wheel with small deltas.
      this.zoomBy(Math.exp(-event.deltaY * (event.deltaMode === 1 ? 0.05 : 0.0025)), event.clientX, event.clientY);
    } else {
      const scale = event.deltaMode === 1 ? 16 : 1;
      const dx = event.shiftKey && !event.deltaX ? event.deltaY : event.deltaX;
      const dy = event.shiftKey && !event.deltaX ? 0 : event.deltaY;
      this.panBy(-dx * scale, -dy * scale);
    }
  }

  apply() {
    // Never further than the scrolled area reaches (far beyond any board: ±1,000,000 at 400 %).
    const reach = ORIGIN - 10000;
    this.x = Math.max(-reach, Math.min(reach, this.x));
    this.y = Math.max(-reach, Math.min(reach, this.y));
    // Whole pixels of the pan go to the scroll offset, the rest (and the zoom)
    // to the world's transform, which a pan by whole pixels leaves alone.
    const left = ORIGIN - Math.round(this.x);
    const top = ORIGIN - Math.round(this.y);
    const transform = `translate(${this.x - Math.round(this.x)}px, ${this.y - Math.round(this.y)}px) scale(${this.zoom})`;
    if (transform !== this.transform) {
      this.transform = transform;
      this.world.style.transform = transform;
    }
    this.scrolled = { left, top };
    if (this.container.scrollLeft !== left) this.container.scrollLeft = left;
    if (this.container.scrollTop !== top) this.container.scrollTop = top;
    // Only on zoom: a custom property restyles everything under the canvas.
    if (this.zoom !== this.styledZoom) {
      this.styledZoom = this.zoom;
      this.container.style.setProperty('--zoom', String(this.zoom));
      // Coarser dots when zoomed out, so the grid never turns into noise; the
      // grid scrolls with the board, its dots on the world's grid lines.
      let grid = GRID * this.zoom;
      while (grid < 12) grid *= 4;
      this.space.style.backgroundSize = `${grid}px ${grid}px`;
      this.space.style.backgroundPosition = `${ORIGIN % grid}px ${ORIGIN % grid}px`;
    }
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => this.save(), 300);
    for (const fn of this.listeners) fn(this);
  }

  save() {
    try {
      sessionStorage.setItem(this.storageKey, JSON.stringify({ x: this.x, y: this.y, zoom: this.zoom }));
    } catch { /* storage unavailable */ }
  }

  restore() {
    try {
      const saved = JSON.parse(sessionStorage.getItem(this.storageKey));
      if (saved && [saved.x, saved.y, saved.zoom].every(Number.isFinite)) {
        Object.assign(this, { x: saved.x, y: saved.y, zoom: Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, saved.zoom)) });
        return true;
      }
    } catch { /* nothing saved */ }
    return false;
  }
}
