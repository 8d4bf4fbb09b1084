import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Schema } from '../../main/resources/webroot/js/schema.js';
import { expandRemoval, referencedFirst, stripServerProps, withoutMissingReferences } from '../../main/resources/webroot/js/model.js';
import { DESCRIBED_SCHEMA, note, stateOf } from './fixtures.js';

const schema = new Schema(DESCRIBED_SCHEMA);

test('[C5] a removal takes what refers to it through cascading references: frame contents, connectors, comments', () => {
  const state = stateOf(
    { id: 'board', type: 'board' },
    { id: 'f1', type: 'frame', order: 'a', x: 0, y: 0, w: 100, h: 100 },
    note('n1', { parent: 'f1' }),
    note('n2'),
    { id: 'c1', type: 'connector', order: 'b', from: 'n1', to: 'n2' },
    { id: 'k1', type: 'comment', order: 'c', x: 1, y: 1, text: 'why?', target: 'n1' },
    { id: 'k2', type: 'comment', order: 'c', x: 1, y: 1, text: 'and here?', target: 'n2' },
  );
  const removed = expandRemoval(state, ['f1'], schema);
  assert.deepEqual(new Set(removed), new Set(['f1', 'n1', 'c1', 'k1']));
  assert.equal(removed[removed.length - 1], 'f1', 'what others refer to goes last');
  assert.ok(removed.indexOf('c1') < removed.indexOf('n1'));
  assert.deepEqual(expandRemoval(state, ['board'], schema), [], 'the board record is never removed');
});

test('[R6] a record made fit to put drops server-owned props and props its type does not have', () => {
  const stripped = stripServerProps({
    id: 'k1', type: 'comment', order: 'a', x: 1, y: 2, text: 'hi', authorName: 'Ana', createdBy: 'u1', updatedAt: 3, stray: 1,
  }, schema);
  assert.deepEqual(stripped, { id: 'k1', type: 'comment', order: 'a', x: 1, y: 2, text: 'hi' });
});

test('an empty schema (before the first welcome) describes nothing and owns nothing', () => {
  const empty = new Schema();
  assert.equal(empty.type('note'), undefined);
  assert.deepEqual(empty.props('note'), []);
  assert.equal(empty.isServerOwned('createdBy'), false);
});

test('the schema says which props refer to records and which a record cannot do without', () => {
  assert.deepEqual(schema.references('connector'), [{ prop: 'from', required: true }, { prop: 'to', required: true }]);
  assert.deepEqual(schema.references('note'), [{ prop: 'parent', required: false }]);
  assert.deepEqual(schema.references('nothing'), []);
});

test('records to put keep references to records that are there, each after what it refers to', () => {
  const connector = (id, from, to) => ({ id, type: 'connector', order: 'b', from, to });
  const records = [note('n1', { parent: 'f1' }), connector('c1', 'n1', 'n2'), connector('c2', 'n1', 'gone'),
    note('n2', { parent: 'gone' }), { id: 'f1', type: 'frame', order: 'a', x: 0, y: 0, w: 9, h: 9, parent: 'f0' }];
  const kept = withoutMissingReferences(records, schema, (id) => id === 'f0');
  assert.deepEqual(kept.map((r) => r.id), ['n1', 'c1', 'n2', 'f1'], 'a connector without its other end stays out');
  assert.equal(kept[2].parent, undefined, 'an optional reference to nothing is removed');
  assert.equal(records[3].parent, 'gone', 'from a copy');
  assert.equal(kept[3].parent, 'f0', 'a record that exists counts');
  assert.deepEqual(referencedFirst(kept, schema).map((r) => r.id), ['f1', 'n1', 'n2', 'c1']);
});
