/**
 * Alignment guides on the board while records move (snapping.js says where).
 * @module guides
 */

/**
 * Draws guide lines in the world-space overlay layer.
 */
export class GuideLayer {
  /**
   * @param {HTMLElement} overlay the world-space layer above records
   */
  constructor(overlay) {
    this.overlay = overlay;
    this.lines = [];
  }

  /**
   * Shows these guides (and no others).
   * @param {{axis: 'x'|'y', at: number, from: number, to: number}[]} guides world units
   */
  show(guides) {
    while (this.lines.length > guides.length) this.lines.pop().remove();
    guides.forEach((guide, i) => {
      let line = this.lines[i];
      if (!line) {
        line = document.createElement('div');
        line.className = 'snap-guide';
        line.setAttribute('aria-hidden', 'true');
        this.overlay.append(line);
        this.lines.push(line);
      }
      line.dataset.axis = guide.axis;
      if (guide.axis === 'x') {
        Object.assign(line.style, { left: `${guide.at}px`, top: `${guide.from}px`, width: '', height: `${guide.to - guide.from}px` });
      } else {
        Object.assign(line.style, { left: `${guide.from}px`, top: `${guide.at}px`, width: `${guide.to - guide.from}px`, height: '' });
      }
    });
  }

  /** Removes every guide. */
  clear() {
    this.show([]);
  }
}
