/**
 * Which records a view needs: the part of the world worth keeping in the
 * DOM around what is visible, whether a record falls in it, and which
 * record lies under a world point when there is no element to ask (records
 * drawn on the overview canvas). Pure functions over plain records.
 * @module culling
 */

import { compareDrawOrder } from './model.js';
import { containsPoint, hasBox, intersects } from './geometry.js';

/** Screen pixels kept in the DOM beyond each edge of the visible area. */
export const MARGIN_PX = 200;

/**
 * The world region to render for a visible world rectangle: the rectangle
 * grown by a margin of screen pixels on each side.
 * @param {{x: number, y: number, w: number, h: number}} visible world units
 * @param {number} zoom screen pixels per world unit
 * @param {number} [marginPx]
 * @returns {{x: number, y: number, w: number, h: number}}
 */
export function renderRegion(visible, zoom, marginPx = MARGIN_PX) {
  const m = marginPx / zoom;
  return { x: visible.x - m, y: visible.y - m, w: visible.w + 2 * m, h: visible.h + 2 * m };
}

/**
 * World box of a record as drawn: boxes as they are, comments as the pin
 * above their point (at most 260 by 90 screen pixels), connectors as the
 * box around both ends.
 * @param {object} record
 * @param {Map<string, object>} view for connector ends
 * @param {number} zoom
 * @returns {{x: number, y: number, w: number, h: number}|null}
 */
export function drawnBox(record, view, zoom) {
  if (hasBox(record)) {
    // Frames show their title above the box.
    if (record.type === 'frame') return { x: record.x, y: record.y - 28 / zoom, w: record.w, h: record.h + 28 / zoom };
    return record;
  }
  if (record.type === 'comment') return { x: record.x, y: record.y - 90 / zoom, w: 260 / zoom, h: 90 / zoom };
  if (record.type === 'connector') {
    const a = view.get(record.from);
    const b = view.get(record.to);
    if (!hasBox(a) || !hasBox(b)) return null;
    const x = Math.min(a.x, b.x);
    const y = Math.min(a.y, b.y);
    return { x, y, w: Math.max(a.x + a.w, b.x + b.w) - x, h: Math.max(a.y + a.h, b.y + b.h) - y };
  }
  return null;
}

/**
 * Whether a record shows in a world region.
 * @param {object} record
 * @param {{x: number, y: number, w: number, h: number}} region
 * @param {Map<string, object>} view
 * @param {number} zoom
 * @returns {boolean}
 */
export function inRegion(record, region, view, zoom) {
  const box = drawnBox(record, view, zoom);
  return !!box && intersects(box, region);
}

/**
 * The topmost boxed record under a world point (comments and connectors
 * are never drawn on the overview, so they are not found here), or null.
 * In drawing order (compareDrawOrder): anything on a frame is above it.
 * @param {Iterable<object>} records
 * @param {number} x
 * @param {number} y
 * @returns {object|null}
 */
export function hitTest(records, x, y) {
  let best = null;
  for (const r of records) {
    if (!hasBox(r) || !containsPoint(r, x, y)) continue;
    if (!best || compareDrawOrder(r, best) > 0) best = r;
  }
  return best;
}
