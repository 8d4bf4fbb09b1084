/**
 * The presence feature: tells the board where this person points, what they
 * select, see and edit, and keeps the same about everyone else on the board
 * (docs/PROTOCOL.md, "Presence"): welcome.presence, the presence/left fields
 * of batch frames, and the presence message. Ephemeral: nothing is stored.
 * @module features/presence
 */

import { avatarColor } from '../whoami.js';

const SEND_MS = 50;
// Slow links (docs/PROTOCOL.md "Presence"): a ping round trip at or above SLOW_RTT_MS, or the
// browser's own estimate below SLOW_DOWNLINK_MBPS, and this page sends its presence at most every
// SLOW_SEND_MS and asks the server for others' presence at most SLOW_RATE times a second; back
// below FAST_RTT_MS it returns to the room's pace. localStorage crossboard.slowLink = 'on' / 'off'
// forces it (benchmarks, support).
const SLOW_SEND_MS = 250;
const SLOW_RATE = 4;
const SLOW_RTT_MS = 250;
const FAST_RTT_MS = 150;
const SLOW_DOWNLINK_MBPS = 0.5;
const PROBE_MS = 30000;
const HEARTBEAT_MS = 5000;
const TICK_MS = 1000;
const IDLE_MS = 60000;
const MAX_SELECTION = 500;
const FIELDS = ['cursor', 'selection', 'viewport', 'editing', 'status'];
const STATUSES = new Set(['active', 'idle', 'away']);
const INPUT_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'];

const round = (n) => Math.round(n * 10) / 10;
const isPoint = (p) => !!p && Number.isFinite(p.x) && Number.isFinite(p.y);
const isRect = (r) => isPoint(r) && Number.isFinite(r.w) && Number.isFinite(r.h) && r.w > 0 && r.h > 0;

function readSlowLinkSetting() {
  try {
    return globalThis.localStorage?.getItem('crossboard.slowLink') ?? null;
  } catch {
    return null;
  }
}

/**
 * A peer as the server described it, with safe defaults.
 * @param {object} entry one element of welcome.presence / batch.presence
 * @returns {{clientId: string, user: object, cursor: object|null, selection: string[],
 *   viewport: object|null, editing: string|null, status: string}}
 */
export function normalizePeer(entry) {
  const user = entry.user && typeof entry.user === 'object' ? entry.user : {};
  const name = typeof user.name === 'string' && user.name ? user.name : '?';
  const color = /^#[0-9a-fA-F]{6}$/.test(user.color || '') ? user.color : avatarColor({ id: user.id, name });
  return {
    clientId: entry.clientId,
    user: {
      id: typeof user.id === 'string' ? user.id : null,
      name,
      org: typeof user.org === 'string' && user.org ? user.org : null,
      country: typeof user.country === 'string' && user.country ? user.country : null,
      color,
      guest: user.guest === true,
    },
    cursor: isPoint(entry.cursor) ? { x: entry.cursor.x, y: entry.cursor.y } : null,
    selection: Array.isArray(entry.selection) ? entry.selection.filter((id) => typeof id === 'string') : [],
    viewport: isRect(entry.viewport) ? { x: entry.viewport.x, y: entry.viewport.y, w: entry.viewport.w, h: entry.viewport.h } : null,
    editing: typeof entry.editing === 'string' ? entry.editing : null,
    status: STATUSES.has(entry.status) ? entry.status : 'active',
  };
}

/**
 * Sends this page's presence (throttled, only changed fields, with a
 * heartbeat) and tracks the peers on the board.
 * Subscribe with onChange(fn): fn({peers: boolean}) after peers changed.
 */
export class PresenceClient {
  /**
   * @param {object} options
   * @param {import('../sync.js').SyncClient} options.sync
   * @param {import('../viewport.js').Viewport} options.viewport
   * @param {import('../selection.js').Selection} options.selection
   * @param {import('../editor.js').TextEditor} options.editor
   * @param {HTMLElement} options.container the canvas element (pointer moves)
   */
  constructor({ sync, viewport, selection, editor, container }) {
    this.sync = sync;
    this.viewport = viewport;
    this.local = { cursor: null, selection: [], viewport: null, editing: null, status: 'active' };
    this.sent = {};
    this.lastSent = 0;
    this.lastInput = Date.now();
    this.pointer = null;
    this.timer = 0;
    this.refused = false;
    this.warned = new Set();
    this.peers = new Map();
    this.listeners = new Set();
    /** What this page knows of its link: {rttMs, slow}; slow thins presence both ways. */
    this.link = { rttMs: null, slow: false };
    this.probe = null;
    this.rateSent = null;

    sync.use({
      welcome: (message) => this.onWelcome(message),
      pong: (message) => this.onPong(message),
      batch: (message) => {
        if (message.presence || message.left) this.onPresence({ reset: false, peers: message.presence || [], left: message.left || [] });
      },
      frameError: (error) => this.onFrameError(error),
      down: () => this.onPresence({ reset: true }),
    });

    container.addEventListener('pointermove', (e) => {
      this.pointer = { x: e.clientX, y: e.clientY };
      this.set('cursor', this.cursorAt(this.pointer));
    });
    container.addEventListener('pointerleave', () => {
      this.pointer = null;
      this.set('cursor', null);
    });
    selection.onChange(() => this.set('selection', [...selection.ids].slice(0, MAX_SELECTION)));
    viewport.onChange(() => {
      this.set('viewport', this.viewRect());
      if (this.pointer) this.set('cursor', this.cursorAt(this.pointer));
    });
    window.addEventListener('resize', () => this.set('viewport', this.viewRect()));
    editor.onChange((id) => this.set('editing', id));
    for (const type of INPUT_EVENTS) {
      document.addEventListener(type, () => this.noteInput(), { capture: true, passive: true });
    }
    document.addEventListener('visibilitychange', () => this.updateStatus());
    this.local.viewport = this.viewRect();
    this.local.status = this.currentStatus();
    this.ticker = setInterval(() => this.tick(), TICK_MS);
  }

  /**
   * Calls fn after the peers changed.
   * @param {Function} fn
   * @returns {Function} unsubscribe
   */
  onChange(fn) {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /**
   * Copies of every peer's state, in arrival order.
   * @returns {object[]}
   */
  peerList() {
    return [...this.peers.values()].map((p) => structuredClone(p));
  }

  /**
   * One peer's state (not a copy), or undefined.
   * @param {string} clientId
   * @returns {object|undefined}
   */
  peer(clientId) {
    return this.peers.get(clientId);
  }

  /** This page's own presence state (a copy). */
  localState() {
    return structuredClone(this.local);
  }

  cursorAt(point) {
    const p = this.viewport.toWorld(point.x, point.y);
    return { x: round(p.x), y: round(p.y) };
  }

  viewRect() {
    const r = this.viewport.worldRect();
    return r.w > 0 && r.h > 0 ? { x: round(r.x), y: round(r.y), w: round(r.w), h: round(r.h) } : null;
  }

  currentStatus() {
    if (document.hidden) return 'away';
    return Date.now() - this.lastInput >= IDLE_MS ? 'idle' : 'active';
  }

  noteInput() {
    this.lastInput = Date.now();
    if (this.local.status === 'idle') this.updateStatus();
  }

  updateStatus() {
    this.set('status', this.currentStatus());
  }

  /**
   * Changes one field of the local state and schedules a frame.
   * @param {string} field one of cursor, selection, viewport, editing, status
   * @param {*} value
   */
  set(field, value) {
    this.local[field] = value;
    if (JSON.stringify(value) !== this.sent[field]) this.schedule();
  }

  // At most one frame per SEND_MS (SLOW_SEND_MS on a slow link): the latest state wins.
  schedule() {
    if (this.timer) return;
    const wait = Math.max(0, this.lastSent + (this.link.slow ? SLOW_SEND_MS : SEND_MS) - Date.now());
    this.timer = setTimeout(() => this.flush(), wait);
  }

  /**
   * Sends the fields that changed since the last frame (all of them after
   * a reconnect); with heartbeat, at least the status.
   * @param {boolean} [heartbeat]
   */
  flush(heartbeat = false) {
    clearTimeout(this.timer);
    this.timer = 0;
    if (this.refused || this.sync.state !== 'connected') return;
    const frame = { t: 'presence' };
    const encoded = {};
    for (const field of FIELDS) {
      const json = JSON.stringify(this.local[field]);
      if (json === this.sent[field]) continue;
      frame[field] = this.local[field];
      encoded[field] = json;
    }
    const rate = this.link.slow ? SLOW_RATE : null;
    if (rate !== this.rateSent) frame.rate = rate;
    if (Object.keys(encoded).length === 0 && !('rate' in frame)) {
      if (!heartbeat) return;
      frame.status = this.local.status;
    }
    if (!this.sync.sendFrame(frame)) return;
    if ('rate' in frame) this.rateSent = rate;
    Object.assign(this.sent, encoded);
    this.lastSent = Date.now();
  }

  tick() {
    this.updateStatus();
    if (this.probe === null && Date.now() - (this.link.probedAt || 0) >= PROBE_MS) this.measureLink();
    if (Date.now() - this.lastSent >= HEARTBEAT_MS - TICK_MS / 2) this.flush(true);
  }

  onWelcome(message) {
    // A new connection knows nothing about us: send the whole state.
    this.sent = {};
    this.rateSent = null;
    this.refused = false;
    this.local.viewport = this.viewRect();
    this.flush();
    this.measureLink();
    this.onPresence({ reset: true, peers: message.presence || [] });
  }

  onPresence({ reset, peers = [], left = [] }) {
    if (reset) this.peers.clear();
    for (const entry of peers) {
      if (!entry || typeof entry.clientId !== 'string' || entry.clientId === this.sync.clientId) continue;
      // Entries with a user are whole states; the others carry only the fields that changed.
      const known = this.peers.get(entry.clientId);
      if (!entry.user && !known) continue;
      this.peers.set(entry.clientId, normalizePeer(entry.user ? entry : { ...known, ...entry }));
    }
    for (const id of left) this.peers.delete(id);
    if (reset || peers.length || left.length) {
      for (const fn of this.listeners) fn({ peers: true });
    }
  }

  /** Measures the round trip with a ping (at each welcome and every PROBE_MS). */
  measureLink() {
    if (this.refused || this.sync.state !== 'connected') return;
    const id = `lk${Date.now().toString(36)}`;
    if (this.sync.sendFrame({ t: 'ping', id })) this.probe = { id, sent: performance.now() };
  }

  onPong(message) {
    if (!this.probe || message.id !== this.probe.id) return;
    const rttMs = Math.round(performance.now() - this.probe.sent);
    this.probe = null;
    this.link.rttMs = rttMs;
    this.link.probedAt = Date.now();
    const forced = readSlowLinkSetting();
    const downlink = typeof navigator !== 'undefined' ? navigator.connection?.downlink : undefined;
    let slow = this.link.slow;
    if (forced === 'on' || forced === 'off') slow = forced === 'on';
    else if (rttMs >= SLOW_RTT_MS || (Number.isFinite(downlink) && downlink > 0 && downlink < SLOW_DOWNLINK_MBPS)) slow = true;
    else if (rttMs < FAST_RTT_MS) slow = false;
    if (slow !== this.link.slow) {
      this.link.slow = slow;
      this.flush();
    }
  }

  onFrameError({ code, message }) {
    // A server without presence: stay quiet until the next connection.
    if (code === 'ERR_UNKNOWN_TYPE') this.refused = true;
    if (!this.warned.has(code)) {
      this.warned.add(code);
      console.warn(`presence: ${code}${message ? ` (${message})` : ''}`);
    }
  }
}
