/**
 * Per-user undo and redo (SPEC W2).
 *
 * Every local action goes through perform(); the manager remembers, per
 * touched record, the state before the first change and after the last one,
 * and which props this user set. Reverting restores a prop only while it
 * still holds the value this user wrote, so it never undoes a later change
 * made by someone else.
 * @module undo
 */

import { applyChanges, changeTarget, expandRemoval, sameValue, stripServerProps } from './model.js';

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
    for (const change of changes) {
      const id = changeTarget(change);
      let item = entry.get(id);
      if (!item) {
        const before = view.get(id);
        item = { id, before: before ? stripServerProps(before, this.sync.schema) : null, after: null, keys: new Set(), whole: false };
        entry.set(id, item);
      }
      if (change.op === 'patch') for (const key of Object.keys(change.props)) item.keys.add(key);
      else item.whole = true;
      touched.push(item);
    }
    this.sync.push(changes);
    const after = this.sync.view;
    for (const item of touched) {
      const record = after.get(item.id);
      item.after = record ? stripServerProps(record, this.sync.schema) : null;
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
 * @param {Map<string, object>} entry id -> {before, after, keys, whole}
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
    }
  }
  const changes = orderPuts(puts, view, schema);
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
  const references = new Set(referenceProps(schema, before.type).map((r) => r.prop));
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

/**
 * The reference props of a type, from the schema.
 * @returns {{prop: string, required: boolean}[]}
 */
function referenceProps(schema, type) {
  return Object.entries(schema.type(type)?.props || {})
    .filter(([, rule]) => rule.kind === 'ref')
    .map(([prop, rule]) => ({ prop, required: !!rule.required }));
}

// Puts in an order the server accepts: a record after the records it refers
// to; a reference to a record that is gone is dropped when optional (a
// frame), and the record is not put back when it is required (a connector's
// end).
function orderPuts(records, view, schema) {
  const placed = new Set();
  const available = (id) => view.has(id) || placed.has(id);
  const changes = [];
  const put = (record) => {
    const refs = referenceProps(schema, record.type);
    if (refs.some(({ prop, required }) => required && record[prop] && !available(record[prop]))) {
      return false;
    }
    const copy = { ...record };
    for (const { prop } of refs) if (copy[prop] && !available(copy[prop])) delete copy[prop];
    changes.push({ op: 'put', record: copy });
    placed.add(copy.id);
    return true;
  };
  let rest = [...records];
  while (rest.length) {
    const pending = new Set(rest.map((r) => r.id));
    const next = rest.filter((record) => referenceProps(schema, record.type)
      .some(({ prop }) => record[prop] && !available(record[prop]) && pending.has(record[prop]) && record[prop] !== record.id));
    if (next.length === rest.length) { // a cycle: put what can go without the references in it
      for (const record of next) put(record);
      break;
    }
    for (const record of rest) if (!next.includes(record)) put(record);
    rest = next;
  }
  return changes;
}
