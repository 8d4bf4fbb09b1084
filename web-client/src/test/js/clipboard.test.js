import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyPayload, decodePayload, encodePayload, pasteRecords, plainText } from '../../main/resources/webroot/js/clipboard.js';
import { Schema } from '../../main/resources/webroot/js/schema.js';
import { DESCRIBED_SCHEMA, note, stateOf } from './fixtures.js';

const schema = new Schema(DESCRIBED_SCHEMA);
const frame = (id, extra = {}) => ({ id, type: 'frame', order: 'a0', x: 0, y: 0, w: 500, h: 400, title: 'Ideas', ...extra });
const connector = (id, from, to) => ({ id, type: 'connector', order: 'a5', from, to });
let counter = 0;
const newId = () => `new${++counter}`;

test('[W9] a copy carries the selection, what is inside selected frames and connectors between copied records', () => {
  const view = stateOf(
    { id: 'board', type: 'board', title: 'B' },
    frame('f', { createdBy: 'u1', updatedAt: 5 }),
    note('inside', { parent: 'f', order: 'a1', text: 'in the frame' }),
    note('chosen', { order: 'a2', text: 'chosen', locked: true }),
    note('other', { order: 'a3' }),
    connector('c1', 'inside', 'chosen'),
    connector('c2', 'chosen', 'other'),
    { id: 'k', type: 'comment', order: 'a9', x: 1, y: 1, text: 'a comment', target: 'chosen' },
  );
  const payload = copyPayload(view, ['f', 'chosen', 'k', 'board'], schema);
  assert.deepEqual(payload.records.map((r) => r.id), ['f', 'inside', 'chosen', 'c1'], 'z order; comments, the board and c2 stay out');
  assert.equal(payload.records[0].createdBy, undefined, 'server-owned props are not copied');
  assert.equal(payload.records[0].updatedAt, undefined);
  assert.equal(payload.records[2].locked, undefined, 'a pasted copy is not locked');
  assert.equal(copyPayload(view, ['k'], schema), null, 'nothing copyable');
});

test('[W9] the payload round-trips through JSON text; other text is not a payload', () => {
  const payload = copyPayload(stateOf(note('n', { text: 'hello' })), ['n'], schema);
  assert.deepEqual(decodePayload(encodePayload(payload)), payload);
  assert.equal(decodePayload('hello'), null);
  assert.equal(decodePayload('{"format":"something else","version":1,"records":[]}'), null);
  assert.equal(decodePayload('{not json'), null);
  assert.equal(decodePayload(JSON.stringify({ ...payload, records: [{ id: 'x', type: 'board' }] })), null);
  assert.equal(plainText({ records: [frame('f'), note('n', { text: 'one' }), note('m', { text: '' })] }), 'Ideas\none');
});

test('[W9] a paste gets new ids, references inside the set remapped, and new orders bottom to top', () => {
  counter = 0;
  const payload = { records: [frame('f', { order: 'a0' }), note('n1', { parent: 'f', order: 'a1' }),
    note('n2', { parent: 'f', order: 'a2' }), connector('c', 'n1', 'n2')] };
  let order = 'b0';
  const orders = [];
  const records = pasteRecords(payload, schema, { newId, nextOrder: () => { orders.push(order += '1'); return order; }, dx: 10, dy: -5 });
  assert.equal(records.length, 4);
  const [f, n1, n2, c] = records;
  assert.deepEqual(records.map((r) => r.id), ['new1', 'new2', 'new3', 'new4']);
  assert.equal(n1.parent, f.id);
  assert.equal(n2.parent, f.id);
  assert.equal(c.from, n1.id);
  assert.equal(c.to, n2.id);
  assert.deepEqual(records.map((r) => r.order), orders, 'orders in the copied z order');
  assert.deepEqual([f.x, f.y], [10, -5]);
  assert.equal(c.x, undefined, 'connectors have no position');
  assert.equal(payload.records[1].id, 'n1', 'the payload is not changed');
});

test('[W9] a paste drops references to records outside the set, and connectors that would lose an end', () => {
  counter = 0;
  const payload = { records: [note('n1', { parent: 'elsewhere' }), note('n2'), connector('c1', 'n1', 'n2'), connector('c2', 'n1', 'gone')] };
  const records = pasteRecords(payload, schema, { newId });
  assert.deepEqual(records.map((r) => r.type), ['note', 'note', 'connector']);
  assert.equal(records[0].parent, undefined, 'an optional reference outside the set is removed');
  assert.equal(records[2].from, records[0].id);
});

test('[W9] a paste puts referenced records first, whatever their z order', () => {
  counter = 0;
  const payload = { records: [note('n', { parent: 'f', order: 'a0' }), frame('f', { order: 'a9' })] };
  const records = pasteRecords(payload, schema, { newId });
  assert.deepEqual(records.map((r) => r.type), ['frame', 'note']);
  assert.equal(records[1].parent, records[0].id);
});
