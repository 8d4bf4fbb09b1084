/**
 * Note text that fits its note, in the page (SPEC W13): the font size comes
 * from measured text (text-fit.js), is checked against the browser's own
 * layout once for all notes of a render, and steps down where the browser
 * wraps a little differently; below the floor a note is marked as
 * overflowing. The same step-down sizes the editor's field while typing.
 * @module note-fit
 */

import { t } from './i18n.js';
import { fitFontSize } from './text-fit.js';

/** Smallest font a note's text shrinks to before it is marked as overflowing. */
export const MIN_NOTE_FONT = 10;
const NOTE_PADDING = 16;
const FIT_CACHE_MAX = 4000;

/**
 * Lowers an element's font size one pixel at a time while its text overflows
 * it, down to floor.
 * @param {HTMLElement} el
 * @param {number} fontSize the size it has now
 * @param {number} floor
 * @param {boolean} [overflow] whether it overflows now, when already read
 * @returns {{fontSize: number, overflow: boolean}}
 */
export function stepDownWhileOverflowing(el, fontSize, floor, overflow = overflows(el)) {
  let size = fontSize;
  while (overflow && size > floor) {
    size -= 1;
    el.style.fontSize = `${size}px`;
    overflow = overflows(el);
  }
  return { fontSize: size, overflow };
}

const overflows = (el) => el.scrollHeight > el.clientHeight + 1;

/** Fits the text of note elements rendered by the canvas, remembering recent results. */
export class NoteFitter {
  /**
   * @param {HTMLElement} world the layer whose font the notes use
   * @param {number} defaultFontSize a note's font size when its record names none
   */
  constructor(world, defaultFontSize) {
    this.world = world;
    this.defaultFontSize = defaultFontSize;
    this.cache = new Map();
    this.measure = null;
  }

  /**
   * Sets the font size of each note element's text (element.record is its
   * record) and marks the ones that overflow at the floor. Elements already
   * fitted for their record are left as they are.
   * @param {HTMLElement[]} elements
   */
  fit(elements) {
    const stale = elements.filter((el) => el.fitFor !== el.record);
    if (!stale.length) return;
    const measure = this.measure ||= textMeasure(getComputedStyle(this.world).fontFamily);
    const checks = [];
    for (const el of stale) {
      const record = el.record;
      const text = el.querySelector('.record-text');
      const base = record.fontSize || this.defaultFontSize;
      const floor = Math.min(MIN_NOTE_FONT, base);
      const key = `${record.w}|${record.h}|${base}|${record.text || ''}`;
      const known = this.cache.get(key);
      const fit = known || fitFontSize({ text: record.text || '', width: Math.max(1, record.w - 2 * NOTE_PADDING),
        height: Math.max(1, record.h - 2 * NOTE_PADDING), fontSize: base, minFontSize: floor, measure });
      text.style.fontSize = `${fit.fontSize}px`;
      el.fitFor = record;
      if (known) markOverflow(el, fit.overflow);
      else checks.push({ el, text, fit, key, floor });
    }
    // Layout is read once for all notes before any is stepped down (no layout thrashing).
    const overflowing = checks.map(({ text }) => overflows(text));
    checks.forEach((check, i) => {
      const result = stepDownWhileOverflowing(check.text, check.fit.fontSize, check.floor, overflowing[i]);
      markOverflow(check.el, result.overflow);
      if (this.cache.size >= FIT_CACHE_MAX) this.cache.delete(this.cache.keys().next().value);
      this.cache.set(check.key, result);
    });
  }
}

// A note whose text does not fit even at the smallest font: a mark and a tooltip.
function markOverflow(el, overflow) {
  if (el.hasAttribute('data-overflow') === overflow) return;
  el.toggleAttribute('data-overflow', overflow);
  if (overflow) el.title = t('textOverflows');
  else el.removeAttribute('title');
}

// Width of text at font size 1 in a font family, from a canvas (cached per piece).
function textMeasure(fontFamily) {
  const ctx = document.createElement('canvas').getContext('2d');
  ctx.font = `100px ${fontFamily}`;
  const cache = new Map();
  return (piece) => {
    let width = cache.get(piece);
    if (width === undefined) {
      width = ctx.measureText(piece).width / 100;
      if (cache.size > 20000) cache.clear();
      cache.set(piece, width);
    }
    return width;
  };
}
