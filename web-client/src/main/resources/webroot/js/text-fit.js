/**
 * Text that fits its box: the font size at which a note's text fits inside
 * it (shrinking down to a floor, as sticky notes do in Miro and FigJam).
 * Pure: the caller supplies how wide a piece of text is. (Text boxes grow
 * with their text through the editor's field, TextEditor.fitField.)
 * @module text-fit
 */

/** Line height as a multiple of the font size (as in board.css). */
export const LINE_HEIGHT = 1.3;

/**
 * How many lines a text takes at a font size in a given width, wrapping at
 * spaces and breaking words longer than a line anywhere (CSS white-space:
 * pre-wrap with overflow-wrap: anywhere). Newlines always break.
 * @param {string} text
 * @param {number} width available width, px
 * @param {number} fontSize px
 * @param {(piece: string) => number} measure width of a piece of text at font size 1
 * @returns {number} lines (at least 1)
 */
export function countLines(text, width, fontSize, measure) {
  const limit = width / fontSize;
  let lines = 0;
  for (const paragraph of String(text).split('\n')) {
    lines += 1;
    let used = 0;
    // Words with the spaces before them; a line may end in spaces that do not count.
    for (const match of paragraph.matchAll(/(\s*)(\S+)/g)) {
      const space = measure(match[1]);
      let word = match[2];
      let wide = measure(word);
      if (used > 0 && used + space + wide <= limit) {
        used += space + wide;
        continue;
      }
      if (used > 0) lines += 1;
      used = 0;
      // A word wider than a line breaks between characters.
      while (wide > limit && word.length > 1) {
        let cut = 1;
        while (cut < word.length && measure(word.slice(0, cut + 1)) <= limit) cut += 1;
        lines += 1;
        word = word.slice(cut);
        wide = measure(word);
      }
      used = wide;
    }
  }
  return Math.max(1, lines);
}

/**
 * The largest whole font size from fontSize down to minFontSize at which the
 * text fits the box; at the floor, whether it still overflows.
 * @param {object} box
 * @param {string} box.text
 * @param {number} box.width inner width, px
 * @param {number} box.height inner height, px
 * @param {number} box.fontSize the record's own size: never larger
 * @param {number} box.minFontSize the floor
 * @param {(piece: string) => number} box.measure width at font size 1
 * @param {number} [box.lineHeight]
 * @returns {{fontSize: number, overflow: boolean}}
 */
export function fitFontSize({ text, width, height, fontSize, minFontSize, measure, lineHeight = LINE_HEIGHT }) {
  const fits = (size) => countLines(text, width, size, measure) * size * lineHeight <= height + 0.5;
  const floor = Math.min(minFontSize, fontSize);
  if (!text || fits(fontSize)) return { fontSize, overflow: false };
  let lo = Math.ceil(floor);
  let hi = Math.floor(fontSize);
  if (hi >= fontSize) hi -= 1;
  if (lo > hi || !fits(lo)) return { fontSize: floor, overflow: !fits(floor) };
  // fits(lo) holds; find the largest size that fits.
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fits(mid)) lo = mid;
    else hi = mid - 1;
  }
  return { fontSize: lo, overflow: false };
}
