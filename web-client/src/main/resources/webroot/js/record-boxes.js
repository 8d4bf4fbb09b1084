/**
 * The element of one boxed record (note, text, shape, frame): created once,
 * updated for each new version of its record, with the defaults new records
 * of each type get. Text is always set with textContent (SPEC W4).
 * @module record-boxes
 */

import { t } from './i18n.js';

const SVG = 'http://www.w3.org/2000/svg';
const TYPE_LABEL = { note: 'typeNote', text: 'typeText', shape: 'typeShape', frame: 'typeFrame', connector: 'typeConnector' };

/** Colour of new records by type (#RRGGBB). */
export const DEFAULT_COLORS = { note: '#FFE066', text: '#212529', shape: '#A5D8FF', frame: '#FFFFFF', connector: '#495057' };
/** Font size of new records by type, in world px. */
export const DEFAULT_FONT = { note: 18, text: 24, shape: 18 };

/**
 * Positions an element on a box in world units, turned as the box is: a
 * record's, or any {x, y, w, h}.
 * @param {HTMLElement} el
 * @param {{x: number, y: number, w: number, h: number, rotation?: number}} record
 */
export function placeBox(el, record) {
  el.style.left = `${record.x}px`;
  el.style.top = `${record.y}px`;
  el.style.width = `${record.w}px`;
  el.style.height = `${record.h}px`;
  el.style.transform = record.rotation ? `rotate(${record.rotation}deg)` : '';
}

/**
 * Creates the element for a boxed record (filled in by updateBox).
 * @param {object} record
 * @returns {HTMLElement}
 */
export function createBox(record) {
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

/**
 * Brings a record's element up to a new version of the record.
 * @param {HTMLElement} el from createBox
 * @param {object} record
 */
export function updateBox(el, record) {
  placeBox(el, record);
  // A text box is at least as tall as its text, whatever its stored height.
  if (record.type === 'text') {
    el.style.minHeight = el.style.height;
    el.style.height = 'auto';
  }
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
  // A note's font size comes from fitting its text (note-fit.js).
  if (record.type !== 'note') text.style.fontSize = `${record.fontSize || DEFAULT_FONT[record.type]}px`;
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
