/**
 * Draws other people on the board: their cursors (arrow + name, constant
 * screen size, eased between updates), outlines around what they select
 * and a dashed outline with "… is typing" on what they edit.
 * @module cursors
 */

import { hasBox } from './geometry.js';
import { placeBox } from './record-boxes.js';
import { t } from './i18n.js';

const SVG = 'http://www.w3.org/2000/svg';
const HIDE_KEY = 'crossboard.hideCursors';

/**
 * Dark or light text, whichever reads better on a #RRGGBB background.
 * @param {string} hex
 * @returns {string}
 */
export function inkOn(hex) {
  const n = parseInt(hex.slice(1), 16);
  const linear = (c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((c) => linear(c / 255));
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  // WCAG contrast against white and against the ink colour (#1B1F24, luminance ~0.014).
  return 1.05 / (luminance + 0.05) >= (luminance + 0.05) / 0.064 ? '#FFFFFF' : '#1B1F24';
}

/**
 * "Ana · EE": the name shown next to a person's cursor.
 * @param {{name: string, country: string|null}} user
 * @returns {string}
 */
export function peerLabel(user) {
  return user.country ? `${user.name} · ${user.country}` : user.name;
}

function stored() {
  try { return localStorage.getItem(HIDE_KEY) === '1'; } catch { return false; }
}

/**
 * Renders the peers of a PresenceClient into two world-space layers.
 */
export class PeerLayer {
  /**
   * @param {object} options
   * @param {import('./presence.js').PresenceClient} options.presence
   * @param {import('./sync.js').SyncClient} options.sync
   * @param {HTMLElement} options.marks layer above records, below the own selection
   * @param {HTMLElement} options.cursors layer above everything in the world
   */
  constructor({ presence, sync, marks, cursors }) {
    this.presence = presence;
    this.sync = sync;
    this.marksLayer = marks;
    this.cursorLayer = cursors;
    this.cursors = new Map();
    this.marks = new Map();
    this.frame = 0;
    this.listeners = new Set();
    this.hidden = stored();
    cursors.hidden = this.hidden;
    presence.onChange(() => this.schedule());
    sync.on('change', () => this.schedule());
  }

  /** Whether other people's cursors are hidden. */
  get cursorsHidden() {
    return this.hidden;
  }

  /**
   * Shows or hides other people's cursors (remembered for next visits).
   * @param {boolean} hidden
   */
  setCursorsHidden(hidden) {
    this.hidden = !!hidden;
    this.cursorLayer.hidden = this.hidden;
    try { localStorage.setItem(HIDE_KEY, this.hidden ? '1' : '0'); } catch { /* private mode */ }
    for (const fn of this.listeners) fn(this.hidden);
  }

  /**
   * Calls fn(hidden) when cursors are shown or hidden.
   * @param {Function} fn
   */
  onToggle(fn) {
    this.listeners.add(fn);
  }

  /** Renders on the next animation frame. */
  schedule() {
    if (!this.frame) this.frame = requestAnimationFrame(() => this.render());
  }

  /** Renders now. */
  render() {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    const view = this.sync.getView();
    const liveCursors = new Set();
    const liveMarks = new Set();
    for (const peer of this.presence.peers.values()) {
      if (peer.cursor) {
        liveCursors.add(peer.clientId);
        this.renderCursor(peer);
      }
      const ids = new Set(peer.selection);
      if (peer.editing) ids.add(peer.editing);
      let tagged = false;
      for (const id of ids) {
        const record = view.get(id);
        if (!hasBox(record)) continue;
        const key = `${peer.clientId} ${id}`;
        liveMarks.add(key);
        const editing = id === peer.editing;
        this.renderMark(key, peer, record, editing, editing || !tagged);
        tagged ||= !editing;
      }
    }
    for (const [id, el] of this.cursors) {
      if (!liveCursors.has(id)) {
        el.remove();
        this.cursors.delete(id);
      }
    }
    for (const [key, el] of this.marks) {
      if (!liveMarks.has(key)) {
        el.remove();
        this.marks.delete(key);
      }
    }
  }

  renderCursor(peer) {
    let el = this.cursors.get(peer.clientId);
    if (!el) {
      el = createCursor(peer.clientId);
      this.cursors.set(peer.clientId, el);
      this.cursorLayer.append(el);
    }
    paint(el, peer.user.color);
    const label = el.lastChild;
    const text = peerLabel(peer.user);
    if (label.textContent !== text) label.textContent = text;
    el.dataset.status = peer.status;
    el.style.transform = `translate(${peer.cursor.x}px, ${peer.cursor.y}px) scale(calc(1 / var(--zoom)))`;
  }

  renderMark(key, peer, record, editing, withTag) {
    let el = this.marks.get(key);
    if (!el) {
      el = document.createElement('div');
      el.className = 'peer-selection';
      el.dataset.peerSelection = peer.clientId;
      el.dataset.record = record.id;
      const tag = document.createElement('span');
      tag.className = 'peer-tag';
      el.append(tag);
      this.marks.set(key, el);
      this.marksLayer.append(el);
    }
    placeBox(el, record);
    paint(el, peer.user.color);
    el.classList.toggle('is-editing', editing);
    if (editing) el.dataset.peerEditing = peer.clientId;
    else delete el.dataset.peerEditing;
    const tag = el.firstChild;
    const text = editing ? t('peerTyping', { name: peer.user.name }) : peer.user.name;
    tag.hidden = !withTag;
    if (tag.textContent !== text) tag.textContent = text;
  }
}

function paint(el, color) {
  if (el.dataset.color === color) return;
  el.dataset.color = color;
  el.style.setProperty('--peer', color);
  el.style.setProperty('--peer-ink', inkOn(color));
}

function createCursor(clientId) {
  const el = document.createElement('div');
  el.className = 'peer-cursor';
  el.dataset.cursorFor = clientId;
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('class', 'cursor-arrow');
  svg.setAttribute('viewBox', '0 0 20 22');
  svg.setAttribute('width', '20');
  svg.setAttribute('height', '22');
  svg.setAttribute('aria-hidden', 'true');
  const path = document.createElementNS(SVG, 'path');
  path.setAttribute('d', 'M2 1.5 L2 18 L6.6 13.9 L9.6 20.5 L12.6 19.2 L9.7 12.7 L16 12.4 Z');
  svg.append(path);
  const label = document.createElement('span');
  label.className = 'cursor-name';
  el.append(svg, label);
  return el;
}
