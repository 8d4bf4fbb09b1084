/**
 * The pushes of this page the server has not sequenced yet (SPEC W1): numbered
 * by clientSeq, sent in order, sent again after a reconnect, retried after
 * ERR_UNAVAILABLE, rebased over the splices other clients sequenced, and kept
 * in the pending store whenever what is kept changes (SPEC W7).
 *
 * A push with a splice waits until no earlier unsequenced push writes the
 * same text, so what it is written against is always the server's text at
 * the seq it names as its base (SPEC T4).
 * @module pending-pushes
 */

import { applyChanges, isSplice, replacesText, spliceOf } from './model.js';
import { backoffDelay } from './connection.js';
import { composeSplices, transform } from './text-ops.js';

const MAX_CHANGES = 500;
// Pushes restored after a reload may have been sent without being saved:
// new ones start this far above, so none reuses a clientSeq (SPEC W7).
const RESTORED_SEQ_MARGIN = 100;

/**
 * The queue of unsequenced pushes of one SyncClient.
 */
export class PendingPushes {
  /**
   * @param {object} options
   * @param {() => number} options.lastSeq the last seq applied here: the base of splices sent now
   * @param {() => boolean} options.connected whether pushes may be sent (the board is joined)
   * @param {(frame: object) => boolean} options.send writes a push frame; false when it was not written
   * @param {{nextClientSeq: number, pending: object[]}|null} [options.restored]
   *   the counter and pushes a previous page left unsent (pending-store.js)
   * @param {{save: (state: object) => void}|null} [options.store] where pending pushes are kept
   */
  constructor({ lastSeq, connected, send, restored = null, store = null }) {
    this.lastSeq = lastSeq;
    this.connected = connected;
    this.send = send;
    this.store = store;
    /** The pushes, oldest first: {clientSeq, id, changes, sent, everSent, base?}. */
    this.entries = (restored?.pending || []).map((e) => ({
      clientSeq: e.clientSeq, id: 'r' + e.clientSeq, changes: e.changes, sent: false, everSent: true, base: e.base,
    }));
    this.nextClientSeq = restored
      ? Math.max(restored.nextClientSeq || 1, ...this.entries.map((e) => e.clientSeq + 1)) + RESTORED_SEQ_MARGIN
      : 1;
    this.holdPushes = false;
    this.retryTimer = 0;
    this.retryAttempt = 0;
    // Whether the entries or the counter changed since they were last kept.
    this.dirty = false;
    this.savedSeq = null;
  }

  /** Number of pushes not yet sequenced. */
  get size() {
    return this.entries.length;
  }

  /**
   * Whether a push with this id is pending.
   * @param {string} id
   * @returns {boolean}
   */
  has(id) {
    return this.entries.some((e) => e.id === id);
  }

  /**
   * Applies every pending push's changes to a state, oldest first.
   * @param {Map<string, object>} state
   */
  applyTo(state) {
    for (const entry of this.entries) applyChanges(state, entry.changes);
  }

  /**
   * Queues changes already applied to the local view, in pushes of at most
   * MAX_CHANGES changes (folded into the last push when it never left).
   * @param {object[]} changes
   */
  add(changes) {
    for (let i = 0; i < changes.length; i += MAX_CHANGES) {
      const chunk = changes.slice(i, i + MAX_CHANGES);
      if (!this.mergeIntoUnsent(chunk)) {
        const clientSeq = this.nextClientSeq++;
        this.entries.push({ clientSeq, id: 'r' + clientSeq, changes: chunk, sent: false, everSent: false });
      }
    }
    this.dirty = true;
  }

  // Consecutive splice-only pushes that never left this page fold into one
  // (typing on while the previous keystrokes are in flight, or offline);
  // offline, consecutive patch-only pushes fold too, so a drag made offline
  // does not queue hundreds of pushes. A sent push may already be durable.
  mergeIntoUnsent(chunk) {
    const last = this.entries[this.entries.length - 1];
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
    if (this.connected()) return false;
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
   * Sends pending pushes in clientSeq order. A push with a splice waits while
   * an earlier push not yet sequenced writes the same text (SPEC T4): then
   * its base, the last seq applied here, covers everything it was written
   * against. Pushes after a waiting one wait too (order is kept).
   */
  flush() {
    if (!this.connected() || this.holdPushes) return;
    for (let i = 0; i < this.entries.length; i++) {
      const entry = this.entries[i];
      if (entry.sent) continue;
      if (!entry.changes.length) { // its splices came to nothing against what others did
        this.entries.splice(i--, 1);
        this.dirty = true;
        continue;
      }
      if (this.mustWait(i)) return;
      const base = entry.base ?? this.lastSeq();
      const changes = entry.changes.map((c) => (isSplice(c) ? { ...c, base } : c));
      entry.sent = this.send({ t: 'push', id: entry.id, clientSeq: entry.clientSeq, changes });
      if (!entry.sent) return;
      entry.everSent = true;
    }
  }

  mustWait(index) {
    const splices = this.entries[index].changes.filter(isSplice);
    if (!splices.length) return false;
    for (let j = 0; j < index; j++) {
      for (const c of this.entries[j].changes) {
        if (splices.some((s) => (isSplice(c) ? c.id === s.id && c.prop === s.prop : replacesText(c, s.id, s.prop)))) return true;
      }
    }
    return false;
  }

  /**
   * Keeps the pending pushes where a reloaded page finds them (SPEC W7), when
   * what is kept changed.
   */
  save() {
    if (!this.store) return;
    const seq = this.lastSeq();
    // Splices that keep no base of their own are kept with the last seq applied
    // (they are rebased up to it): when it moves on, what is kept changes too.
    const basesMoved = seq !== this.savedSeq && this.entries.some((e) => e.base === undefined && e.changes.some(isSplice));
    if (!this.dirty && !basesMoved) return;
    this.dirty = false;
    this.savedSeq = seq;
    this.store.save({
      nextClientSeq: this.nextClientSeq,
      pending: this.entries.map((e) => ({
        clientSeq: e.clientSeq,
        changes: e.changes,
        base: e.base ?? (e.changes.some(isSplice) ? seq : undefined),
      })),
    });
  }

  /**
   * This page's push came back sequenced: it is pending no more.
   * @param {number} clientSeq
   */
  sequenced(clientSeq) {
    this.removeWhere((e) => e.clientSeq === clientSeq);
  }

  /**
   * Someone else's splice, sequenced: the pending splices of that text are
   * rewritten to follow it (theirs goes first), and it is carried past them
   * (SPEC W1, T3).
   * @param {{id: string, prop: string, at: number, delete: number, insert: string}} change
   * @returns {object[]} what is left of it as splices of the local view's text
   */
  rebaseOver(change) {
    let incoming = [spliceOf(change)];
    for (const entry of this.entries) {
      if (!incoming.length) break;
      if (entry.base !== undefined) continue; // not rebased: the server transforms it (T5)
      const next = [];
      for (const c of entry.changes) {
        if (incoming.length && isSplice(c) && c.id === change.id && c.prop === change.prop) {
          const [mine, theirs] = transform([spliceOf(c)], incoming, false);
          for (const s of mine) next.push({ op: 'splice', id: c.id, prop: c.prop, ...s });
          incoming = theirs;
          this.dirty = true;
        } else {
          if (replacesText(c, change.id, change.prop)) incoming = []; // my later whole value hides it
          next.push(c);
        }
      }
      entry.changes = next;
    }
    return incoming;
  }

  /**
   * Before a snapshot replaces the state: pending splices cannot be rebased
   * over a snapshot, so they keep the base they were written against and the
   * server transforms them (T5).
   */
  pinBases() {
    for (const entry of this.entries) {
      if (entry.base === undefined && entry.changes.some(isSplice)) {
        entry.base = this.lastSeq();
        this.dirty = true;
      }
    }
  }

  /**
   * A welcome said which of this client's pushes the server has applied:
   * those are pending no more, and new ones are numbered after them.
   * @param {number} applied the highest clientSeq applied
   */
  dropApplied(applied) {
    this.removeWhere((e) => e.clientSeq <= applied);
    if (applied + 1 > this.nextClientSeq) {
      this.nextClientSeq = applied + 1;
      this.dirty = true;
    }
  }

  /**
   * Forgets a push (durable since an earlier connection).
   * @param {string} id
   * @returns {boolean} whether it was pending
   */
  remove(id) {
    return this.removeWhere((e) => e.id === id);
  }

  /**
   * A push the server refused for good: forgotten. The server answered, so
   * the next retry starts again from the shortest wait.
   * @param {string} id
   */
  refused(id) {
    this.retryAttempt = 0;
    this.remove(id);
  }

  /**
   * The server could not take a push for now: it and every later push are
   * held, in order, and sent again after a growing wait.
   * @param {string} id
   */
  retryFrom(id) {
    const index = this.entries.findIndex((e) => e.id === id);
    if (index < 0) return;
    for (const entry of this.entries.slice(index)) entry.sent = false;
    this.holdPushes = true;
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      this.holdPushes = false;
      this.flush();
    }, backoffDelay(this.retryAttempt++));
  }

  /** The connection went down: everything pending goes again on the next one. */
  down() {
    clearTimeout(this.retryTimer);
    this.holdPushes = false;
    for (const entry of this.entries) entry.sent = false;
  }

  removeWhere(matches) {
    const before = this.entries.length;
    this.entries = this.entries.filter((e) => !matches(e));
    if (this.entries.length === before) return false;
    this.dirty = true;
    return true;
  }
}
