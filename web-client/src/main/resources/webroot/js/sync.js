/**
 * SyncClient: keeps the local board state in step with the server.
 *
 * server state (records + lastSeq, exactly what the ops say)
 *   + pending pushes (until seen sequenced)
 *   = the local view, rebuilt on top of every server op (rebase, SPEC W1).
 *
 * Splices of merging text (SPEC T1–T4) are rebased too: every splice
 * another client sequenced is carried past the pending ones, which are
 * rewritten to follow it. A push with a splice waits until no earlier
 * unsequenced push writes the same text, so what it is written against is
 * always the server's text at the seq it names as its base.
 * @module sync
 */

import { applyChanges, replacesText } from './model.js';
import { Schema } from './schema.js';
import { newClientId } from './ids.js';
import { Connection, backoffDelay } from './connection.js';
import { composeSplices, transform } from './text-ops.js';

const PROTOCOL = 1;
// Message types the sync client handles itself; features bring the others.
const CORE_TYPES = new Set(['welcome', 'batch', 'ops', 'ack', 'error', 'closing', 'role', 'pong']);
const MAX_CHANGES = 500;
// Only ERR_UNAVAILABLE: it always comes with the connection closing, so no later push can land first.
const RETRYABLE = new Set(['ERR_UNAVAILABLE']);
// Errors without id that answer a fire-and-forget frame (presence).
const FRAME_ERRORS = new Set(['ERR_UNKNOWN_TYPE', 'ERR_MALFORMED']);
// Pushes restored after a reload may have been sent without being saved:
// new ones start this far above, so none reuses a clientSeq (SPEC W7).
const RESTORED_SEQ_MARGIN = 100;

/**
 * The key of one text prop of one record.
 * @param {string} id
 * @param {string} prop
 * @returns {string}
 */
export function textKey(id, prop) {
  return `${id}\u0000${prop}`;
}

const spliceOf = (c) => ({ at: c.at, delete: c.delete, insert: c.insert });
const isSplice = (c) => c.op === 'splice';

/**
 * Client side of the Crossboard protocol for one board.
 * Events (subscribe with on): "change" (view changed), "status"
 * ({state, pending, terminal}), "welcome" (the welcome message),
 * "error" ({code, message} of a rejected push), "terminal" ({code, key}),
 * "frame-error" ({code, message} answering a frame without id, e.g. presence),
 * "role" ({role, allowed}: welcome.role, or a live "role" frame, with the
 * board actions the role allows).
 *
 * Board features (presence, sessions, …) plug in with use(): the sync client
 * handles the core messages and hands each feature its own message types and
 * its part of welcome and batch frames.
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
    this.pending = (restored?.pending || []).map((e) => ({
      clientSeq: e.clientSeq, id: 'r' + e.clientSeq, changes: e.changes, sent: false, everSent: true, base: e.base,
    }));
    this.nextClientSeq = restored
      ? Math.max(restored.nextClientSeq || 1, ...this.pending.map((e) => e.clientSeq + 1)) + RESTORED_SEQ_MARGIN
      : 1;
    this.store = store;
    this.textChanges = new Map();
    this.view = this.server;
    this.overlay = null;
    this.overlayView = null;
    this.holdPushes = false;
    this.retryAttempt = 0;
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
   * @param {() => void} [feature.down] the connection went down
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
    return this.pending.length;
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
    for (let i = 0; i < changes.length; i += MAX_CHANGES) {
      const chunk = changes.slice(i, i + MAX_CHANGES);
      applyChanges(this.view, chunk);
      if (!this.mergeIntoUnsent(chunk)) {
        const clientSeq = this.nextClientSeq++;
        this.pending.push({ clientSeq, id: 'r' + clientSeq, changes: chunk, sent: false, everSent: false });
      }
    }
    this.flushPushes();
    this.persist();
    this.overlayView = null;
    this.emit('change', { local: true, text });
    this.emitStatus();
  }

  // Consecutive splice-only pushes that never left this page fold into one
  // (typing on while the previous keystrokes are in flight, or offline);
  // offline, consecutive patch-only pushes fold too, so a drag made offline
  // does not queue hundreds of pushes. A sent push may already be durable.
  mergeIntoUnsent(chunk) {
    const last = this.pending[this.pending.length - 1];
    if (!last || last.everSent) return false;
    if (chunk.every(isSplice) && last.changes.every(isSplice) && last.base === undefined) {
      const merged = [...last.changes];
      for (const change of chunk) {
        const prev = merged[merged.length - 1];
        const folded = prev && prev.id === change.id && prev.prop === change.prop ? composeSplices(prev, change) : null;
        if (folded) merged[merged.length - 1] = { op: 'splice', id: change.id, prop: change.prop, ...folded };
        else merged.push(change);
      }
      if (merged.length > MAX_CHANGES) return false;
      last.changes = merged;
      return true;
    }
    if (this.connection.ready) return false;
    if (!chunk.every((c) => c.op === 'patch') || !last.changes.every((c) => c.op === 'patch')) return false;
    const merged = last.changes.map((c) => ({ ...c, props: { ...c.props } }));
    for (const change of chunk) {
      const same = merged.find((c) => c.id === change.id);
      if (same) Object.assign(same.props, change.props);
      else merged.push({ ...change, props: { ...change.props } });
    }
    if (merged.length > MAX_CHANGES) return false;
    last.changes = merged;
    return true;
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
   * Sends pending pushes in clientSeq order. A push with a splice waits while
   * an earlier push not yet sequenced writes the same text (SPEC T4): then
   * its base, the last seq applied here, covers everything it was written
   * against. Pushes after a waiting one wait too (order is kept).
   */
  flushPushes() {
    if (!this.connection.ready || this.holdPushes) return;
    for (let i = 0; i < this.pending.length; i++) {
      const entry = this.pending[i];
      if (entry.sent) continue;
      if (!entry.changes.length) { // its splices came to nothing against what others did
        this.pending.splice(i--, 1);
        continue;
      }
      if (this.mustWait(i)) return;
      const base = entry.base ?? this.lastSeq;
      const changes = entry.changes.map((c) => (isSplice(c) ? { ...c, base } : c));
      entry.sent = this.connection.send({ t: 'push', id: entry.id, clientSeq: entry.clientSeq, changes });
      if (!entry.sent) return;
      entry.everSent = true;
    }
  }

  mustWait(index) {
    const splices = this.pending[index].changes.filter(isSplice);
    if (!splices.length) return false;
    for (let j = 0; j < index; j++) {
      for (const c of this.pending[j].changes) {
        if (splices.some((s) => (isSplice(c) ? c.id === s.id && c.prop === s.prop : replacesText(c, s.id, s.prop)))) return true;
      }
    }
    return false;
  }

  /** Keeps the pending pushes where a reloaded page finds them (SPEC W7). */
  persist() {
    if (!this.store) return;
    this.store.save({
      clientId: this.clientId,
      nextClientSeq: this.nextClientSeq,
      pending: this.pending.map((e) => ({
        clientSeq: e.clientSeq,
        changes: e.changes,
        base: e.base ?? (e.changes.some(isSplice) ? this.lastSeq : undefined),
      })),
    });
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
    clearTimeout(this.retryTimer);
    this.holdPushes = false;
    this.fetchId = null;
    this.buffered = [];
    for (const entry of this.pending) entry.sent = false;
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
      case 'pong': break;
      default: this.handlers.get(message.t)?.(message); // a feature's, or a newer server's
    }
  }

  onWelcome(message) {
    if (message.snapshot) {
      // Pending splices cannot be rebased over a snapshot: they keep the base
      // they were written against and the server transforms them (T5).
      for (const entry of this.pending) {
        if (entry.base === undefined && entry.changes.some(isSplice)) entry.base = this.lastSeq;
      }
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
    const applied = message.applied || 0;
    this.pending = this.pending.filter((p) => p.clientSeq > applied);
    this.nextClientSeq = Math.max(this.nextClientSeq, applied + 1);
    this.hasState = true;
    this.welcome = message;
    this.schema = new Schema(message.schema);
    this.connection.markReady();
    this.rebuild();
    this.emit('welcome', message);
    this.setRole(message.role ?? null, message.allowed);
    for (const feature of this.features) feature.welcome?.(message);
    if (this.lastSeq < message.seq) this.requestFetch(this.lastSeq, message.seq);
    this.flushPushes();
    this.persist();
    this.emit('change', { remote: true, text: this.takeTextChanges() });
    this.emitStatus();
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
      this.pending = this.pending.filter((p) => p.clientSeq !== op.clientSeq);
    } else {
      for (const change of op.changes || []) if (isSplice(change)) this.rebaseOver(change);
    }
    applyChanges(this.server, op.changes || []);
    this.lastSeq = op.seq;
  }

  /**
   * Someone else's splice, sequenced: the pending splices of that text are
   * rewritten to follow it (theirs goes first), and it is carried past them
   * to become the change the local view sees (SPEC W1, T3).
   */
  rebaseOver(change) {
    let incoming = [spliceOf(change)];
    for (const entry of this.pending) {
      if (!incoming.length) break;
      if (entry.base !== undefined) continue; // not rebased: the server transforms it (T5)
      const next = [];
      for (const c of entry.changes) {
        if (incoming.length && isSplice(c) && c.id === change.id && c.prop === change.prop) {
          const [mine, theirs] = transform([spliceOf(c)], incoming, false);
          for (const s of mine) next.push({ op: 'splice', id: c.id, prop: c.prop, ...s });
          incoming = theirs;
        } else {
          if (replacesText(c, change.id, change.prop)) incoming = []; // my later whole value hides it
          next.push(c);
        }
      }
      entry.changes = next;
    }
    const key = textKey(change.id, change.prop);
    this.textChanges.set(key, [...(this.textChanges.get(key) || []), ...incoming]);
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
      this.flushPushes();
      return;
    }
    // Durable since an earlier connection: its op is already in our state.
    const before = this.pending.length;
    this.pending = this.pending.filter((p) => p.id !== message.id);
    if (this.pending.length !== before) this.afterRemoteChange();
  }

  onError(message) {
    if (message.id && message.id === this.fetchId) {
      this.connection.drop();
      return;
    }
    if (!message.id && this.connection.ready && FRAME_ERRORS.has(message.code)) {
      // Answers a frame without id (presence): nothing the user can act on.
      this.emit('frame-error', { code: message.code, message: message.message });
      return;
    }
    const index = this.pending.findIndex((p) => p.id === message.id);
    if (index < 0) {
      this.connection.noteError(message.code, message.message);
      if (this.connection.ready) this.emit('error', { code: message.code, message: message.message });
      return;
    }
    if (RETRYABLE.has(message.code)) {
      // Keep order: hold this and every later push until the retry.
      for (const entry of this.pending.slice(index)) entry.sent = false;
      this.holdPushes = true;
      clearTimeout(this.retryTimer);
      this.retryTimer = setTimeout(() => {
        this.holdPushes = false;
        this.flushPushes();
      }, backoffDelay(this.retryAttempt++));
      return;
    }
    this.retryAttempt = 0;
    this.pending.splice(index, 1);
    this.afterRemoteChange();
    this.emit('error', { code: message.code, message: message.message, change: message.change });
  }

  afterRemoteChange() {
    this.rebuild();
    this.flushPushes();
    this.persist();
    this.emit('change', { remote: true, text: this.takeTextChanges() });
    this.emitStatus();
  }

  rebuild() {
    if (!this.pending.length) {
      this.view = this.server;
    } else {
      this.view = new Map(this.server);
      for (const entry of this.pending) applyChanges(this.view, entry.changes);
    }
    this.overlayView = null;
  }

  emitStatus() {
    const status = { state: this.state, pending: this.pending.length, terminal: this.terminal };
    const key = `${status.state}/${status.pending}/${!!status.terminal}`;
    if (key === this.lastStatusKey) return;
    this.lastStatusKey = key;
    this.emit('status', status);
  }
}
