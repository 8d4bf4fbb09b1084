/**
 * DOM renderer for the board: one absolutely positioned element per record
 * inside a transformed world layer, connectors in an SVG layer. Only the
 * records in and around the visible area are elements; zoomed far out (or
 * with too many records in view) boxes and connectors are drawn on the
 * overview canvas instead. Updates are batched per animation frame and
 * diffed by record identity. What each element looks like is up to
 * record-boxes.js, connectors.js and comments.js; the selection is drawn by
 * selection-outlines.js.
 * @module canvas
 */

import { compareDrawOrder } from './model.js';
import { connectorLine, containsRect, hasBox } from './geometry.js';
import { renderConnector, removeConnector } from './connectors.js';
import { createCommentPin, updateCommentPin } from './comments.js';
import { inRegion, renderRegion } from './culling.js';
import { DOM_BUDGET, OVERVIEW_BELOW_ZOOM, OverviewLayer } from './overview.js';
import { NoteFitter } from './note-fit.js';
import { DEFAULT_COLORS, DEFAULT_FONT, createBox, updateBox } from './record-boxes.js';
import { SelectionOutlines } from './selection-outlines.js';

/**
 * Renders the local view of a SyncClient into the world layer.
 */
export class CanvasRenderer {
  /**
   * @param {object} options
   * @param {HTMLElement} options.world transformed layer for records
   * @param {SVGSVGElement} options.connectorLayer SVG for connectors
   * @param {HTMLElement} options.overlay layer above records (selection outlines)
   * @param {import('./sync.js').SyncClient} options.sync
   * @param {import('./selection.js').Selection} options.selection
   * @param {import('./viewport.js').Viewport} [options.viewport] without it every record is an element
   * @param {HTMLElement} [options.commentLayer] layer for comment pins (above records)
   * @param {(record: object) => string} [options.commentAuthor] the name shown on a comment
   * @param {(record: object) => boolean} [options.canChange] whether a record may be resized (handles)
   */
  constructor({ world, connectorLayer, overlay, sync, selection, viewport = null, commentLayer = world,
    commentAuthor = (record) => record.authorName || '?', canChange = () => true }) {
    this.world = world;
    this.commentLayer = commentLayer;
    this.commentAuthor = commentAuthor;
    this.connectorLayer = connectorLayer;
    this.sync = sync;
    this.selection = selection;
    this.viewport = viewport;
    this.elements = new Map();
    this.connectors = new Map();
    this.selectionOutlines = new SelectionOutlines({ layer: overlay, selection, canChange });
    this.editingId = null;
    this.afterRender = [];
    this.frame = 0;
    this.region = null;
    this.overviewMode = false;
    // The view's Map may change in place: a counter says when it changed.
    this.version = 0;
    this.sorted = { version: -1, list: [], ranks: new Map() };
    this.noteFitter = new NoteFitter(world, DEFAULT_FONT.note);
    this.overview = viewport ? new OverviewLayer(viewport, world, { colors: DEFAULT_COLORS, fonts: DEFAULT_FONT }) : null;
    sync.on('change', () => {
      this.version += 1;
      this.schedule();
    });
    selection.onChange(() => this.schedule());
    viewport?.onChange(() => this.onViewport());
  }

  /** Renders on the next animation frame (once, however often called). */
  schedule() {
    if (!this.frame) this.frame = requestAnimationFrame(() => this.render());
  }

  /**
   * The element for a record id, if rendered.
   * @param {string} id
   * @returns {HTMLElement|undefined}
   */
  elementFor(id) {
    return this.elements.get(id) || this.connectors.get(id)?.group;
  }

  /** Whether the board is drawn as an overview (records are not elements). */
  get overviewShown() {
    return this.overviewMode;
  }

  // A pan or zoom: render again only when the view left what is rendered,
  // the zoom crossed into or out of the overview, or zooming in left far
  // more rendered than needed.
  onViewport() {
    if (this.frame) return;
    const { zoom } = this.viewport;
    const visible = this.viewport.worldRect();
    const wanted = renderRegion(visible, zoom);
    const stale = !this.region
      || (zoom < OVERVIEW_BELOW_ZOOM) !== (this.regionZoom < OVERVIEW_BELOW_ZOOM)
      || !containsRect(this.region, visible)
      || this.region.w * this.region.h > 4 * wanted.w * wanted.h;
    if (stale) {
      this.schedule();
    } else if (this.overviewMode) {
      // Within the frame of the pan itself, so the overview never lags behind.
      const view = this.sync.getView();
      if (this.overview.stale(this.version, visible, zoom)) this.overview.draw(this.sortedRecords(view).list, view, this.version, visible, zoom);
      else this.overview.present(visible);
    }
  }

  // Records bottom to top (frames first), sorted again only when the view changed.
  sortedRecords(view) {
    if (this.sorted.version === this.version) return this.sorted;
    const records = [];
    for (const r of view.values()) if (r.type !== 'board') records.push(r);
    records.sort(compareDrawOrder);
    const ranks = new Map();
    records.forEach((r, i) => ranks.set(r.id, i + 1));
    this.sorted = { version: this.version, list: records, ranks };
    return this.sorted;
  }

  /** Renders now. */
  render() {
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    const view = this.sync.getView();
    const { list, ranks } = this.sortedRecords(view);
    const zoom = this.viewport ? this.viewport.zoom : 1;
    const visible = this.viewport?.worldRect();
    const region = this.viewport ? renderRegion(visible, zoom) : null;
    this.region = region;
    this.regionZoom = this.viewport ? zoom : undefined;
    let overview = !!this.viewport && zoom < OVERVIEW_BELOW_ZOOM;
    const shown = [];
    let boxes = 0;
    for (const record of list) {
      if (region && !inRegion(record, region, view, zoom)) continue;
      shown.push(record);
      if (hasBox(record)) boxes += 1;
    }
    if (region && boxes > DOM_BUDGET) overview = true;
    this.overviewMode = overview;
    // The focused record keeps its element, so keyboard focus is never lost.
    const focused = document.activeElement?.closest?.('[data-record-id]')?.dataset.recordId;
    const seen = new Set();
    const comments = [];
    const notes = [];
    let connectorRank = 0;
    for (const record of shown) {
      const asElement = !overview || record.type === 'comment' || record.id === focused;
      if (!asElement) continue;
      seen.add(record.id);
      if (record.type === 'connector') this.renderConnector(record, view);
      else if (record.type === 'comment') comments.push(record);
      else {
        const el = this.renderBox(record, ranks.get(record.id));
        if (record.type === 'note') notes.push(el);
      }
      if (record.type === 'frame') connectorRank = Math.max(connectorRank, ranks.get(record.id));
    }
    if (focused && !seen.has(focused) && view.has(focused)) {
      const record = view.get(focused);
      seen.add(focused);
      if (hasBox(record)) this.renderBox(record, ranks.get(focused));
    }
    // Connectors sit above frames and below everything else.
    this.connectorLayer.style.zIndex = String(connectorRank + 1);
    // Comments stay above everything else, open ones above resolved ones.
    comments.sort((a, b) => !!b.resolved - !!a.resolved);
    let commentRank = 1;
    for (const record of comments) this.renderComment(record, commentRank++);
    for (const [id, el] of this.elements) {
      if (!seen.has(id)) {
        el.remove();
        this.elements.delete(id);
      }
    }
    for (const id of [...this.connectors.keys()]) {
      if (!seen.has(id)) {
        removeConnector(this.connectors.get(id));
        this.connectors.delete(id);
      }
    }
    this.noteFitter.fit(notes);
    if (overview) {
      if (this.overview.stale(this.version, visible, zoom)) this.overview.draw(list, view, this.version, visible, zoom);
    } else {
      this.overview?.hide();
    }
    this.world.classList.toggle('overview', overview);
    this.selectionOutlines.render(view, region, zoom);
    for (const fn of this.afterRender) fn(view);
  }

  renderBox(record, z) {
    let el = this.elements.get(record.id);
    if (!el || el.dataset.type !== record.type) {
      el?.remove();
      el = createBox(record);
      this.elements.set(record.id, el);
      this.world.append(el);
    }
    if (el.record !== record) {
      updateBox(el, record);
      el.record = record;
    }
    if (el.z !== z) {
      el.z = z;
      el.style.zIndex = String(z);
    }
    el.classList.toggle('selected', this.selection.has(record.id));
    el.classList.toggle('editing', this.editingId === record.id);
    return el;
  }

  renderComment(record, z) {
    let el = this.elements.get(record.id);
    if (!el || el.dataset.type !== 'comment') {
      el?.remove();
      el = createCommentPin(record);
      this.elements.set(record.id, el);
      this.commentLayer.append(el);
    }
    if (el.record !== record) {
      updateCommentPin(el, record, this.commentAuthor(record));
      el.record = record;
    }
    el.style.zIndex = String(z);
    el.classList.toggle('selected', this.selection.has(record.id));
  }

  /** Re-renders every comment pin (e.g. the author names changed). */
  refreshComments() {
    for (const el of this.elements.values()) if (el.dataset.type === 'comment') el.record = null;
    this.schedule();
  }

  renderConnector(record, view) {
    const from = view.get(record.from);
    const to = view.get(record.to);
    let entry = this.connectors.get(record.id);
    if (!hasBox(from) || !hasBox(to)) {
      if (entry) {
        removeConnector(entry);
        this.connectors.delete(record.id);
      }
      return;
    }
    if (!entry) {
      entry = { record: null };
      this.connectors.set(record.id, entry);
    }
    if (entry.record !== record || entry.from !== from || entry.to !== to) {
      renderConnector(entry, record, connectorLine(from, to), this.connectorLayer, this.world);
      entry.record = record;
      entry.from = from;
      entry.to = to;
    }
    const selected = this.selection.has(record.id);
    entry.group.classList.toggle('selected', selected);
    entry.label.classList.toggle('selected', selected);
    entry.label.classList.toggle('editing', this.editingId === record.id);
  }
}
