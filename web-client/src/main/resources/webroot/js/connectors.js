/**
 * SVG drawing of connectors: a line with an arrow head, a wide invisible
 * hit line for pointing, and an HTML label at the midpoint.
 * @module connectors
 */

import { arrowHead, direction } from './geometry.js';

const SVG = 'http://www.w3.org/2000/svg';
const ARROW = 12;

/**
 * Creates or updates the SVG and label of one connector.
 * @param {object} entry per-connector cache ({group, line, hit, head, label})
 * @param {object} record connector record
 * @param {{x1: number, y1: number, x2: number, y2: number, mx: number, my: number}} line
 * @param {SVGSVGElement} layer
 * @param {HTMLElement} world
 */
export function renderConnector(entry, record, line, layer, world) {
  if (!entry.group) {
    entry.group = document.createElementNS(SVG, 'g');
    entry.group.setAttribute('class', 'connector');
    entry.group.dataset.recordId = record.id;
    entry.group.dataset.type = 'connector';
    entry.hit = document.createElementNS(SVG, 'line');
    entry.hit.setAttribute('class', 'connector-hit');
    entry.line = document.createElementNS(SVG, 'line');
    entry.line.setAttribute('class', 'connector-line');
    entry.head = document.createElementNS(SVG, 'polygon');
    entry.head.setAttribute('class', 'connector-head');
    entry.group.append(entry.hit, entry.line, entry.head);
    layer.append(entry.group);
    entry.label = document.createElement('div');
    entry.label.className = 'connector-label';
    entry.label.dataset.labelFor = record.id;
    entry.label.tabIndex = 0;
    entry.label.setAttribute('role', 'group');
    world.append(entry.label);
  }
  const color = record.color || '#495057';
  const { ux, uy } = direction(line);
  // Stop the line under the arrow head so its end does not poke through.
  const endX = line.x2 - ux * ARROW * 0.8;
  const endY = line.y2 - uy * ARROW * 0.8;
  for (const el of [entry.hit, entry.line]) {
    el.setAttribute('x1', line.x1);
    el.setAttribute('y1', line.y1);
    el.setAttribute('x2', endX);
    el.setAttribute('y2', endY);
  }
  entry.line.style.stroke = color;
  entry.head.setAttribute('points', arrowHead(line, ARROW).map((p) => `${p.x},${p.y}`).join(' '));
  entry.head.style.fill = color;
  const text = record.label || '';
  entry.label.textContent = text;
  entry.label.hidden = !text;
  entry.label.style.left = `${line.mx}px`;
  entry.label.style.top = `${line.my}px`;
  entry.label.setAttribute('aria-label', text);
  entry.line.dataset.mx = line.mx;
  entry.line.dataset.my = line.my;
}

/**
 * Removes a connector's elements.
 * @param {object} entry
 */
export function removeConnector(entry) {
  entry.group?.remove();
  entry.label?.remove();
}
