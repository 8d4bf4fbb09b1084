/**
 * SyncClient: keeps the local board state in step with the server.
 *
 * server state (records + lastSeq, exactly what the ops say)
 *   + pending pushes (until seen sequenced, pending-pushes.js)
 *   = the local view, rebuilt on top of every server op (rebase, SPEC W1).
 *
 * Splices of merging text (SPEC T1–T4) are rebased too: every splice
 * another client sequenced is carried past the pending ones, which are
 * rewritten to follow it; what is left of it says how the local view's
 * text moved.
 * @module sync
 */

import { applyChanges, isSplice, spliceOf } from './model.js';
import { Schema } from './schema.js';
import { newClientId } from './ids.js';
import { Connection } from './connection.js';
import { PendingPushes } from './pending-pushes.js';

const PROTOCOL = 1;
// Message types the sync client handles itself; features bring the others.
const CORE_TYPES = new Set(['welcome', 'batch', 'ops', 'ack', 'error', 'closing', 'role', 'pong']);
// Only ERR_UNAVAILABLE: it always comes with the connection closing, so no later push can land first.
const RETRYABLE = new Set(['ERR_UNAVAILABLE']);
// Errors without id that answer a fire-and-forget frame (a feature's, e.g. presence).
const FRAME_ERRORS = new Set(['ERR_UNKNOWN_TYPE', 'ERR_MALFORMED']);

/**
 * The key of one text prop of one record.
 * @param {string} id
 * @param {string} prop
 * @returns {string}
 */
export function textKey(id, prop) {
  return `${id}\u0000${prop}`;
}

/**
 * Client side of the Crossboard protocol for one board.
 * Events (subscribe with on): "change" (view changed), "status"
 * ({state, pending, terminal}), "welcome" (the welcome message),
 * "error" ({code, message} of a rejected push), "terminal" ({code, key}),
 * "role" ({role, allowed}: welcome.role, or a live "role" frame, with the
 * board actions the role allows).
 *
 * Board features (presence, sessions, …) plug in with use(): the sync client
 * handles the core messages and hands each feature its own message types,
 * its part of welcome and batch frames, and the errors answering its frames.
 */
export class SyncClient {
  /**
   * @param {object} options
   * @param {string} options.board board id
   * @param {string|(() => string|null)|null} [options.token] the token sent in
   *   hello, or a function read at every (re)connect (renewed tokens); the
   *   server takes name, organisation and country from the account behind it
   * @param {boolean} [options.forceSockJS] use SockJS only
   * @param {Function} [options.connect] transport factory (tests)
   * @param {string} [options.clientId] this page's clientId (default: a new one)
   * @param {{clientId: string, nextClientSeq: number, pending: object[]}|null} [options.restored]
   *   the clientId, counter and pushes a previous page left unsent (pending-store.js, SPEC W7)
   * @param {{save: (state: object) => void}|null} [options.store] where pending pushes are kept
   */
  constructor({ board, token = null, forceSockJS = false, connect, clientId = null, restored = null, store = null }) {
    this.board = board;
    this.token = token;
    this.role = null;
    this.allowed = new Set();
    this.schema = new Schema();
    this.features = [];
    this.handlers = new Map();
    this.clientId = restored?.clientId || clientId || newClientId();
    this.server = new Map();
    this.lastSeq = 0;
    this.hasState = false;
    this.pushes = new PendingPushes({
      lastSeq: () => this.lastSeq,
      connected: () => this.connection.ready,
      send: (frame) => this.connection.send(frame),
      restored,
      store,
    });
    this.textChanges = new Map();
    this.view = this.server;
    this.overlay = null;
    this.overlayView = null;
    this.fetchId = null;
    this.fetches = 0;
    this.buffered = [];
    this.welcome = null;
    this.listeners = new Map();
    this.connection = new Connection({
      forceSockJS,
      board,
      connect,
      onOpen: (send) => send(this.hello()),
      onMessage: (message) => this.handle(message),
      onDown: () => this.onDown(),
      onTerminal: (info) => this.emit('terminal', info),
      onStatus: () => this.emitStatus(),
    });
  }

  /**
   * Subscribes to an event.
   * @param {string} event
   * @param {Function} fn
   * @returns {Function} unsubscribe
   */
  on(event, fn) {
    if (!this.listeners.has(event)) this.listeners.set(event, new Set());
    this.listeners.get(event).add(fn);
    return () => this.listeners.get(event).delete(fn);
  }

  emit(event, detail) {
    for (const fn of this.listeners.get(event) || []) fn(detail);
  }

  /**
   * Plugs a board feature in.
   * @param {object} feature
   * @param {Object<string, (message: object) => void>} [feature.messages] handlers of
   *   the server message types the feature owns
   * @param {(welcome: object) => void} [feature.welcome] every welcome (after the board state)
   * @param {(batch: object) => void} [feature.batch] every batch frame, after its ops applied
   * @param {(error: {code: string, message?: string}) => void} [feature.frameError] an error
   *   without id answering a frame sent with sendFrame (ERR_UNKNOWN_TYPE, ERR_MALFORMED):
   *   nothing the user can act on
   * @param {() => void} [feature.down] the connection went down
   * @param {(pong: object) => void} [feature.pong] every pong (the answer to any ping: measuring the clock)
   * @param {(error: object) => boolean} [feature.requestError] an error frame with an id that is
   *   no push's: the feature returns true when the id is one of its requests (then nobody else hears it)
   * @returns {Function} unplug
   */
  use(feature) {
    for (const type of Object.keys(feature.messages || {})) {
      if (CORE_TYPES.has(type) || this.handlers.has(type)) throw new Error(`message type ${type} is taken`);
      this.handlers.set(type, feature.messages[type]);
    }
    this.features.push(feature);
    return () => {
      this.features = this.features.filter((f) => f !== feature);
      for (const type of Object.keys(feature.messages || {})) this.handlers.delete(type);
    };
  }

  /** "connecting", "connected", "reconnecting" or "offline". */
  get state() {
    const c = this.connection;
    if (c.terminal) return 'offline';
    if (c.ready) return 'connected';
    if (c.browserOffline) return 'offline';
    return c.everReady || c.attempt > 0 ? 'reconnecting' : 'connecting';
  }

  /** Number of local pushes not yet sequenced by the server. */
  get pendingCount() {
    return this.pushes.size;
  }

  /**
   * The local pushes not yet sequenced, oldest first (read only).
   * @returns {{clientSeq: number, id: string, changes: object[], base?: number}[]}
   */
  get pending() {
    return this.pushes.entries;
  }

  /** Terminal close info ({code, key, message}) or null. */
  get terminal() {
    return this.connection.terminal;
  }

  /**
   * The local view including a transient overlay (live drag preview).
   * @returns {Map<string, object>}
   */
  getView() {
    if (!this.overlay) return this.view;
    if (!this.overlayView) {
      this.overlayView = new Map(this.view);
      applyChanges(this.overlayView, this.overlay);
    }
    return this.overlayView;
  }

  /**
   * Shows changes locally without sending them (cleared with null).
   * @param {object[]|null} changes
   */
  setOverlay(changes) {
    this.overlay = changes && changes.length ? changes : null;
    this.overlayView = null;
    this.emit('change', { overlay: true });
  }

  /** Connects and keeps the connection up until stop(). */
  start() {
    this.connection.start();
  }

  /** Disconnects for good. */
  stop() {
    this.connection.stop();
    this.emitStatus();
  }

  /**
   * Applies changes locally at once and sends them, in pushes of at most
   * 500 changes. A splice change is {op: 'splice', id, prop, at, delete,
   * insert}, written against the local view; its base is added when sent.
   * @param {object[]} changes
   */
  push(changes) {
    if (!changes.length) return;
    if (this.view === this.server) this.view = new Map(this.server);
    const text = new Map();
    for (const change of changes) {
      if (isSplice(change)) {
        const key = textKey(change.id, change.prop);
        text.set(key, [...(text.get(key) || []), spliceOf(change)]);
      }
    }
    applyChanges(this.view, changes);
    this.pushes.add(changes);
    this.pushes.flush();
    this.pushes.save();
    this.overlayView = null;
    this.emit('change', { local: true, text });
    this.emitStatus();
  }

  /**
   * Sends a frame that is not a push (no pending state, no retry), e.g.
   * presence. Only while connected (after the welcome).
   * @param {object} message
   * @returns {boolean} whether it was written
   */
  sendFrame(message) {
    return this.connection.ready && this.connection.send(message);
  }

  /**
   * What happened to each text since the last "change" event, as splices of
   * the local view (textKey -> splices); keys missing or not matching what a
   * reader holds mean it changed some other way.
   * @returns {Map<string, object[]>}
   */
  takeTextChanges() {
    const changes = this.textChanges;
    this.textChanges = new Map();
    return changes;
  }

  hello() {
    const token = typeof this.token === 'function' ? this.token() : this.token;
    const hello = { t: 'hello', protocol: PROTOCOL, board: this.board, clientId: this.clientId, token: token || null };
    if (this.hasState) hello.lastSeq = this.lastSeq;
    return hello;
  }

  onDown() {
    this.pushes.down();
    this.fetchId = null;
    this.buffered = [];
    for (const feature of this.features) feature.down?.();
  }

  handle(message) {
    switch (message.t) {
      case 'welcome': this.onWelcome(message); break;
      case 'batch': this.onBatch(message); break;
      case 'ops': this.onFetched(message); break;
      case 'ack': this.onAck(message); break;
      case 'error': this.onError(message); break;
      case 'closing': this.connection.noteClosing(message.code, message.reason); break;
      case 'role': this.setRole(message.role, message.allowed); break;
      case 'pong': for (const feature of this.features) feature.pong?.(message); break;
      default: this.handlers.get(message.t)?.(message); // a feature's, or a newer server's
    }
  }

  onWelcome(message) {
    if (message.snapshot) {
      this.pushes.pinBases(); // there are no ops to rebase pending splices over (T5)
      this.server = new Map(message.snapshot.records.map((r) => [r.id, r]));
      this.lastSeq = message.snapshot.seq;
    } else {
      for (const op of message.ops || []) {
        if (op.seq <= this.lastSeq) continue;
        if (op.seq !== this.lastSeq + 1) {
          // Not contiguous: start over from a snapshot.
          this.hasState = false;
          this.connection.drop();
          return;
        }
        this.applyOp(op);
      }
    }
    this.pushes.dropApplied(message.applied || 0);
    this.hasState = true;
    this.welcome = message;
    this.schema = new Schema(message.schema);
    this.connection.markReady();
    this.rebuild();
    this.emit('welcome', message);
    this.setRole(message.role ?? null, message.allowed);
    for (const feature of this.features) feature.welcome?.(message);
    if (this.lastSeq < message.seq) this.requestFetch(this.lastSeq, message.seq);
    this.announceRemoteChange();
  }

  /**
   * A new role (welcome or a live "role" frame) and the board actions it allows.
   * @param {string|null} role
   * @param {string[]} [allowed]
   */
  setRole(role, allowed = []) {
    if (typeof role !== 'string' && role !== null) return;
    if (this.welcome) this.welcome.role = role;
    const next = new Set(Array.isArray(allowed) ? allowed : []);
    const changed = role !== this.role || next.size !== this.allowed.size || [...next].some((a) => !this.allowed.has(a));
    this.role = role;
    this.allowed = next;
    if (changed) this.emit('role', { role, allowed: next });
  }

  onBatch(message) {
    this.onOps(message.ops || []);
    if (!this.connection.ready) return;
    for (const feature of this.features) feature.batch?.(message);
  }

  applyOp(op) {
    if (op.clientId === this.clientId) {
      this.pushes.sequenced(op.clientSeq);
    } else {
      for (const change of op.changes || []) {
        if (!isSplice(change)) continue;
        // Carried past the pending splices, it is the change the local view sees (SPEC W1, T3).
        const key = textKey(change.id, change.prop);
        this.textChanges.set(key, [...(this.textChanges.get(key) || []), ...this.pushes.rebaseOver(change)]);
      }
    }
    applyChanges(this.server, op.changes || []);
    this.lastSeq = op.seq;
  }

  onOps(ops) {
    if (!this.connection.ready) return;
    let changed = false;
    for (const op of ops) {
      if (this.fetchId) {
        this.buffered.push(op);
      } else if (op.seq > this.lastSeq + 1) {
        this.buffered.push(op);
        this.requestFetch(this.lastSeq, op.seq - 1);
      } else if (op.seq === this.lastSeq + 1) {
        this.applyOp(op);
        changed = true;
      }
    }
    if (changed) this.afterRemoteChange();
  }

  requestFetch(from, to) {
    this.fetchId = 'f' + ++this.fetches;
    this.connection.send({ t: 'fetch', id: this.fetchId, from, to });
  }

  onFetched(message) {
    if (message.id !== this.fetchId) return;
    this.fetchId = null;
    const buffered = this.buffered;
    this.buffered = [];
    for (const op of message.ops || []) {
      if (op.seq === this.lastSeq + 1) this.applyOp(op);
    }
    this.afterRemoteChange();
    this.onOps(buffered);
  }

  onAck(message) {
    if (!message.duplicate) {
      this.pushes.flush();
      return;
    }
    // Durable since an earlier connection: its op is already in our state.
    if (this.pushes.remove(message.id)) this.afterRemoteChange();
  }

  onError(message) {
    if (message.id && message.id === this.fetchId) {
      this.connection.drop();
      return;
    }
    if (!message.id && this.connection.ready && FRAME_ERRORS.has(message.code)) {
      for (const feature of this.features) feature.frameError?.({ code: message.code, message: message.message });
      return;
    }
    if (message.id && !this.pushes.has(message.id) && this.features.some((f) => f.requestError?.(message) === true)) return;
    if (!this.pushes.has(message.id)) {
      this.connection.noteError(message.code, message.message);
      if (this.connection.ready) this.emit('error', { code: message.code, message: message.message });
      return;
    }
    if (RETRYABLE.has(message.code)) {
      this.pushes.retryFrom(message.id);
      return;
    }
    this.pushes.refused(message.id);
    this.afterRemoteChange();
    this.emit('error', { code: message.code, message: message.message, change: message.change });
  }

  afterRemoteChange() {
    this.rebuild();
    this.announceRemoteChange();
  }

  // After the view was rebuilt: what may go now is sent, the queue kept, and listeners told.
  announceRemoteChange() {
    this.pushes.flush();
    this.pushes.save();
    this.emit('change', { remote: true, text: this.takeTextChanges() });
    this.emitStatus();
  }

  rebuild() {
    if (!this.pushes.size) {
      this.view = this.server;
    } else {
      this.view = new Map(this.server);
      this.pushes.applyTo(this.view);
    }
    this.overlayView = null;
  }

  emitStatus() {
    const status = { state: this.state, pending: this.pushes.size, terminal: this.terminal };
    const key = `${status.state}/${status.pending}/${!!status.terminal}`;
    if (key === this.lastStatusKey) return;
    this.lastStatusKey = key;
    this.emit('status', status);
  }
}
