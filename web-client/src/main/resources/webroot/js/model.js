/**
 * Pure functions over a board state: a Map from record id to record.
 * Records are treated as immutable: every change makes a new object, so
 * renderers can detect changes by identity.
 * @module model
 */

import { applySplice } from './text-ops.js';

/**
 * Applies one change to the state in place.
 * put replaces the whole record, patch sets props (null clears a prop),
 * remove deletes, splice edits a text prop (positions clamped to it, SPEC
 * T6); patch, remove and splice of a missing record do nothing (SPEC C3).
 * @param {Map<string, object>} state
 * @param {{op: string, record?: object, id?: string, props?: object, prop?: string,
 *   at?: number, delete?: number, insert?: string}} change
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
  } else if (change.op === 'splice') {
    const current = state.get(change.id);
    if (!current) return;
    state.set(change.id, { ...current, [change.prop]: applySplice(textValue(current, change.prop), change) });
  }
}

/**
 * A text prop of a record as splices see it: '' when absent (or the record is).
 * @param {object|undefined} record
 * @param {string} prop
 * @returns {string}
 */
export function textValue(record, prop) {
  return typeof record?.[prop] === 'string' ? record[prop] : '';
}

/**
 * Whether a change writes text prop `prop` of record `id` other than by a
 * splice: a patch of that prop, or a put or remove of the record.
 * @param {object} change
 * @param {string} id
 * @param {string} prop
 * @returns {boolean}
 */
export function replacesText(change, id, prop) {
  if (change.op === 'patch') return change.id === id && Object.hasOwn(change.props, prop);
  if (change.op === 'put') return change.record.id === id;
  return change.op === 'remove' && change.id === id;
}

/**
 * Whether a change is a splice of a text prop.
 * @param {object} change
 * @returns {boolean}
 */
export function isSplice(change) {
  return change.op === 'splice';
}

/**
 * The splice a splice change makes, without its record, prop and base.
 * @param {{at: number, delete: number, insert: string}} change
 * @returns {{at: number, delete: number, insert: string}}
 */
export function spliceOf(change) {
  return { at: change.at, delete: change.delete, insert: change.insert };
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
 * Drawing order: frames below everything else (what is on a frame is above
 * it, whatever their z-order), then z-order (compareZ).
 * @param {object} a
 * @param {object} b
 * @returns {number}
 */
export function compareDrawOrder(a, b) {
  const frameA = a.type === 'frame';
  if (frameA !== (b.type === 'frame')) return frameA ? -1 : 1;
  return compareZ(a, b);
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
 * and, for known types, with only the props the schema allows (the server
 * rejects unknown ones).
 * @param {object} record
 * @param {import('./schema.js').Schema} schema
 * @returns {object}
 */
export function stripServerProps(record, schema) {
  const copy = { id: record.id, type: record.type };
  const allowed = schema.type(record.type) ? schema.props(record.type) : Object.keys(record);
  for (const key of allowed) {
    if (key === 'id' || key === 'type' || schema.isServerOwned(key)) continue;
    if (record[key] !== undefined && record[key] !== null) copy[key] = record[key];
  }
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
 * Expands a removal like the server does (SPEC C5): everything that refers
 * to a removed record through a reference the schema marks as cascading
 * (a frame's contents, connectors, comments on it), to a fixpoint.
 * @param {Map<string, object>} state
 * @param {Iterable<string>} ids
 * @param {import('./schema.js').Schema} schema
 * @returns {string[]} ids to remove, each before the records it refers to
 */
export function expandRemoval(state, ids, schema) {
  const removed = new Set([...ids].filter((id) => state.has(id) && id !== schema.boardRecordId));
  const cascades = new Map();
  for (const { type, prop } of schema.cascades) {
    if (!cascades.has(type)) cascades.set(type, []);
    cascades.get(type).push(prop);
  }
  let grew = true;
  while (grew) {
    grew = false;
    for (const record of state.values()) {
      if (removed.has(record.id)) continue;
      if ((cascades.get(record.type) || []).some((prop) => removed.has(record[prop]))) {
        removed.add(record.id);
        grew = true;
      }
    }
  }
  // Referrers before what they refer to (connectors and comments before their ends, contents
  // before their frame): a removal order every reader can follow.
  const targetsOf = (id) => (cascades.get(state.get(id).type) || [])
    .map((prop) => state.get(id)[prop]).filter((target) => removed.has(target) && target !== id);
  const referrers = new Map([...removed].map((id) => [id, 0]));
  for (const id of removed) for (const target of targetsOf(id)) referrers.set(target, referrers.get(target) + 1);
  const order = [];
  const ready = [...removed].filter((id) => referrers.get(id) === 0);
  while (ready.length) {
    const id = ready.shift();
    order.push(id);
    for (const target of targetsOf(id)) {
      referrers.set(target, referrers.get(target) - 1);
      if (referrers.get(target) === 0) ready.push(target);
    }
  }
  return order.length === removed.size ? order : [...removed];
}

/**
 * Records about to be put, fit for the server's reference rules: a record
 * whose required reference (a connector's end) points at nothing is left
 * out, and so, in turn, is what required it; an optional reference (a
 * parent) to nothing is removed. A reference points at something when the
 * record is among those kept or exists already.
 * @param {object[]} records
 * @param {import('./schema.js').Schema} schema
 * @param {(id: string) => boolean} [exists] whether a record outside the set exists
 * @returns {object[]} in the given order; copies where a reference was removed
 */
export function withoutMissingReferences(records, schema, exists = () => false) {
  let kept = records;
  let present;
  for (;;) {
    const ids = new Set(kept.map((r) => r.id));
    present = (id) => ids.has(id) || exists(id);
    const next = kept.filter((r) => schema.references(r.type).every(({ prop, required }) => !required || present(r[prop])));
    if (next.length === kept.length) break;
    kept = next;
  }
  return kept.map((r) => {
    const missing = schema.references(r.type).filter(({ prop }) => r[prop] != null && !present(r[prop]));
    if (!missing.length) return r;
    const copy = { ...r };
    for (const { prop } of missing) delete copy[prop];
    return copy;
  });
}

/**
 * Records in an order the server accepts them in one push: each after the
 * records among them it refers to (frames before their contents, ends
 * before connectors), in the given order otherwise.
 * @param {object[]} records
 * @param {import('./schema.js').Schema} schema
 * @returns {object[]}
 */
export function referencedFirst(records, schema) {
  const byId = new Map(records.map((r) => [r.id, r]));
  const placed = new Set();
  const out = [];
  const visit = (r, path = new Set()) => {
    if (placed.has(r.id) || path.has(r.id)) return;
    path.add(r.id);
    for (const { prop } of schema.references(r.type)) if (byId.has(r[prop])) visit(byId.get(r[prop]), path);
    placed.add(r.id);
    out.push(r);
  };
  for (const r of records) visit(r);
  return out;
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
