/**
 * Pan and zoom: maps screen points to world points and transforms the
 * world layer. screen = world * zoom + pan.
 * @module viewport
 */

/** Zoom limits. */
export const MIN_ZOOM = 0.1;
/** Zoom limits. */
export const MAX_ZOOM = 4;
const GRID = 24;

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
    container.addEventListener('wheel', (event) => this.onWheel(event), { passive: false });
    this.apply();
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
    const rect = this.container.getBoundingClientRect();
    return { x: (clientX - rect.left - this.x) / this.zoom, y: (clientY - rect.top - this.y) / this.zoom };
  }

  /**
   * World point at the centre of the visible area.
   * @returns {{x: number, y: number}}
   */
  centerWorld() {
    const rect = this.container.getBoundingClientRect();
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
    const rect = this.container.getBoundingClientRect();
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
    const rect = this.container.getBoundingClientRect();
    if (!box) {
      this.zoom = 1;
      this.x = rect.width / 2;
      this.y = rect.height / 2;
    } else {
      const margin = 64;
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
    const rect = this.container.getBoundingClientRect();
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
    const rect = this.container.getBoundingClientRect();
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
    this.world.style.transform = `translate(${this.x}px, ${this.y}px) scale(${this.zoom})`;
    this.container.style.setProperty('--zoom', String(this.zoom));
    // Coarser dots when zoomed out, so the grid never turns into noise.
    let grid = GRID * this.zoom;
    while (grid < 12) grid *= 4;
    this.container.style.backgroundSize = `${grid}px ${grid}px`;
    this.container.style.backgroundPosition = `${this.x}px ${this.y}px`;
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
