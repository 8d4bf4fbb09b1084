/**
 * Requests of room features (session.*, thread.*) waiting for their answer by
 * id: the feature's ok frame resolves one, an error frame with its id rejects
 * it, a dropped connection or a timeout rejects them.
 * @module features/requests
 */

const REQUEST_TIMEOUT_MS = 15000;

/** A refused or lost request of a feature (a session's, a thread's). */
export class RequestError extends Error {
  /**
   * @param {string} code e.g. ERR_FORBIDDEN, ERR_VOTE_LIMIT, ERR_DISCONNECTED, ERR_TIMEOUT
   * @param {string} [message]
   */
  constructor(code, message) {
    super(message || code);
    this.code = code;
  }
}

/**
 * Requests waiting for their answer, by id: its feature's ok frame resolves one, an
 * error frame with its id rejects it; a dropped connection or a timeout
 * rejects them (a request is never re-sent: the person decides).
 */
export class PendingRequests {
  /**
   * @param {object} [options]
   * @param {string} [options.prefix] of the ids
   * @param {number} [options.timeoutMs]
   * @param {{setTimeout: Function, clearTimeout: Function}} [options.timers]
   */
  constructor({ prefix = 's', timeoutMs = REQUEST_TIMEOUT_MS, timers = globalThis } = {}) {
    this.prefix = prefix;
    this.timeoutMs = timeoutMs;
    this.timers = timers;
    this.next = 0;
    this.waiting = new Map();
  }

  /** The id the next request gets. */
  newId() {
    return `${this.prefix}${++this.next}`;
  }

  /**
   * Waits for the answer to a request sent with this id.
   * @param {string} id
   * @returns {Promise<object>} the session.ok frame
   */
  wait(id) {
    return new Promise((resolve, reject) => {
      const timer = this.timers.setTimeout(() => this.reject(id, new RequestError('ERR_TIMEOUT')), this.timeoutMs);
      this.waiting.set(id, { resolve, reject, timer });
    });
  }

  /** Whether an id is one of the waiting requests. */
  has(id) {
    return this.waiting.has(id);
  }

  /** Number of waiting requests. */
  get size() {
    return this.waiting.size;
  }

  /**
   * Settles a request with its answer.
   * @param {string} id
   * @param {object} answer
   * @returns {boolean} whether it was waiting
   */
  resolve(id, answer) {
    const entry = this.take(id);
    entry?.resolve(answer);
    return !!entry;
  }

  /**
   * Fails a request.
   * @param {string} id
   * @param {Error} error
   * @returns {boolean} whether it was waiting
   */
  reject(id, error) {
    const entry = this.take(id);
    entry?.reject(error);
    return !!entry;
  }

  /**
   * Fails every waiting request (the connection went down).
   * @param {string} code
   */
  rejectAll(code) {
    for (const id of [...this.waiting.keys()]) this.reject(id, new RequestError(code));
  }

  take(id) {
    const entry = this.waiting.get(id);
    if (!entry) return null;
    this.waiting.delete(id);
    this.timers.clearTimeout(entry.timer);
    return entry;
  }
}
