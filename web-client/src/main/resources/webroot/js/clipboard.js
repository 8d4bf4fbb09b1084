/**
 * The board's clipboard format: what a copy carries (the selected records,
 * what is inside selected frames, and connectors between them, without
 * server-owned props) and how a paste turns it into new records (new ids,
 * references inside the pasted set remapped, references to records outside
 * it dropped — connectors that would lose an end are left out). On the
 * system clipboard it travels as JSON under CLIPBOARD_TYPE, with the JSON
 * also recognised in plain text, and a readable plain-text version for
 * other applications. Pure functions.
 * @module clipboard
 */

import { compareZ, descendantsOf, referencedFirst, stripServerProps, withoutMissingReferences } from './model.js';

/** The MIME type of board records on the clipboard. */
export const CLIPBOARD_TYPE = 'application/x-crossboard+json';
const FORMAT = 'crossboard/records';
const VERSION = 1;
// Types a copy carries: comments are conversations, not content.
const COPYABLE = new Set(['frame', 'note', 'text', 'shape', 'connector']);

/**
 * The clipboard payload for a selection.
 * @param {Map<string, object>} view
 * @param {Iterable<string>} ids selected record ids
 * @param {import('./schema.js').Schema} schema
 * @returns {{format: string, version: number, records: object[]}|null} null when nothing copyable is selected
 */
export function copyPayload(view, ids, schema) {
  const picked = new Set([...ids].filter((id) => COPYABLE.has(view.get(id)?.type)));
  const frames = [...picked].filter((id) => view.get(id).type === 'frame');
  for (const id of descendantsOf(view, frames)) if (COPYABLE.has(view.get(id)?.type)) picked.add(id);
  for (const r of view.values()) {
    if (r.type === 'connector' && picked.has(r.from) && picked.has(r.to)) picked.add(r.id);
  }
  if (!picked.size) return null;
  const records = [...picked].map((id) => view.get(id)).sort(compareZ).map((r) => {
    const copy = stripServerProps(r, schema);
    delete copy.locked;
    return copy;
  });
  return { format: FORMAT, version: VERSION, records };
}

/**
 * The payload as JSON text.
 * @param {{format: string, version: number, records: object[]}} payload
 * @returns {string}
 */
export function encodePayload(payload) {
  return JSON.stringify(payload);
}

/**
 * Reads a payload from clipboard text; null when it is not one.
 * @param {string|null|undefined} text
 * @returns {{format: string, version: number, records: object[]}|null}
 */
export function decodePayload(text) {
  if (!text || text.trimStart()[0] !== '{') return null;
  try {
    const value = JSON.parse(text);
    if (value?.format !== FORMAT || value.version !== VERSION || !Array.isArray(value.records)) return null;
    const records = value.records.filter((r) => r && typeof r === 'object' && typeof r.id === 'string' && COPYABLE.has(r.type));
    return records.length ? { format: FORMAT, version: VERSION, records } : null;
  } catch {
    return null;
  }
}

/**
 * A readable version for other applications: texts and titles, one per line.
 * @param {{records: object[]}} payload
 * @returns {string}
 */
export function plainText(payload) {
  return payload.records.map((r) => r.title ?? r.text ?? r.label ?? '').filter((s) => s.trim()).join('\n');
}

/**
 * The records a paste creates: new ids, references inside the set remapped,
 * optional references to anything outside it removed, records whose required
 * reference points outside it (connectors) left out; moved by (dx, dy);
 * referenced records before the records that refer to them.
 * @param {{records: object[]}} payload
 * @param {import('./schema.js').Schema} schema
 * @param {object} options
 * @param {() => string} options.newId
 * @param {() => string} [options.nextOrder] a new z-order key, called bottom to top (the
 *   payload's order): pasted records go on top of the board, in their order
 * @param {number} [options.dx]
 * @param {number} [options.dy]
 * @returns {object[]} records to put, in an order the server accepts
 */
export function pasteRecords(payload, schema, { newId, nextOrder = null, dx = 0, dy = 0 }) {
  const ids = new Map(payload.records.map((r) => [r.id, newId()]));
  const copies = [];
  for (const r of payload.records) {
    if (!schema.type(r.type)) continue;
    const copy = { ...r, id: ids.get(r.id) };
    for (const { prop } of schema.references(r.type)) if (ids.has(copy[prop])) copy[prop] = ids.get(copy[prop]);
    if (Number.isFinite(copy.x)) copy.x += dx;
    if (Number.isFinite(copy.y)) copy.y += dy;
    copies.push(copy);
  }
  // Nothing outside the pasted set counts as existing: references to it go.
  const kept = withoutMissingReferences(copies, schema);
  if (nextOrder) for (const copy of kept) copy.order = nextOrder();
  return referencedFirst(kept, schema);
}
