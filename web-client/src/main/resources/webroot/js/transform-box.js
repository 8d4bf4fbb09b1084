/**
 * Resizing boxes by their handles, and scaling a multi-selection with the
 * box around it: every record keeps its place and proportion inside the
 * box. Pure functions on {x, y, w, h} boxes in world units.
 * @module transform-box
 */

/** Smallest width or height a handle makes, world px. */
export const MIN_SIZE = 10;

/**
 * A box after dragging one of its handles by (dx, dy): "e" moves the right
 * edge, "nw" the top-left corner, and so on; the opposite edges stay put.
 * @param {{x: number, y: number, w: number, h: number}} box
 * @param {string} handle n, ne, e, se, s, sw, w or nw
 * @param {number} dx
 * @param {number} dy
 * @param {number} [min] smallest width and height
 * @returns {{x: number, y: number, w: number, h: number}}
 */
export function resizeBox(box, handle, dx, dy, min = MIN_SIZE) {
  let { x, y, w, h } = box;
  if (handle.includes('e')) w = Math.max(min, box.w + dx);
  if (handle.includes('s')) h = Math.max(min, box.h + dy);
  if (handle.includes('w')) {
    w = Math.max(min, box.w - dx);
    x = box.x + box.w - w;
  }
  if (handle.includes('n')) {
    h = Math.max(min, box.h - dy);
    y = box.y + box.h - h;
  }
  return { x, y, w, h };
}

/**
 * Scales records from one box to another: positions and sizes follow the
 * box (records without a size, such as comments, only move); text boxes'
 * font sizes follow the smaller of the two scale factors.
 * @param {object[]} records with x, y (and w, h for boxes)
 * @param {{x: number, y: number, w: number, h: number}} from the box around them now
 * @param {{x: number, y: number, w: number, h: number}} to the box they should fill
 * @returns {Map<string, object>} id -> the props that change (x, y, w, h, fontSize), rounded to 2 decimals
 */
export function scaleRecords(records, from, to) {
  const sx = to.w / Math.max(from.w, 1e-9);
  const sy = to.h / Math.max(from.h, 1e-9);
  const round = (v) => Math.round(v * 100) / 100;
  const out = new Map();
  for (const r of records) {
    const props = { x: round(to.x + (r.x - from.x) * sx), y: round(to.y + (r.y - from.y) * sy) };
    if (Number.isFinite(r.w) && Number.isFinite(r.h)) {
      props.w = round(Math.max(1, r.w * sx));
      props.h = round(Math.max(1, r.h * sy));
    }
    if (r.type === 'text' && Number.isFinite(r.fontSize)) {
      props.fontSize = Math.min(400, Math.max(6, Math.round(r.fontSize * Math.min(sx, sy))));
    }
    out.set(r.id, props);
  }
  return out;
}
