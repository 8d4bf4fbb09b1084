/**
 * Pure functions over a board state: a Map from record id to record.
 * Records are treated as immutable: every change makes a new object, so
 * renderers can detect changes by identity.
 * @module model
 */

/** Props the server stamps; clients never send them. */
export const SERVER_PROPS = ['createdBy', 'createdAt', 'updatedBy', 'updatedAt'];

/** The props each record type may carry besides id and type (SPEC R2). */
export const TYPE_PROPS = {
  board: ['title'],
  frame: ['order', 'x', 'y', 'w', 'h', 'title', 'color', 'parent', 'locked'],
  note: ['order', 'x', 'y', 'w', 'h', 'text', 'color', 'fontSize', 'rotation', 'parent', 'locked'],
  text: ['order', 'x', 'y', 'w', 'h', 'text', 'color', 'fontSize', 'rotation', 'parent', 'locked'],
  shape: ['order', 'x', 'y', 'w', 'h', 'shape', 'text', 'color', 'fontSize', 'rotation', 'parent', 'locked'],
  connector: ['order', 'from', 'to', 'label', 'color', 'parent', 'locked'],
  comment: ['order', 'x', 'y', 'text', 'target', 'resolved'],
};

/**
 * Applies one change to the state in place.
 * put replaces the whole record, patch sets props (null clears a prop),
 * remove deletes; patch and remove of a missing record do nothing (SPEC C3).
 * @param {Map<string, object>} state
 * @param {{op: string, record?: object, id?: string, props?: object}} change
 */
export function applyChange(state, change) {
  if (change.op === 'put') {
    state.set(change.record.id, { ...change.record });
  } else if (change.op === 'patch') {
    const current = state.get(change.id);
    if (!current) return;
    const next = { ...current };
    for (const [key, value] of Object.entries(change.props)) {
      if (value === null) delete next[key];
      else next[key] = value;
    }
    state.set(change.id, next);
  } else if (change.op === 'remove') {
    state.delete(change.id);
  }
}

/**
 * Applies a list of changes in order.
 * @param {Map<string, object>} state
 * @param {object[]} changes
 */
export function applyChanges(state, changes) {
  for (const change of changes) applyChange(state, change);
}

/**
 * The record id a change touches.
 * @param {object} change
 * @returns {string}
 */
export function changeTarget(change) {
  return change.op === 'put' ? change.record.id : change.id;
}

/**
 * Z-order comparator: by order (code-unit string order), then by id.
 * @param {object} a
 * @param {object} b
 * @returns {number}
 */
export function compareZ(a, b) {
  const oa = a.order || '';
  const ob = b.order || '';
  if (oa !== ob) return oa < ob ? -1 : 1;
  if (a.id === b.id) return 0;
  return a.id < b.id ? -1 : 1;
}

/**
 * All non-board records sorted bottom to top.
 * @param {Map<string, object>} state
 * @returns {object[]}
 */
export function sortedByZ(state) {
  const list = [];
  for (const record of state.values()) if (record.type !== 'board') list.push(record);
  return list.sort(compareZ);
}

/**
 * The highest order key on the board, or null when there is none.
 * @param {Map<string, object>} state
 * @returns {string|null}
 */
export function maxOrder(state) {
  let max = null;
  for (const record of state.values()) {
    if (record.order && (max === null || record.order > max)) max = record.order;
  }
  return max;
}

/**
 * A copy of a record fit to send in a put: without the server-owned props
 * and, for known types, with only the props SPEC R2 allows (the server
 * rejects unknown ones).
 * @param {object} record
 * @returns {object}
 */
export function stripServerProps(record) {
  const allowed = TYPE_PROPS[record.type];
  if (!allowed) {
    const copy = { ...record };
    for (const key of SERVER_PROPS) delete copy[key];
    return copy;
  }
  const copy = { id: record.id, type: record.type };
  for (const key of allowed) if (record[key] !== undefined && record[key] !== null) copy[key] = record[key];
  return copy;
}

/**
 * Ids of every record inside the given frames, recursively (not the frames).
 * @param {Map<string, object>} state
 * @param {Iterable<string>} ids
 * @returns {Set<string>}
 */
export function descendantsOf(state, ids) {
  const children = new Map();
  for (const record of state.values()) {
    if (record.parent) {
      if (!children.has(record.parent)) children.set(record.parent, []);
      children.get(record.parent).push(record.id);
    }
  }
  const found = new Set();
  const stack = [...ids];
  while (stack.length) {
    for (const child of children.get(stack.pop()) || []) {
      if (!found.has(child)) {
        found.add(child);
        stack.push(child);
      }
    }
  }
  return found;
}

/**
 * Expands a removal like the server does (SPEC C5): frame contents
 * recursively, then connectors attached to anything removed.
 * @param {Map<string, object>} state
 * @param {Iterable<string>} ids
 * @returns {string[]} ids to remove, connectors first, frames last
 */
export function expandRemoval(state, ids) {
  const removed = new Set([...ids].filter((id) => state.has(id) && id !== 'board'));
  for (const id of descendantsOf(state, removed)) removed.add(id);
  for (const record of state.values()) {
    if (record.type === 'connector' && (removed.has(record.from) || removed.has(record.to))) {
      removed.add(record.id);
    }
  }
  const rank = (id) => {
    const type = state.get(id).type;
    return type === 'connector' ? 0 : type === 'frame' ? 2 : 1;
  };
  return [...removed].sort((a, b) => rank(a) - rank(b));
}

/**
 * Whether two prop values are equal (props are primitives; absent equals null).
 * @param {*} a
 * @param {*} b
 * @returns {boolean}
 */
export function sameValue(a, b) {
  return (a ?? null) === (b ?? null);
}
