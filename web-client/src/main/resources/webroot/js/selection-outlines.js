/**
 * The selection drawn above the records (SPEC W10): an outline on each
 * selected record, resize handles when one record this person may change is
 * selected, and around several a box whose handles scale them all.
 * @module selection-outlines
 */

import { boundsOf, hasBox } from './geometry.js';
import { inRegion } from './culling.js';
import { placeBox } from './record-boxes.js';

const HANDLES = ['nw', 'n', 'ne', 'e', 'se', 's', 'sw', 'w'];
/** The handle owner of the box around a multi-selection. */
export const SELECTION_BOX = 'selection';

/**
 * Outlines and handles of the selection, kept per record (not rebuilt) so a
 * handle under the pointer stays the same element while the board changes.
 */
export class SelectionOutlines {
  /**
   * @param {object} options
   * @param {HTMLElement} options.layer the layer above records they go in
   * @param {import('./selection.js').Selection} options.selection
   * @param {(record: object) => boolean} options.canChange whether a record may be resized (handles)
   */
  constructor({ layer, selection, canChange }) {
    this.layer = layer;
    this.selection = selection;
    this.canChange = canChange;
    this.outlines = new Map();
  }

  /**
   * Draws the selection as the view has it. Handles are decided again at
   * every call, so they follow a change of role at the next render.
   * @param {Map<string, object>} view
   * @param {{x: number, y: number, w: number, h: number}|null} region the rendered world region
   *   (null: everything); of several selected records only those in it get an outline
   * @param {number} zoom
   */
  render(view, region, zoom) {
    const selected = [...this.selection.ids].map((id) => view.get(id)).filter(hasBox);
    const editable = selected.filter((r) => !r.locked && this.canChange(r));
    const keep = new Set();
    const single = selected.length === 1;
    for (const record of selected) {
      if (region && !single && !inRegion(record, region, view, zoom)) continue;
      keep.add(record.id);
      const outline = this.outlineFor(record.id, single ? 'selection-outline' : 'selection-outline thin');
      placeBox(outline, record);
      setHandles(outline, single && editable.length === 1 ? record.id : null);
    }
    if (selected.length > 1) {
      keep.add(SELECTION_BOX);
      const box = this.outlineFor(SELECTION_BOX, 'selection-outline selection-box');
      placeBox(box, boundsOf(selected));
      // Handles only when every selected record may be scaled.
      setHandles(box, editable.length === selected.length ? SELECTION_BOX : null);
    }
    for (const [id, outline] of this.outlines) {
      if (!keep.has(id)) {
        outline.remove();
        this.outlines.delete(id);
      }
    }
  }

  outlineFor(id, className) {
    let outline = this.outlines.get(id);
    if (!outline) {
      outline = document.createElement('div');
      outline.dataset.selectionFor = id;
      this.outlines.set(id, outline);
      if (id === SELECTION_BOX) this.layer.append(outline);
      else this.layer.prepend(outline);
    }
    if (outline.className !== className) outline.className = className;
    return outline;
  }
}

// Resize handles on an outline for an owner (a record id or SELECTION_BOX), or none.
function setHandles(outline, owner) {
  if (!owner) {
    if (outline.firstChild) outline.replaceChildren();
    return;
  }
  if (outline.firstChild?.dataset.handleFor === owner) return;
  outline.replaceChildren(...HANDLES.map((handle) => {
    const knob = document.createElement('div');
    knob.className = `handle handle-${handle}`;
    knob.dataset.handle = handle;
    knob.dataset.handleFor = owner;
    return knob;
  }));
}
