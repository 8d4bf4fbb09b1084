/**
 * Connection lifecycle for the sync client: open, hello timeout, liveness
 * pings, reconnect with backoff, browser online/offline and close codes
 * that end the session for good.
 * @module connection
 */

import { openConnection, rememberSockJS } from './transport.js';

const PING_MS = 20000;
const SILENCE_MS = 50000;
const WELCOME_TIMEOUT_MS = 15000;
// A WebSocket that opened and brought nothing at all for this long (a proxy
// that lets the upgrade through but no frames) is given up for SockJS.
export const SILENT_WEBSOCKET_MS = 4000;

/** Close codes after which reconnecting cannot help, with their i18n keys. */
export const TERMINAL_CLOSE = new Map([
  [4000, 'closeProtocol'],
  [4004, 'closeReplaced'],
  [4005, 'closeBoardDeleted'],
  [4010, 'closeUnauthorized'],
  [4011, 'closeForbidden'],
  [4012, 'closeBoardNotFound'],
  [4013, 'closeAccessRevoked'],
  [4014, 'closeTooManyConnections'],
  [4020, 'closeClientTooOld'],
]);

// Errors answering hello that mean the same as a terminal close code. SockJS
// does not always carry the server's close code, so these decide instead.
const TERMINAL_ERRORS = new Map([
  ['ERR_BAD_HELLO', 'closeProtocol'],
  ['ERR_BOARD_NOT_FOUND', 'closeBoardNotFound'],
  ['ERR_UNAUTHORIZED', 'closeUnauthorized'],
  ['ERR_FORBIDDEN', 'closeForbidden'],
  ['ERR_CLIENT_TOO_OLD', 'closeClientTooOld'],
  ['ERR_ACCESS_REVOKED', 'closeAccessRevoked'],
  ['ERR_TOO_MANY_CONNECTIONS', 'closeTooManyConnections'],
]);

// Errors that end the session even after the welcome (access taken away
// while connected): the close that follows is terminal whatever its code.
const ALWAYS_TERMINAL = new Set(['ERR_ACCESS_REVOKED', 'ERR_TOO_MANY_CONNECTIONS', 'ERR_UNAUTHORIZED']);

/** The server is restarting (a rolling restart): reconnect at once, to whichever node answers. */
export const SERVICE_RESTART = 1012;

/**
 * How soon to reconnect after a restart close: at once, spread over up to 1 s so that a whole
 * room does not arrive at the other node in the same millisecond.
 * @returns {number} milliseconds
 */
export function restartDelay() {
  return 50 + Math.round(Math.random() * 950);
}

/**
 * Reconnect delay: exponential from 0.5 s, capped at 10 s, with jitter.
 * @param {number} attempt 0 for the first retry
 * @returns {number} milliseconds
 */
export function backoffDelay(attempt) {
  const base = Math.min(10000, 500 * 2 ** attempt);
  return Math.max(500, Math.round(base * (0.5 + Math.random() * 0.5)));
}

/**
 * Keeps one live connection to the server while started.
 * The owner says hello in onOpen and calls markReady() on welcome.
 */
export class Connection {
  /**
   * @param {object} options
   * @param {(send: Function) => void} options.onOpen socket open: say hello
   * @param {(message: object) => void} options.onMessage every server frame
   * @param {() => void} options.onDown the connection went away (will retry)
   * @param {(info: object) => void} options.onTerminal refused for good
   * @param {() => void} options.onStatus something visible changed
   * @param {boolean} [options.forceSockJS]
   * @param {Function} [options.connect] transport factory (tests)
   */
  constructor(options) {
    this.options = options;
    this.connect = options.connect || openConnection;
    this.link = null;
    this.ready = false;
    this.everReady = false;
    this.started = false;
    this.terminal = null;
    this.attempt = 0;
    this.timers = {};
    this.lastReceived = 0;
    this.lastError = null;
    this.onOnline = () => this.reconnectNow();
    this.onOffline = () => {
      this.drop();
      this.options.onStatus();
    };
  }

  /** Whether the browser says it has no network. */
  get browserOffline() {
    return typeof navigator !== 'undefined' && navigator.onLine === false;
  }

  /** Starts connecting (and reconnecting until stop or a terminal close). */
  start() {
    if (this.started) return;
    this.started = true;
    window.addEventListener('online', this.onOnline);
    window.addEventListener('offline', this.onOffline);
    this.timers.ping = setInterval(() => this.tick(), PING_MS);
    this.open();
  }

  /** Closes and stops for good. */
  stop() {
    this.started = false;
    window.removeEventListener('online', this.onOnline);
    window.removeEventListener('offline', this.onOffline);
    for (const timer of Object.values(this.timers)) {
      clearTimeout(timer);
      clearInterval(timer);
    }
    this.timers = {};
    if (this.link) this.link.close(1000, 'bye');
    this.link = null;
    this.ready = false;
  }

  /**
   * Sends one frame on the open connection.
   * @param {object} message
   * @returns {boolean} whether it was written
   */
  send(message) {
    return !!this.link && this.link.send(message);
  }

  /** The server welcomed us: the connection is usable and backoff resets. */
  markReady() {
    clearTimeout(this.timers.welcome);
    clearTimeout(this.timers.silent);
    this.ready = true;
    this.refusal = null;
    this.everReady = true;
    this.attempt = 0;
    this.lastError = null;
  }

  /**
   * Remembers a request-less server error. Before the welcome, errors that
   * refuse the hello make the following close terminal whatever its code;
   * revoked access does so at any time.
   * @param {string} code
   * @param {string} text
   */
  noteError(code, text) {
    this.lastError = text || code;
    if ((!this.ready || ALWAYS_TERMINAL.has(code)) && TERMINAL_ERRORS.has(code)) this.refusal = TERMINAL_ERRORS.get(code);
  }

  /**
   * SockJS cannot carry close codes; the server names the code in a last
   * "closing" frame, which then stands for the close that follows.
   * @param {number} code
   * @param {string} reason
   */
  noteClosing(code, reason) {
    const link = this.link;
    if (!link) return;
    link.close(1000, 'server is closing'); // no onClose follows an owner's close
    this.closed(link, code, reason);
  }

  /** Skips the backoff wait and connects now (if started and not connected). */
  reconnectNow() {
    if (!this.started || this.terminal || this.link) return;
    clearTimeout(this.timers.reconnect);
    this.attempt = 0;
    this.open();
  }

  /** Drops the current connection and reconnects after backoff. */
  drop() {
    const link = this.link;
    if (!link) return;
    this.link = null;
    link.close(4000, 'client reconnect');
    this.down();
  }

  open() {
    if (!this.started || this.terminal || this.link) return;
    const link = this.connect({
      onOpen: () => {
        if (link !== this.link) return;
        this.lastReceived = Date.now();
        const openedAt = this.lastReceived;
        this.options.onOpen((message) => link.send(message));
        this.timers.silent = link.kind === 'websocket' ? setTimeout(() => {
          if (link === this.link && !this.ready && this.lastReceived === openedAt) this.fallBackToSockJS(link);
        }, SILENT_WEBSOCKET_MS) : null;
        this.timers.welcome = setTimeout(() => {
          if (link === this.link && !this.ready) this.drop();
        }, WELCOME_TIMEOUT_MS);
      },
      onMessage: (message) => {
        if (link !== this.link) return;
        this.lastReceived = Date.now();
        this.options.onMessage(message);
      },
      onClose: (code, reason) => this.closed(link, code, reason),
    }, { forceSockJS: this.options.forceSockJS, board: this.options.board });
    this.link = link;
    this.options.onStatus();
  }

  /**
   * The WebSocket opened but stayed silent: SockJS from now on, for the
   * session (transport.js), and at once.
   * @param {object} link
   */
  fallBackToSockJS(link) {
    rememberSockJS();
    clearTimeout(this.timers.welcome);
    this.link = null;
    link.close(4000, 'no welcome over WebSocket');
    this.ready = false;
    this.options.onDown();
    this.open();
  }

  /** The link closed with a code (from the transport or a "closing" frame). */
  closed(link, code, reason) {
    if (link !== this.link) return;
    this.link = null;
    const key = TERMINAL_CLOSE.get(code) || this.refusal;
    this.refusal = null;
    if (key) {
      this.ready = false;
      clearTimeout(this.timers.welcome);
      this.terminal = { code, key, reason, message: this.lastError };
      this.options.onDown();
      this.options.onTerminal(this.terminal);
      this.options.onStatus();
    } else {
      this.down(code === SERVICE_RESTART);
    }
  }

  /**
   * The link is gone: reconnect after backoff, or at once when the server said it is restarting.
   * @param {boolean} [restarting]
   */
  down(restarting = false) {
    this.ready = false;
    clearTimeout(this.timers.welcome);
    this.options.onDown();
    if (this.started && !this.terminal) {
      clearTimeout(this.timers.reconnect);
      const delay = restarting ? restartDelay() : backoffDelay(this.attempt);
      this.attempt = restarting ? 0 : this.attempt + 1;
      this.timers.reconnect = setTimeout(() => this.open(), delay);
    }
    this.options.onStatus();
  }

  tick() {
    if (!this.link || !this.ready) return;
    if (Date.now() - this.lastReceived > SILENCE_MS) {
      this.drop();
      return;
    }
    this.link.send({ t: 'ping', id: 'ping' + Date.now().toString(36) });
  }
}
