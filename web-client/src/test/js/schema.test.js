import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Schema } from '../../main/resources/webroot/js/schema.js';
import { expandRemoval, stripServerProps } from '../../main/resources/webroot/js/model.js';
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
