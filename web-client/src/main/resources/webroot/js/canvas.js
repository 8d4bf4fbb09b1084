/**
 * DOM renderer for the board: one absolutely positioned element per record
 * inside a transformed world layer, connectors in an SVG layer. Updates are
 * batched per animation frame and diffed by record identity.
 * @module canvas
 */

import { compareZ } from './model.js';
import { connectorLine, hasBox } from './geometry.js';
import { t } from './i18n.js';
import { renderConnector, removeConnector } from './connectors.js';
import { createCommentPin, updateCommentPin } from './comments.js';

const SVG = 'http://www.w3.org/2000/svg';
const TYPE_LABEL = { note: 'typeNote', text: 'typeText', shape: 'typeShape', frame: 'typeFrame', connector: 'typeConnector' };

/** Colour of new records by type (#RRGGBB). */
export const DEFAULT_COLORS = { note: '#FFE066', text: '#212529', shape: '#A5D8FF', frame: '#FFFFFF', connector: '#495057' };
/** Font size of new records by type, in world px. */
export const DEFAULT_FONT = { note: 18, text: 24, shape: 18 };

/**
 * Renders the local view of a SyncClient into the world layer.
 */
export class CanvasRenderer {
  /**
   * @param {object} options
   * @param {HTMLElement} options.world transformed layer for records
   * @param {SVGSVGElement} options.connectorLayer SVG for connectors
   * @param {HTMLElement} options.overlay layer above records (selection)
   * @param {import('./sync.js').SyncClient} options.sync
   * @param {import('./selection.js').Selection} options.selection
   * @param {HTMLElement} [options.commentLayer] layer for comment pins (above records)
   * @param {(record: object) => string} [options.commentAuthor] the name shown on a comment
   * @param {(record: object) => boolean} [options.canChange] whether a record may be resized (handles)
   */
  constructor({ world, connectorLayer, overlay, sync, selection, commentLayer = world,
    commentAuthor = (record) => record.authorName || '?', canChange = () => true }) {
    this.world = world;
    this.canChange = canChange;
    this.commentLayer = commentLayer;
    this.commentAuthor = commentAuthor;
    this.connectorLayer = connectorLayer;
    this.overlay = overlay;
    this.sync = sync;
    this.selection = selection;
    this.elements = new Map();
    this.connectors = new Map();
    this.editingId = null;
    this.afterRender = [];
    this.frame = 0;
    sync.on('change', () => this.schedule());
    selection.onChange(() => this.schedule());
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

  /** Renders now. */
  render() {
    this.frame = 0;
    const view = this.sync.getView();
    const records = [...view.values()].filter((r) => r.type !== 'board').sort(compareZ);
    const frames = records.filter((r) => r.type === 'frame');
    let rank = 1;
    for (const record of frames) this.renderBox(record, rank++);
    this.connectorLayer.style.zIndex = String(rank++);
    const seen = new Set(frames.map((r) => r.id));
    const comments = [];
    for (const record of records) {
      if (record.type === 'frame') continue;
      seen.add(record.id);
      if (record.type === 'connector') this.renderConnector(record, view);
      else if (record.type === 'comment') comments.push(record);
      else this.renderBox(record, rank++);
    }
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
    this.renderSelection(view);
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
    el.style.zIndex = String(z);
    el.classList.toggle('selected', this.selection.has(record.id));
    el.classList.toggle('editing', this.editingId === record.id);
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

  // Outlines are kept per record (not rebuilt) so a handle under the
  // pointer stays the same element while the board changes.
  renderSelection(view) {
    this.outlines ||= new Map();
    const selected = [...this.selection.ids].map((id) => view.get(id)).filter(hasBox);
    const keep = new Set();
    for (const record of selected) {
      keep.add(record.id);
      let outline = this.outlines.get(record.id);
      if (!outline) {
        outline = document.createElement('div');
        outline.className = 'selection-outline';
        outline.dataset.selectionFor = record.id;
        this.outlines.set(record.id, outline);
        this.overlay.prepend(outline);
      }
      placeBox(outline, record);
      const resizable = selected.length === 1 && !record.locked && this.canChange(record);
      if (resizable && !outline.firstChild) {
        for (const handle of ['nw', 'n', 'ne', 'e', 'se', 's', 'sw', 'w']) {
          const knob = document.createElement('div');
          knob.className = `handle handle-${handle}`;
          knob.dataset.handle = handle;
          knob.dataset.handleFor = record.id;
          outline.append(knob);
        }
      } else if (!resizable) {
        outline.replaceChildren();
      }
    }
    for (const [id, outline] of this.outlines) {
      if (!keep.has(id)) {
        outline.remove();
        this.outlines.delete(id);
      }
    }
  }
}

/**
 * Positions an element on a record's box (world units).
 * @param {HTMLElement} el
 * @param {object} record
 */
export function placeBox(el, record) {
  el.style.left = `${record.x}px`;
  el.style.top = `${record.y}px`;
  el.style.width = `${record.w}px`;
  el.style.height = `${record.h}px`;
  el.style.transform = record.rotation ? `rotate(${record.rotation}deg)` : '';
}

function createBox(record) {
  const el = document.createElement('div');
  el.className = `record type-${record.type}`;
  el.dataset.recordId = record.id;
  el.dataset.type = record.type;
  el.tabIndex = 0;
  el.setAttribute('role', 'group');
  el.setAttribute('aria-roledescription', t(TYPE_LABEL[record.type] || 'typeNote'));
  if (record.type === 'frame') {
    const title = document.createElement('div');
    title.className = 'frame-title';
    el.append(title);
    return el;
  }
  if (record.type === 'shape') {
    const svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('class', 'shape-bg');
    svg.setAttribute('viewBox', '0 0 100 100');
    svg.setAttribute('preserveAspectRatio', 'none');
    svg.setAttribute('aria-hidden', 'true');
    el.append(svg);
  }
  const text = document.createElement('div');
  text.className = 'record-text';
  el.append(text);
  return el;
}

function updateBox(el, record) {
  placeBox(el, record);
  const color = record.color || DEFAULT_COLORS[record.type];
  el.classList.toggle('locked', !!record.locked);
  if (record.type === 'frame') {
    el.style.setProperty('--frame-color', color);
    const title = record.title ?? t('defaultFrameTitle');
    el.firstChild.textContent = title;
    el.setAttribute('aria-label', title);
    return;
  }
  const text = el.querySelector('.record-text');
  text.textContent = record.text || '';
  text.style.fontSize = `${record.fontSize || DEFAULT_FONT[record.type]}px`;
  if (record.type === 'text') text.style.color = color;
  else el.style.setProperty('--fill', color);
  if (record.type === 'shape') drawShape(el.querySelector('.shape-bg'), record.shape);
  const summary = (record.text || t('emptyText')).slice(0, 120);
  el.setAttribute('aria-label', summary);
}

function drawShape(svg, kind) {
  if (svg.dataset.kind === kind) return;
  svg.dataset.kind = kind;
  svg.closest('.record').dataset.shape = kind;
  let shape;
  if (kind === 'ellipse') {
    shape = document.createElementNS(SVG, 'ellipse');
    shape.setAttribute('cx', '50');
    shape.setAttribute('cy', '50');
    shape.setAttribute('rx', '49');
    shape.setAttribute('ry', '49');
  } else if (kind === 'diamond') {
    shape = document.createElementNS(SVG, 'polygon');
    shape.setAttribute('points', '50,1 99,50 50,99 1,50');
  } else {
    shape = document.createElementNS(SVG, 'rect');
    shape.setAttribute('x', '1');
    shape.setAttribute('y', '1');
    shape.setAttribute('width', '98');
    shape.setAttribute('height', '98');
    shape.setAttribute('rx', '4');
  }
  shape.setAttribute('vector-effect', 'non-scaling-stroke');
  svg.replaceChildren(shape);
}
