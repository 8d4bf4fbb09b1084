/**
 * Splices: how merging text props change (SPEC T1–T8). A splice
 * {at, delete, insert} removes `delete` UTF-16 code units at `at` and puts
 * `insert` there. The server transforms a client's splices over the ones
 * other people made meanwhile and sequences the result; clients apply those
 * verbatim and rebase their own pending splices over them with the same
 * transform. The Java twin is org.crossboard.board.Splices: both must
 * compute exactly the same thing.
 * @module text-ops
 */

/**
 * @typedef {{at: number, delete: number, insert: string}} Splice
 */

/**
 * Applies one splice; positions beyond the end are clamped to it.
 * @param {string} text
 * @param {Splice} splice
 * @returns {string}
 */
export function applySplice(text, splice) {
  const at = Math.min(Math.max(0, splice.at), text.length);
  const end = Math.min(text.length, at + Math.max(0, splice.delete));
  return text.slice(0, at) + (splice.insert || '') + text.slice(end);
}

/**
 * Applies splices in order.
 * @param {string} text
 * @param {Splice[]} splices
 * @returns {string}
 */
export function applySplices(text, splices) {
  let out = text;
  for (const s of splices) out = applySplice(out, s);
  return out;
}

/**
 * Where an insertion point (a caret) ends up after `over` is applied. At a
 * tie with over's own insertion point, `stayBefore` keeps it in front of
 * what `over` inserted.
 * @param {number} x
 * @param {Splice} over
 * @param {boolean} stayBefore
 * @returns {number}
 */
export function mapPoint(x, over, stayBefore) {
  const oa = over.at;
  const end = oa + over.delete;
  if (x < oa || (x === oa && stayBefore)) return x;
  if (x <= end) return oa + over.insert.length;
  return x - over.delete + over.insert.length;
}

/**
 * Maps a caret through splices applied in order (the caret stays in front
 * of text inserted exactly where it is).
 * @param {number} x
 * @param {Splice[]} splices
 * @returns {number}
 */
export function mapCaret(x, splices) {
  let out = x;
  for (const s of splices) out = mapPoint(out, s, true);
  return out;
}

function isNoop(s) {
  return s.delete === 0 && s.insert === '';
}

/**
 * One splice `s` rewritten to apply after `o` (both written against the same
 * text). What `o` inserted is never deleted by `s`; what both deleted is
 * deleted once. `sFirst`: at the same insertion point, s's text goes in
 * front of o's. The result has 0, 1 or 2 splices (two when `o` lies inside
 * the range `s` deletes).
 * @param {Splice} s
 * @param {Splice} o
 * @param {boolean} sFirst
 * @returns {Splice[]}
 */
export function transformOne(s, o, sFirst) {
  const oEnd = o.at + o.delete;
  const ol = o.insert.length;
  const sEnd = s.at + s.delete;
  const keptBefore = s.at < o.at ? Math.min(sEnd, o.at) - s.at : 0;
  const afterStart = Math.max(s.at, oEnd);
  const keptAfter = sEnd > afterStart ? sEnd - afterStart : 0;
  const movedAfter = afterStart - o.delete + ol;
  const point = mapPoint(s.at, o, sFirst);
  const out = [];
  let main;
  if (keptAfter > 0 && (keptBefore > 0 || point !== movedAfter)) {
    out.push({ at: movedAfter, delete: keptAfter, insert: '' });
    main = { at: point, delete: keptBefore, insert: s.insert };
  } else {
    main = { at: point, delete: keptBefore > 0 ? keptBefore : keptAfter, insert: s.insert };
  }
  out.push(main);
  return out.filter((x) => !isNoop(x));
}

/**
 * Transforms two sequences of splices written against the same text:
 * returns [a', b'] with text·a·b' equal to text·b·a'. `aFirst`: at the same
 * insertion point, a's text goes in front of b's.
 * @param {Splice[]} a
 * @param {Splice[]} b
 * @param {boolean} aFirst
 * @returns {[Splice[], Splice[]]}
 */
export function transform(a, b, aFirst) {
  if (!a.length || !b.length) return [a, b];
  if (a.length === 1 && b.length === 1) {
    return [transformOne(a[0], b[0], aFirst), transformOne(b[0], a[0], !aFirst)];
  }
  if (a.length > 1) {
    const [head, b1] = transform([a[0]], b, aFirst);
    const [rest, b2] = transform(a.slice(1), b1, aFirst);
    return [[...head, ...rest], b2];
  }
  const [a1, head] = transform(a, [b[0]], aFirst);
  const [a2, rest] = transform(a1, b.slice(1), aFirst);
  return [a2, [...head, ...rest]];
}

function isHigh(code) {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLow(code) {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * The one splice that turns `before` into `after` (common prefix and
 * suffix kept), never splitting a surrogate pair; null when they are equal.
 * @param {string} before
 * @param {string} after
 * @returns {Splice|null}
 */
export function diffSplice(before, after) {
  if (before === after) return null;
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  if (start > 0 && isHigh(before.charCodeAt(start - 1))) start--;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before.charCodeAt(endBefore - 1) === after.charCodeAt(endAfter - 1)) {
    endBefore--;
    endAfter--;
  }
  if (endBefore < before.length && isLow(before.charCodeAt(endBefore))) {
    endBefore++;
    endAfter++;
  }
  return { at: start, delete: endBefore - start, insert: after.slice(start, endAfter) };
}

/**
 * The splice that undoes `splice` once it was applied to `text`.
 * @param {string} text the text before the splice
 * @param {Splice} splice
 * @returns {Splice}
 */
export function invertSplice(text, splice) {
  const at = Math.min(splice.at, text.length);
  const end = Math.min(text.length, at + splice.delete);
  return { at, delete: splice.insert.length, insert: text.slice(at, end) };
}

/**
 * Folds a splice into the previous one when it continues it (typing on at
 * the end of what was just inserted, or backspacing into it), else null.
 * @param {Splice} prev
 * @param {Splice} next
 * @returns {Splice|null}
 */
export function composeSplices(prev, next) {
  const insertEnd = prev.at + prev.insert.length;
  if (next.delete === 0 && next.at === insertEnd) {
    return { at: prev.at, delete: prev.delete, insert: prev.insert + next.insert };
  }
  if (next.at >= prev.at && next.at + next.delete === insertEnd && next.at - prev.at <= prev.insert.length) {
    return { at: prev.at, delete: prev.delete, insert: prev.insert.slice(0, next.at - prev.at) + next.insert };
  }
  return null;
}
