/**
 * The overview: when the board is zoomed out too far to read (or too much
 * of it is in view for one element per record), records are drawn on a
 * canvas instead of as elements. They are drawn once into an off-screen
 * bitmap that covers the visible area and a view's worth around it; each
 * pan or zoom only copies the visible part of that bitmap to a canvas the
 * size of the screen. The bitmap is redrawn when the board changes, the
 * view leaves it, or the zoom moves far from the one it was drawn at.
 * @module overview
 */

import { arrowHead, connectorLine, containsRect, hasBox, intersects } from './geometry.js';

/** Below this zoom the board is drawn as an overview. */
export const OVERVIEW_BELOW_ZOOM = 0.3;
/** More boxed records than this in the region to render: overview too. */
export const DOM_BUDGET = 1500;
const MAX_SIDE = 4096;
const REDRAW_ZOOM_FACTOR = 1.15;

/**
 * Draws records on a screen-sized canvas under the world layer.
 */
export class OverviewLayer {
  /**
   * @param {import('./viewport.js').Viewport} viewport the board's view (its container is the visible area)
   * @param {HTMLElement} above the layer in the container the canvas goes just below (the panned world)
   * @param {object} defaults
   * @param {Object<string, string>} defaults.colors colour of records without one, by type
   * @param {Object<string, number>} defaults.fonts font size of records without one, by type
   */
  constructor(viewport, above, { colors, fonts }) {
    this.colors = colors;
    this.fonts = fonts;
    this.viewport = viewport;
    this.canvas = document.createElement('canvas');
    this.canvas.className = 'overview-layer';
    this.canvas.setAttribute('aria-hidden', 'true');
    this.canvas.hidden = true;
    viewport.container.insertBefore(this.canvas, above);
    this.bitmap = document.createElement('canvas');
    this.drawn = null;
  }

  /** Hides the canvas and frees its memory. */
  hide() {
    if (this.canvas.hidden) return;
    this.canvas.hidden = true;
    for (const c of [this.canvas, this.bitmap]) {
      c.width = 0;
      c.height = 0;
    }
    this.drawn = null;
  }

  /**
   * Whether the bitmap must be drawn again: the board changed, the view
   * left it, or the zoom moved far from the one it was drawn at.
   * @param {number} version the board's version (changes with every change of the board)
   * @param {{x: number, y: number, w: number, h: number}} visible world units
   * @param {number} zoom
   * @returns {boolean}
   */
  stale(version, visible, zoom) {
    const d = this.drawn;
    if (!d || d.version !== version) return true;
    return !containsRect(d.region, visible) || Math.max(zoom / d.zoom, d.zoom / zoom) > REDRAW_ZOOM_FACTOR;
  }

  /**
   * Draws the records (bottom to top) around the visible area into the
   * bitmap, then shows the visible part.
   * @param {object[]} records bottom to top; those without a box other than connectors are skipped
   * @param {Map<string, object>} view for connector ends
   * @param {number} version the board's version drawn
   * @param {{x: number, y: number, w: number, h: number}} visible the visible world area
   * @param {number} zoom
   */
  draw(records, view, version, visible, zoom) {
    // A view's worth of margin on every side: panning stays inside for a while.
    const region = { x: visible.x - visible.w, y: visible.y - visible.h, w: visible.w * 3, h: visible.h * 3 };
    const scale = Math.min((globalThis.devicePixelRatio || 1) * zoom, MAX_SIDE / region.w, MAX_SIDE / region.h);
    const bitmap = this.bitmap;
    bitmap.width = Math.max(1, Math.round(region.w * scale));
    bitmap.height = Math.max(1, Math.round(region.h * scale));
    const ctx = bitmap.getContext('2d');
    ctx.setTransform(scale, 0, 0, scale, -region.x * scale, -region.y * scale);
    const px = 1 / zoom; // one screen pixel in world units
    for (const record of records) {
      if (record.type === 'connector') this.drawConnector(ctx, record, view, region, px);
      else if (hasBox(record) && intersects(record, region)) this.drawBox(ctx, record, px, zoom);
    }
    this.drawn = { version, region, zoom, scale };
    this.present(visible);
  }

  /**
   * Shows the visible part of the bitmap (a pan or zoom within it).
   * @param {{x: number, y: number, w: number, h: number}} visible world units
   */
  present(visible) {
    const d = this.drawn;
    if (!d) return;
    const canvas = this.canvas;
    const ratio = globalThis.devicePixelRatio || 1;
    // The size the viewport keeps: reading the container's would force a layout on every pan frame.
    const screen = this.viewport.rect();
    const width = Math.round(screen.width * ratio);
    const height = Math.round(screen.height * ratio);
    if (canvas.width !== width || canvas.height !== height) {
      canvas.width = width;
      canvas.height = height;
      canvas.style.width = `${screen.width}px`;
      canvas.style.height = `${screen.height}px`;
    }
    canvas.hidden = false;
    const ctx = canvas.getContext('2d');
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, width, height);
    ctx.imageSmoothingQuality = 'low';
    // Bitmap pixels of the visible area; the part outside the bitmap stays empty.
    const sx = (visible.x - d.region.x) * d.scale;
    const sy = (visible.y - d.region.y) * d.scale;
    const k = width / (visible.w * d.scale); // screen pixels per bitmap pixel
    ctx.drawImage(this.bitmap, -sx * k, -sy * k, this.bitmap.width * k, this.bitmap.height * k);
  }

  drawBox(ctx, r, px, zoom) {
    const color = r.color || this.colors[r.type];
    ctx.save();
    if (r.rotation) {
      ctx.translate(r.x + r.w / 2, r.y + r.h / 2);
      ctx.rotate((r.rotation * Math.PI) / 180);
      ctx.translate(-(r.x + r.w / 2), -(r.y + r.h / 2));
    }
    if (r.type === 'frame') {
      ctx.fillStyle = color;
      ctx.fillRect(r.x, r.y, r.w, r.h);
      ctx.lineWidth = px;
      ctx.strokeStyle = 'rgba(16, 24, 40, 0.18)';
      ctx.strokeRect(r.x, r.y, r.w, r.h);
      if (r.title && r.w * zoom > 40) {
        ctx.fillStyle = '#495057';
        ctx.font = `600 ${12 * px}px system-ui, sans-serif`;
        ctx.textBaseline = 'bottom';
        ctx.fillText(r.title.slice(0, 80), r.x, r.y - 4 * px, r.w);
      }
    } else if (r.type === 'shape') {
      ctx.fillStyle = color;
      ctx.strokeStyle = 'rgba(27, 31, 36, 0.35)';
      ctx.lineWidth = px;
      ctx.beginPath();
      if (r.shape === 'ellipse') ctx.ellipse(r.x + r.w / 2, r.y + r.h / 2, r.w / 2, r.h / 2, 0, 0, Math.PI * 2);
      else if (r.shape === 'diamond') {
        ctx.moveTo(r.x + r.w / 2, r.y);
        ctx.lineTo(r.x + r.w, r.y + r.h / 2);
        ctx.lineTo(r.x + r.w / 2, r.y + r.h);
        ctx.lineTo(r.x, r.y + r.h / 2);
        ctx.closePath();
      } else ctx.rect(r.x, r.y, r.w, r.h);
      ctx.fill();
      ctx.stroke();
      this.drawLines(ctx, r, 'rgba(27, 31, 36, 0.3)', zoom, true);
    } else if (r.type === 'note') {
      ctx.fillStyle = color;
      ctx.fillRect(r.x, r.y, r.w, r.h);
      this.drawLines(ctx, r, 'rgba(27, 31, 36, 0.28)', zoom, false);
    } else {
      this.drawLines(ctx, r, color, zoom, false, 0.55);
    }
    ctx.restore();
  }

  // Text is unreadable at overview zoom: grey bars where its lines are.
  drawLines(ctx, r, color, zoom, centred, alpha = 1) {
    const text = r.text || '';
    if (!text.trim()) return;
    const font = r.fontSize || this.fonts[r.type] || 18;
    if (font * zoom < 1.5) return;
    const pad = r.type === 'note' ? 16 : 6;
    const width = Math.max(1, r.w - pad * 2);
    const line = font * 1.3;
    const charsPerLine = Math.max(1, Math.floor(width / (font * 0.52)));
    const lines = Math.min(Math.ceil(text.length / charsPerLine), Math.max(1, Math.floor((r.h - pad * 2) / line)));
    const top = centred ? r.y + (r.h - lines * line) / 2 : r.y + pad;
    ctx.globalAlpha = alpha;
    ctx.fillStyle = color;
    for (let i = 0; i < lines; i++) {
      const fill = i === lines - 1 ? ((text.length % charsPerLine) || charsPerLine) / charsPerLine : 1;
      const w = Math.max(font, width * Math.min(1, fill));
      const x = centred ? r.x + (r.w - w) / 2 : r.x + pad;
      ctx.fillRect(x, top + i * line + line * 0.3, w, line * 0.45);
    }
    ctx.globalAlpha = 1;
  }

  drawConnector(ctx, r, view, region, px) {
    const from = view.get(r.from);
    const to = view.get(r.to);
    if (!hasBox(from) || !hasBox(to)) return;
    const line = connectorLine(from, to);
    const box = { x: Math.min(line.x1, line.x2), y: Math.min(line.y1, line.y2),
      w: Math.abs(line.x2 - line.x1) + 1, h: Math.abs(line.y2 - line.y1) + 1 };
    if (!intersects(box, region)) return;
    const color = r.color || this.colors.connector;
    ctx.strokeStyle = color;
    ctx.fillStyle = color;
    ctx.lineWidth = Math.max(2.5, 1.5 * px);
    ctx.beginPath();
    ctx.moveTo(line.x1, line.y1);
    ctx.lineTo(line.x2, line.y2);
    ctx.stroke();
    const [tip, left, right] = arrowHead(line, Math.max(12, 6 * px));
    ctx.beginPath();
    ctx.moveTo(tip.x, tip.y);
    ctx.lineTo(left.x, left.y);
    ctx.lineTo(right.x, right.y);
    ctx.closePath();
    ctx.fill();
  }
}
