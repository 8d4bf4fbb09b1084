/**
 * Snapping and alignment guides: while records move, the edges and centre
 * of what moves snap to the edges and centres of records nearby, and the
 * lines they line up on are shown as guides. Pure functions on boxes.
 * @module snapping
 */

/** How close (screen px) an edge must come to snap. */
export const SNAP_PX = 6;

const lines = (box, axis) => (axis === 'x'
  ? [box.x, box.x + box.w / 2, box.x + box.w]
  : [box.y, box.y + box.h / 2, box.y + box.h]);

/**
 * The smallest nudge along one axis that lines the moving box up with a
 * target, within the threshold; null when nothing is close enough.
 * @param {{x: number, y: number, w: number, h: number}} box
 * @param {object[]} targets boxes
 * @param {'x'|'y'} axis
 * @param {number} threshold world units
 * @returns {{delta: number, at: number}|null} at: the world coordinate lined up on
 */
function bestSnap(box, targets, axis, threshold) {
  let best = null;
  const mine = lines(box, axis);
  for (const target of targets) {
    for (const theirs of lines(target, axis)) {
      for (const own of mine) {
        const delta = theirs - own;
        if (Math.abs(delta) <= threshold && (!best || Math.abs(delta) < Math.abs(best.delta))) best = { delta, at: theirs };
      }
    }
  }
  return best;
}

/**
 * Where a moving box snaps, and the guides to draw.
 * @param {{x: number, y: number, w: number, h: number}} box the moving box where the pointer put it
 * @param {object[]} targets boxes of the records that do not move (nearby ones are enough)
 * @param {number} threshold world units (SNAP_PX / zoom)
 * @returns {{dx: number, dy: number, guides: {axis: 'x'|'y', at: number, from: number, to: number}[]}}
 *   the nudge to add to the move, and guide lines: a vertical line x = at from y = from to y = to
 *   (axis x), or a horizontal one (axis y)
 */
export function snapBox(box, targets, threshold) {
  const sx = bestSnap(box, targets, 'x', threshold);
  const sy = bestSnap(box, targets, 'y', threshold);
  const dx = sx ? sx.delta : 0;
  const dy = sy ? sy.delta : 0;
  const moved = { x: box.x + dx, y: box.y + dy, w: box.w, h: box.h };
  const guides = [];
  const eps = 0.01;
  for (const [axis, snap] of [['x', sx], ['y', sy]]) {
    if (!snap) continue;
    // The guide spans the moving box and every target lined up on the same coordinate.
    const cross = axis === 'x' ? ['y', 'h'] : ['x', 'w'];
    let from = moved[cross[0]];
    let to = moved[cross[0]] + moved[cross[1]];
    for (const target of targets) {
      if (lines(target, axis).some((v) => Math.abs(v - snap.at) < eps)) {
        from = Math.min(from, target[cross[0]]);
        to = Math.max(to, target[cross[0]] + target[cross[1]]);
      }
    }
    guides.push({ axis, at: snap.at, from, to });
  }
  return { dx, dy, guides };
}
