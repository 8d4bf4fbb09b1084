/**
 * Per-user undo and redo (SPEC W2).
 *
 * Every local action goes through perform(); the manager remembers, per
 * touched record, the state before the first change and after the last one,
 * and which props this user set. Reverting restores a prop only while it
 * still holds the value this user wrote, so it never undoes a later change
 * made by someone else.
 *
 * Splices of merging text are undone by their inverse splices instead
 * (SPEC W2): every later change of that text, anyone's, is carried into
 * them as it happens, so undoing removes exactly this user's words and
 * keeps everyone else's. When the text changed in a way that cannot be
 * followed (replaced whole, a snapshot), that text is no longer undone.
 * @module undo
 */

import {
  applyChanges, changeTarget, expandRemoval, referencedFirst, sameValue, stripServerProps, textValue, withoutMissingReferences,
} from './model.js';
import { applySplice, applySplices, invertSplice, transform } from './text-ops.js';
import { textKey } from './sync.js';

const MAX_ENTRIES = 200;
const FIXED_KEYS = new Set(['id', 'type']);

/**
 * Undo/redo stacks on top of a SyncClient.
 */
export class UndoManager {
  /**
   * @param {import('./sync.js').SyncClient} sync
   */
  constructor(sync) {
    this.sync = sync;
    this.undoStack = [];
    this.redoStack = [];
    this.group = null;
    this.depth = 0;
    this.listeners = new Set();
    this.recording = null;
    sync.on('change', (event) => this.followTexts(event));
  }

  /**
   * Calls fn when stack sizes change.
   * @param {Function} fn
   */
  onChange(fn) {
    this.listeners.add(fn);
  }

  notify() {
    for (const fn of this.listeners) fn();
  }

  /** Whether undo() would have something to try. */
  get canUndo() {
    return this.undoStack.length > 0;
  }

  /** Whether redo() would have something to try. */
  get canRedo() {
    return this.redoStack.length > 0;
  }

  /** Starts a gesture: everything performed until end() is one undo step. */
  begin() {
    if (this.depth++ === 0) this.group = new Map();
  }

  /** Ends a gesture started with begin(). */
  end() {
    if (this.depth === 0 || --this.depth > 0) return;
    const entry = this.group;
    this.group = null;
    this.commit(this.undoStack, entry);
    if (entry.size) this.redoStack = [];
    this.notify();
  }

  /**
   * Applies and sends changes as a user action, recording how to revert it.
   * @param {object[]} changes
   */
  perform(changes) {
    if (!changes.length) return;
    this.begin();
    this.record(this.group, changes);
    this.end();
  }

  record(entry, changes) {
    const view = this.sync.view;
    const touched = [];
    const spliced = [];
    const working = new Map(); // text as the changes so far leave it
    for (const change of changes) {
      const id = changeTarget(change);
      let item = entry.get(id);
      if (!item) {
        const before = view.get(id);
        item = { id, before: before ? stripServerProps(before, this.sync.schema) : null, after: null, keys: new Set(),
          whole: false, texts: new Map() };
        entry.set(id, item);
      }
      if (change.op === 'splice') {
        if (this.recordSplice(item, change, view, working)) spliced.push([item, change.prop]);
      } else if (change.op === 'patch') {
        for (const key of Object.keys(change.props)) {
          item.keys.add(key);
          item.texts.delete(key); // reverted as a whole value from now on
        }
      } else {
        item.whole = true;
      }
      touched.push(item);
    }
    this.recording = entry;
    try {
      this.sync.push(changes);
    } finally {
      this.recording = null;
    }
    const after = this.sync.view;
    for (const item of touched) {
      const record = after.get(item.id);
      item.after = record ? stripServerProps(record, this.sync.schema) : null;
    }
    for (const [item, prop] of spliced) {
      if (item.texts.has(prop)) item.texts.get(prop).expect = textValue(after.get(item.id), prop);
    }
  }

  // The inverse of a splice goes in front of those recorded before it: undo applies them newest first.
  recordSplice(item, change, view, working) {
    if (item.keys.has(change.prop) || item.whole) return false; // a whole value covers it
    const key = textKey(change.id, change.prop);
    const current = working.has(key) ? working.get(key) : textValue(view.get(change.id), change.prop);
    const text = item.texts.get(change.prop) || { inverse: [], expect: current, valid: true };
    text.inverse = [invertSplice(current, change), ...text.inverse];
    item.texts.set(change.prop, text);
    working.set(key, applySplice(current, change));
    return true;
  }

  /**
   * Carries every remembered inverse past a change of its text (anyone's),
   * or gives it up when the change cannot be followed.
   * @param {{text?: Map<string, object[]>, overlay?: boolean}} event a sync "change" event
   */
  followTexts(event) {
    // A drag preview (sent on every pointer move) leaves sync.view as it was.
    if (event.overlay) return;
    const view = this.sync.view;
    for (const entry of [this.group, ...this.undoStack, ...this.redoStack]) {
      if (!entry || entry === this.recording) continue;
      for (const item of entry.values()) {
        if (!item.texts?.size) continue;
        const record = view.get(item.id);
        if (!record) continue; // it may come back as it was (an undone removal)
        for (const [prop, text] of item.texts) {
          const now = textValue(record, prop);
          if (!text.valid || now === text.expect) continue;
          const splices = event.text?.get(textKey(item.id, prop));
          if (splices && applySplices(text.expect, splices) === now) {
            [text.inverse] = transform(text.inverse, splices, false);
            text.expect = now;
          } else {
            text.valid = false;
          }
        }
      }
    }
  }

  commit(stack, entry) {
    if (!entry || !entry.size) return;
    stack.push(entry);
    if (stack.length > MAX_ENTRIES) stack.shift();
  }

  /** Reverts the newest own action that still has an effect. */
  undo() {
    this.step(this.undoStack, this.redoStack);
  }

  /** Re-applies the newest undone action. */
  redo() {
    this.step(this.redoStack, this.undoStack);
  }

  step(from, to) {
    if (this.depth) return;
    while (from.length) {
      const changes = revertChanges(from.pop(), this.sync.view, this.sync.schema);
      if (changes.length) {
        const entry = new Map();
        this.record(entry, changes);
        this.commit(to, entry);
        break;
      }
    }
    this.notify();
  }
}

/**
 * The changes that revert an entry against the current view, honouring W2
 * and the server's reference rules so the push is not rejected.
 * @param {Map<string, object>} entry id -> {before, after, keys, whole, texts}, texts: prop ->
 *   {inverse: splices that undo this entry's splices of that text, expect: the text they apply to, valid}
 * @param {Map<string, object>} view current local view
 * @param {import('./schema.js').Schema} schema the record types (welcome.schema)
 * @returns {object[]}
 */
export function revertChanges(entry, view, schema) {
  const removals = [];
  const puts = [];
  const patches = [];
  const items = [...entry.values()].reverse();
  // Records this revert puts back count as existing for references.
  const restored = new Set(items.filter((i) => i.before && !i.after && !view.has(i.id)).map((i) => i.id));
  const exists = (id) => view.has(id) || restored.has(id);
  for (const item of items) {
    const current = view.get(item.id);
    const { before, after } = item;
    if (!before && !after) continue;
    if (!before) {
      if (current && !current.locked) removals.push(item.id);
    } else if (!after) {
      if (!current) puts.push(before);
    } else if (current) {
      const props = revertProps(item, current, exists, schema);
      // The server refuses changes to locked records unless they unlock them.
      if (current.locked && props.locked !== false) continue;
      if (Object.keys(props).length) patches.push({ op: 'patch', id: item.id, props });
      for (const [prop, text] of item.texts || []) {
        if (!text.valid || textValue(current, prop) !== text.expect) continue;
        for (const s of text.inverse) patches.push({ op: 'splice', id: item.id, prop, ...s });
      }
    }
  }
  // A record goes back after those it refers to; a connector whose other end is gone stays gone.
  const changes = referencedFirst(withoutMissingReferences(puts, schema, (id) => view.has(id)), schema)
    .map((record) => ({ op: 'put', record }));
  changes.push(...patches);
  // Cascade on the state after the patches: a child moved out of a frame
  // by this revert must not be removed with it.
  const after = new Map(view);
  applyChanges(after, changes);
  for (const id of expandRemoval(after, removals, schema)) changes.push({ op: 'remove', id });
  return changes;
}

function revertProps(item, current, exists, schema) {
  const { before, after } = item;
  const keys = item.whole ? new Set([...Object.keys(before), ...Object.keys(after)]) : item.keys;
  const references = new Set(schema.references(before.type).map((r) => r.prop));
  const props = {};
  for (const key of keys) {
    if (FIXED_KEYS.has(key) || schema.isServerOwned(key) || sameValue(before[key], after[key])) continue;
    if (!sameValue(current[key], after[key])) continue; // someone changed it since
    let value = before[key] ?? null;
    if (key === 'locked' && value === null) value = false;
    if (references.has(key) && value !== null && !exists(value)) continue;
    props[key] = value;
  }
  return props;
}
