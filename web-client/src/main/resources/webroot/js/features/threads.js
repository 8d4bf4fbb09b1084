/**
 * The thread feature, client side (docs/COMMENTS.md): every comment thread
 * of the board (welcome.threads — or a "threads" frame when the room loads
 * them after the welcome — then "thread" frames replacing one by id),
 * the person's notifications as they arrive ("notification" frames), and the
 * thread.* requests, each with an id settled by its thread.ok or error.
 * @module features/threads
 */

import { applyThreadFrame } from '../thread-model.js';
import { PendingRequests, RequestError } from './requests.js';
import { ERROR_CODES } from '../i18n-errors.js';

/** Message types this feature handles. */
export const THREAD_FRAMES = ['thread', 'threads', 'thread.ok', 'notification'];
/** Error codes a thread request may be refused with, each with its own words (i18n threadError.*). */
export const THREAD_ERRORS = ['ERR_NOT_FOUND', 'ERR_FORBIDDEN', 'ERR_INVALID', 'ERR_TOO_LARGE', 'ERR_TOO_MANY_MENTIONS',
  'ERR_THROTTLED', 'ERR_UNAVAILABLE', 'ERR_DISCONNECTED', 'ERR_TIMEOUT', 'ERR_UNKNOWN_TYPE'];

/** A refused or lost thread request ({code}). */
export class ThreadError extends RequestError {}

/**
 * The i18n key of what to tell the person about a refused request: by its
 * code, never the server's own message.
 * @param {{code?: string}} error
 * @returns {string}
 */
export function threadErrorKey(error) {
  if (THREAD_ERRORS.includes(error?.code)) return `threadError.${error.code}`;
  return ERROR_CODES.has(error?.code) ? `error.${error.code}` : 'threadError.other';
}

/**
 * The threads of the open board. onChange(fn): fn(kind, detail) with kind
 * 'threads' (the threads changed; detail: the ids, or null for all) or
 * 'notification' (the frame: {notification, unread}).
 */
export class ThreadsClient {
  /**
   * @param {object} options
   * @param {import('../sync.js').SyncClient} options.sync
   * @param {{setTimeout: Function, clearTimeout: Function}} [options.timers]
   */
  constructor({ sync, timers = globalThis }) {
    this.sync = sync;
    this.threads = new Map();
    this.requests = new PendingRequests({ prefix: 'th', timers });
    this.listeners = new Set();
    this.supported = true;
    this.loaded = false;
    const messages = {};
    for (const type of THREAD_FRAMES) messages[type] = (message) => this.onFrame(message);
    sync.use({
      messages,
      welcome: (message) => this.onWelcome(message),
      down: () => this.requests.rejectAll('ERR_DISCONNECTED'),
      requestError: (message) => this.onRequestError(message),
    });
  }

  /**
   * Calls fn(kind, detail) on every change.
   * @param {Function} fn
   * @returns {Function} unsubscribe
   */
  onChange(fn) {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  emit(kind, detail) {
    for (const fn of this.listeners) fn(kind, detail);
  }

  /** Whether every thread of the board is here (after the welcome or the "threads" frame). */
  get ready() {
    return this.loaded;
  }

  /** This person's user id (from the welcome). */
  get me() {
    return this.sync.welcome?.you?.id ?? null;
  }

  /** @param {string} id @returns {object|undefined} */
  get(id) {
    return this.threads.get(id);
  }

  onWelcome(message) {
    this.supported = true;
    // A room still loading its threads welcomes without them and sends "threads" when it has them.
    this.loaded = Array.isArray(message.threads);
    this.threads = applyThreadFrame(this.threads, message);
    this.emit('threads', null);
  }

  onFrame(message) {
    if (message.t === 'thread.ok') {
      this.requests.resolve(message.id, message);
    } else if (message.t === 'notification') {
      this.emit('notification', message);
    } else {
      const before = this.threads;
      this.threads = applyThreadFrame(this.threads, message);
      if (message.t === 'threads') this.loaded = true;
      if (this.threads === before) return;
      this.emit('threads', message.t === 'threads' ? null : [message.thread?.id ?? message.thread?._id]);
    }
  }

  onRequestError(message) {
    if (!this.requests.has(message.id)) return false;
    if (message.code === 'ERR_UNKNOWN_TYPE') this.supported = false;
    this.requests.reject(message.id, new ThreadError(message.code, message.message));
    return true;
  }

  /**
   * Sends one thread request.
   * @param {string} type e.g. 'thread.reply'
   * @param {object} fields
   * @returns {Promise<object>} the thread.ok frame; rejects with a ThreadError
   */
  request(type, fields) {
    const id = this.requests.newId();
    const answer = this.requests.wait(id);
    if (!this.sync.sendFrame({ ...fields, t: type, id })) this.requests.reject(id, new ThreadError('ERR_DISCONNECTED'));
    return answer;
  }

  /**
   * `lang` (each of these): the BCP 47 tag of the language the body is
   * written in (SPEC N1); absent on an edit keeps the comment's.
   * @param {{anchor: object, kind: string, body: string, lang?: string|null, link?: string|null, mentions?: object[]}} thread
   */
  create({ anchor, kind, body, lang = null, link = null, mentions = [] }) {
    return this.request('thread.create', withOptional({ anchor, kind, body }, lang, link, mentions));
  }

  reply(thread, { body, lang = null, link = null, mentions = [] }) {
    return this.request('thread.reply', withOptional({ thread, body }, lang, link, mentions));
  }

  edit(thread, comment, { body, lang = null, link = null, mentions = [] }) {
    return this.request('thread.edit', withOptional({ thread, comment, body }, lang, link, mentions));
  }

  remove(thread, comment) {
    return this.request('thread.remove', { thread, comment });
  }

  resolve(thread, resolved) {
    return this.request('thread.resolve', { thread, resolved });
  }

  react(thread, comment, reaction, on) {
    return this.request('thread.react', { thread, comment, reaction, on });
  }

  move(thread, anchor) {
    return this.request('thread.move', { thread, anchor });
  }
}

function withOptional(fields, lang, link, mentions) {
  if (lang) fields.lang = lang;
  if (link) fields.link = link;
  if (mentions?.length) fields.mentions = mentions;
  return fields;
}
