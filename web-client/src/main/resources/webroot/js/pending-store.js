/**
 * Pending pushes kept in IndexedDB per board and clientId, so that neither a
 * reload nor a crash loses them (SPEC W7). The next page on the board, for
 * the same person, takes over the clientId and clientSeq counter of a page
 * that is gone and re-sends what it left: the server applies each
 * (clientId, clientSeq) once (C7), and a clientId stays its person's (P7).
 * One page holds a clientId at a time (a Web Lock), so two open tabs never
 * share one. Without IndexedDB or Web Locks (e.g. plain http on another
 * host) nothing is kept and every page makes a new clientId, as before.
 * @module pending-store
 */

import { newClientId } from './ids.js';

const DB_NAME = 'crossboard';
const STORE = 'pending';
const OPEN_TIMEOUT_MS = 2000;

function openDb() {
  return new Promise((resolve) => {
    if (!globalThis.indexedDB) {
      resolve(null);
      return;
    }
    const timer = setTimeout(() => resolve(null), OPEN_TIMEOUT_MS);
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => {
      request.result.createObjectStore(STORE, { keyPath: ['board', 'clientId'] }).createIndex('board', 'board');
    };
    request.onsuccess = () => {
      clearTimeout(timer);
      resolve(request.result);
    };
    request.onerror = request.onblocked = () => {
      clearTimeout(timer);
      resolve(null);
    };
  });
}

function recordsOf(db, board) {
  return new Promise((resolve) => {
    const request = db.transaction(STORE).objectStore(STORE).index('board').getAll(board);
    request.onsuccess = () => resolve(request.result || []);
    request.onerror = () => resolve([]);
  });
}

// Holds the lock for as long as this page lives; false when another page has it.
function holdLock(name) {
  return new Promise((resolve) => {
    navigator.locks.request(name, { ifAvailable: true }, (lock) => {
      resolve(!!lock);
      return lock ? new Promise(() => {}) : undefined;
    }).catch(() => resolve(false));
  });
}

/**
 * Picks this page's clientId for a board: that of a page of the same person
 * that is gone, preferring one that left pushes, else a new one.
 * @param {string} board
 * @param {string|null} person the user id of the session (its token's subject): an account's, or a guest's
 * @returns {Promise<{clientId: string, restored: object|null, store: PendingStore}|null>}
 *   null when pushes cannot be kept here
 */
export async function openPendingStore(board, person) {
  if (!person || !globalThis.navigator?.locks) return null;
  const db = await openDb();
  if (!db) return null;
  const mine = (await recordsOf(db, board)).filter((r) => r.person === person)
    .sort((a, b) => (b.pending.length - a.pending.length) || (b.savedAt - a.savedAt));
  for (const record of mine) {
    if (await holdLock(lockName(board, record.clientId))) {
      return { clientId: record.clientId, restored: record, store: new PendingStore(db, board, record.clientId, person) };
    }
  }
  const clientId = newClientId();
  await holdLock(lockName(board, clientId));
  return { clientId, restored: null, store: new PendingStore(db, board, clientId, person) };
}

function lockName(board, clientId) {
  return `crossboard-client:${board}:${clientId}`;
}

/**
 * Writes one page's pending pushes, newest state last; writes never overlap
 * and a state equal to the last one written is not written again.
 */
export class PendingStore {
  constructor(db, board, clientId, person) {
    this.db = db;
    this.board = board;
    this.clientId = clientId;
    this.person = person;
    this.next = null;
    this.writing = false;
    this.last = null;
  }

  /**
   * @param {{nextClientSeq: number, pending: {clientSeq: number, changes: object[], base?: number}[]}} state
   */
  save(state) {
    const key = JSON.stringify([state.nextClientSeq, state.pending]);
    if (key === this.last) return;
    this.last = key;
    this.next = {
      board: this.board, clientId: this.clientId, person: this.person,
      // A copy the queue cannot change before it is written, from the one serialisation.
      nextClientSeq: state.nextClientSeq, pending: JSON.parse(key)[1], savedAt: Date.now(),
    };
    if (!this.writing) this.write();
  }

  write() {
    const record = this.next;
    this.next = null;
    this.writing = true;
    const done = () => {
      this.writing = false;
      if (this.next) this.write();
    };
    try {
      const tx = this.db.transaction(STORE, 'readwrite');
      tx.objectStore(STORE).put(record);
      tx.oncomplete = tx.onerror = tx.onabort = done;
    } catch {
      done(); // the database went away (closed by the browser): nothing more is kept
    }
  }
}
