/**
 * The session feature, client side (docs/SESSIONS.md): the live session of
 * the board as this person may see it (welcome.session, "session" frames),
 * their own ballot (welcome.sessionMine, "session.mine"), the vote's head,
 * cues, summons, the followed view and private mode's hidden count; the
 * server's clock from ping/pong; and the session.* requests, each with an
 * id whose session.ok or error settles its promise.
 * @module features/session
 */

import { PendingRequests, RequestError } from './requests.js';
import { ServerClock } from '../session-clock.js';

/** Message types this feature handles. */
export const SESSION_FRAMES = ['session', 'session.mine', 'session.cue', 'session.summon',
  'session.viewport', 'session.private', 'session.ok'];
/** Roles that drive a session. */
export const FACILITATOR_ROLES = new Set(['facilitator', 'owner']);
const CLOCK_EVERY_MS = 30000;
// The first samples come quickly, so the countdown is right from the start.
const CLOCK_FIRST_MS = [0, 600, 1300, 2100, 3000];

/** An empty client state. */
export function emptySessionState() {
  return { session: null, mine: null, head: null, hidden: 0 };
}

/**
 * One person's ballot in a normal shape.
 * @param {*} raw welcome.sessionMine, or a session.mine frame
 * @returns {{vote: string, dots: Object<string, number>, left: number|null}|null}
 */
export function normalizeMine(raw) {
  if (!raw || typeof raw !== 'object') return null;
  const body = raw.vote && typeof raw.vote === 'object' ? raw.vote : raw;
  if (typeof body.vote !== 'string') return null;
  const dots = {};
  for (const [id, n] of Object.entries(body.dots && typeof body.dots === 'object' ? body.dots : {})) {
    if (Number.isFinite(n) && n > 0) dots[id] = n;
  }
  return { vote: body.vote, dots, left: Number.isFinite(body.left) ? body.left : null };
}

function headOf(vote) {
  if (!vote?.chain) return null;
  return { vote: vote.id, count: vote.chain.count ?? 0, hash: vote.chain.hash ?? '', counts: vote.counts ?? null };
}

/**
 * The client state after one frame (pure; the state given is not changed).
 * Handles welcome and the session frames that carry state; the others
 * (cue, summon, viewport, ok) leave it as it is.
 * @param {{session: object|null, mine: object|null, head: object|null, hidden: number}} state
 * @param {object} message
 * @returns {{session: object|null, mine: object|null, head: object|null, hidden: number}}
 */
export function applySessionFrame(state, message) {
  switch (message?.t) {
    case 'welcome': {
      const session = message.session && typeof message.session === 'object' ? message.session : null;
      return { session, mine: normalizeMine(message.sessionMine), head: headOf(session?.vote), hidden: 0 };
    }
    case 'session': {
      const session = message.session && typeof message.session === 'object' ? message.session : null;
      const vote = session?.vote ?? null;
      // A ballot or head of another (older) vote is stale.
      const mine = state.mine && vote && state.mine.vote === vote.id ? state.mine : null;
      const fresh = headOf(vote);
      const head = !fresh ? null
        : state.head?.vote === fresh.vote && state.head.count > fresh.count ? state.head : fresh;
      // The server names the hidden count with every session frame (and in session.private between them).
      const hidden = !session?.privateMode?.on ? 0 : Number.isFinite(message.hidden) ? Math.max(0, message.hidden) : state.hidden;
      return { session, mine, head, hidden };
    }
    case 'session.mine':
      return { ...state, mine: normalizeMine(message) };
    case 'session.private':
      return { ...state, hidden: Number.isFinite(message.hidden) ? Math.max(0, message.hidden) : 0 };
    default:
      return state;
  }
}

/** A refused or lost session request. */
export class SessionError extends RequestError {}

/**
 * The session of the open board. Subscribe with onChange(fn): fn(kind,
 * message) where kind is 'state' (session, ballot, head or hidden count
 * changed), 'cue', 'summon', 'viewport' or 'clock'.
 */
export class SessionClient {
  /**
   * @param {object} options
   * @param {import('../sync.js').SyncClient} options.sync
   * @param {() => number} [options.now] local clock (tests)
   * @param {{setTimeout: Function, clearTimeout: Function, setInterval: Function, clearInterval: Function}} [options.timers]
   */
  constructor({ sync, now = () => Date.now(), timers = globalThis }) {
    this.sync = sync;
    this.now = now;
    this.timers = timers;
    this.state = emptySessionState();
    this.clock = new ServerClock();
    this.requests = new PendingRequests({ timers });
    this.pings = new Map();
    this.pingCount = 0;
    this.clockTimers = [];
    this.listeners = new Set();
    this.supported = true;
    const messages = {};
    for (const type of SESSION_FRAMES) messages[type] = (message) => this.onFrame(message);
    sync.use({
      messages,
      welcome: (message) => this.onWelcome(message),
      down: () => this.onDown(),
      pong: (message) => this.onPong(message),
      requestError: (message) => this.onRequestError(message),
    });
  }

  /**
   * Calls fn(kind, message) on every change.
   * @param {Function} fn
   * @returns {Function} unsubscribe
   */
  onChange(fn) {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  emit(kind, message) {
    for (const fn of this.listeners) fn(kind, message);
  }

  /** The current session as this person may see it, or null. */
  get session() {
    return this.state.session;
  }

  /** This person's user id (from the welcome). */
  get me() {
    return this.sync.welcome?.you?.id ?? null;
  }

  /** Whether this person drives sessions (role facilitator or owner, now). */
  get isFacilitator() {
    return FACILITATOR_ROLES.has(this.sync.role);
  }

  /** The server's time now, as well as this page knows it. */
  serverNow() {
    return this.clock.now(this.now());
  }

  /** The breakout group this person is in, or null. */
  myGroup() {
    const me = this.me;
    return this.session?.breakouts?.groups?.find((g) => Array.isArray(g.members) && g.members.includes(me)) ?? null;
  }

  /** The timer this person counts down: their group's when it has one, else the session's. */
  myTimer() {
    const timers = this.session?.timers || {};
    const group = this.myGroup();
    return (group && timers[group.id]) || timers.all || null;
  }

  onWelcome(message) {
    this.supported = true;
    this.state = applySessionFrame(this.state, message);
    this.emit('state', message);
    this.startClock();
  }

  onFrame(message) {
    if (message.t === 'session.ok') {
      this.requests.resolve(message.id, message);
      return;
    }
    const kind = { 'session.cue': 'cue', 'session.summon': 'summon', 'session.viewport': 'viewport' }[message.t] || 'state';
    if (kind === 'state') this.state = applySessionFrame(this.state, message);
    this.emit(kind, message);
  }

  onRequestError(message) {
    if (!this.requests.has(message.id)) return false;
    if (message.code === 'ERR_UNKNOWN_TYPE') this.supported = false;
    this.requests.reject(message.id, new SessionError(message.code, message.message));
    return true;
  }

  onDown() {
    this.requests.rejectAll('ERR_DISCONNECTED');
    this.stopClock();
  }

  startClock() {
    this.stopClock();
    for (const at of CLOCK_FIRST_MS) this.clockTimers.push(this.timers.setTimeout(() => this.ping(), at));
    this.clockInterval = this.timers.setInterval(() => this.ping(), CLOCK_EVERY_MS);
  }

  stopClock() {
    for (const timer of this.clockTimers) this.timers.clearTimeout(timer);
    this.clockTimers = [];
    if (this.clockInterval) this.timers.clearInterval(this.clockInterval);
    this.clockInterval = null;
    this.pings.clear();
  }

  /** Sends one clock ping (its pong is a sample). */
  ping() {
    const id = `sclk${++this.pingCount}`;
    const sent = this.now();
    if (this.sync.sendFrame({ t: 'ping', id })) this.pings.set(id, sent);
  }

  onPong(message) {
    const sent = this.pings.get(message.id);
    if (sent === undefined) return; // the connection's own liveness pings
    this.pings.delete(message.id);
    this.clock.add(sent, this.now(), message.at);
    this.emit('clock', message);
  }

  /**
   * Sends one session request.
   * @param {string} type e.g. 'session.start'
   * @param {object} [fields]
   * @returns {Promise<object>} the session.ok; rejects with a SessionError
   */
  request(type, fields = {}) {
    const id = this.requests.newId();
    const answer = this.requests.wait(id);
    if (!this.sync.sendFrame({ ...fields, t: type, id })) this.requests.reject(id, new SessionError('ERR_DISCONNECTED'));
    return answer;
  }

  create({ title, startsAt, timeZone, phases }) {
    return this.request('session.create', { title, startsAt, timeZone, phases });
  }

  update(fields) {
    return this.request('session.update', fields);
  }

  start() {
    return this.request('session.start');
  }

  end() {
    return this.request('session.end');
  }

  /** @param {number} index the phase to go to */
  phase(index) {
    return this.request('session.phase', { index });
  }

  /** The phase after the current one (the server picks it, so two facilitators pressing at once move one phase). */
  next() {
    return this.request('session.next');
  }

  /**
   * @param {'start'|'pause'|'resume'|'add'|'reset'} action
   * @param {{durationMs?: number, atZero?: string, ms?: number, group?: string}} [extra]
   */
  timer(action, extra = {}) {
    return this.request('session.timer', { action, ...extra });
  }

  /**
   * @param {string} target "board" or a frame id
   * @param {boolean} locked
   */
  lock(target, locked) {
    return this.request('session.lock', { target, locked });
  }

  /**
   * @param {boolean} on
   * @param {{facilitatorsSee?: boolean, anonymous?: boolean}} [options] with on
   */
  setPrivate(on, options = {}) {
    return this.request('session.private', on ? { on, ...options } : { on });
  }

  /** @param {{records?: string[], frame?: string, dots: number, cap?: number|null, anonymous: boolean, liveCounts: boolean}} vote */
  openVote(vote) {
    return this.request('session.vote.open', vote);
  }

  /**
   * @param {string} record
   * @param {1|-1} delta
   */
  cast(record, delta) {
    return this.request('session.vote.cast', { record, delta });
  }

  closeVote() {
    return this.request('session.vote.close');
  }

  /**
   * @param {boolean} up
   * @param {string} [user] someone else's hand (facilitators lower them)
   */
  hand(up, user) {
    return this.request('session.hand', user ? { up, user } : { up });
  }

  /**
   * @param {{x: number, y: number, zoom: number}} viewport the world point at the centre, and the zoom
   * @param {boolean} force
   * @param {string} [group]
   */
  summon(viewport, force, group) {
    return this.request('session.summon', group ? { viewport, force, group } : { viewport, force });
  }

  spotlight(frame, force) {
    return this.request('session.spotlight', { frame, force });
  }

  follow(on) {
    return this.request('session.follow', { on });
  }

  /** @param {{x: number, y: number, zoom: number}} viewport */
  sendViewport(viewport) {
    return this.request('session.viewport', { viewport }).catch(() => {});
  }

  /**
   * @param {{action: 'split'|'end', by?: string, count?: number, groups?: object[]}} body
   */
  breakouts(body) {
    return this.request('session.breakouts', body);
  }
}
