/**
 * Geometry helpers in world coordinates.
 * @module geometry
 */

/** Whether a record has a box (x, y, w, h). Comments are points, not boxes. */
export function hasBox(record) {
  return !!record && record.type !== 'connector' && record.type !== 'board' && record.type !== 'comment';
}

/** Whether a record sits at a point (x, y) that moving changes: boxes and comments. */
export function hasPosition(record) {
  return hasBox(record) || record?.type === 'comment';
}

/**
 * Center point of a boxed record.
 * @param {{x: number, y: number, w: number, h: number}} r
 * @returns {{x: number, y: number}}
 */
export function center(r) {
  return { x: r.x + r.w / 2, y: r.y + r.h / 2 };
}

/**
 * Whether point (x, y) lies inside the record's box.
 * @returns {boolean}
 */
export function containsPoint(r, x, y) {
  return x >= r.x && x <= r.x + r.w && y >= r.y && y <= r.y + r.h;
}

/**
 * Whether two boxes overlap.
 * @returns {boolean}
 */
export function intersects(a, b) {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/**
 * Whether box a lies entirely inside box b.
 * @param {{x: number, y: number, w: number, h: number}} b
 * @param {{x: number, y: number, w: number, h: number}} a
 * @returns {boolean}
 */
export function containsRect(b, a) {
  return a.x >= b.x && a.y >= b.y && a.x + a.w <= b.x + b.w && a.y + a.h <= b.y + b.h;
}

/**
 * Bounding box of several boxed records, or null.
 * @param {object[]} records
 * @returns {{x: number, y: number, w: number, h: number}|null}
 */
export function boundsOf(records) {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const r of records) {
    if (!hasBox(r)) continue;
    minX = Math.min(minX, r.x);
    minY = Math.min(minY, r.y);
    maxX = Math.max(maxX, r.x + r.w);
    maxY = Math.max(maxY, r.y + r.h);
  }
  return minX === Infinity ? null : { x: minX, y: minY, w: maxX - minX, h: maxY - minY };
}

/**
 * Where a ray from the center of a record along (dx, dy) leaves its outline.
 * @returns {{x: number, y: number}}
 */
export function outlineExit(r, dx, dy) {
  const c = center(r);
  const hw = Math.max(r.w / 2, 0.5);
  const hh = Math.max(r.h / 2, 0.5);
  if (!dx && !dy) return c;
  let t;
  if (r.type === 'shape' && r.shape === 'ellipse') t = 1 / Math.hypot(dx / hw, dy / hh);
  else if (r.type === 'shape' && r.shape === 'diamond') t = 1 / (Math.abs(dx) / hw + Math.abs(dy) / hh);
  else t = Math.min(dx ? hw / Math.abs(dx) : Infinity, dy ? hh / Math.abs(dy) : Infinity);
  return { x: c.x + dx * t, y: c.y + dy * t };
}

/**
 * Line between two records, from outline to outline, with its midpoint.
 * @returns {{x1: number, y1: number, x2: number, y2: number, mx: number, my: number}}
 */
export function connectorLine(from, to) {
  const a = center(from);
  const b = center(to);
  const start = outlineExit(from, b.x - a.x, b.y - a.y);
  const end = outlineExit(to, a.x - b.x, a.y - b.y);
  return { x1: start.x, y1: start.y, x2: end.x, y2: end.y, mx: (start.x + end.x) / 2, my: (start.y + end.y) / 2 };
}

/**
 * The unit vector along a line, from (x1, y1) towards (x2, y2).
 * @param {{x1: number, y1: number, x2: number, y2: number}} line
 * @returns {{ux: number, uy: number}}
 */
export function direction(line) {
  const length = Math.hypot(line.x2 - line.x1, line.y2 - line.y1) || 1;
  return { ux: (line.x2 - line.x1) / length, uy: (line.y2 - line.y1) / length };
}

/**
 * The arrow head at the end of a line: a triangle `size` long and half as
 * wide, its tip on (x2, y2).
 * @param {{x1: number, y1: number, x2: number, y2: number}} line
 * @param {number} size world units
 * @returns {{x: number, y: number}[]} the tip, then the two corners of its base
 */
export function arrowHead(line, size) {
  const { ux, uy } = direction(line);
  const bx = line.x2 - ux * size;
  const by = line.y2 - uy * size;
  const half = size * 0.5;
  return [{ x: line.x2, y: line.y2 }, { x: bx - uy * half, y: by + ux * half }, { x: bx + uy * half, y: by - ux * half }];
}

/**
 * Clamps a number into a range and rounds it to 2 decimals.
 * @returns {number}
 */
export function clamp(value, min, max) {
  return Math.round(Math.min(max, Math.max(min, value)) * 100) / 100;
}
