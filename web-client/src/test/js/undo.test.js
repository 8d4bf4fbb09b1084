import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Schema } from '../../main/resources/webroot/js/schema.js';
import { applyChanges, expandRemoval } from '../../main/resources/webroot/js/model.js';
import { revertChanges } from '../../main/resources/webroot/js/undo.js';
import { DESCRIBED_SCHEMA, note, stateOf } from './fixtures.js';

const schema = new Schema(DESCRIBED_SCHEMA);

/** An undo entry as UndoManager records it for the removal of `ids` from `state`. */
function removalEntry(state, ids) {
  const entry = new Map();
  for (const id of expandRemoval(state, ids, schema)) {
    entry.set(id, { id, before: { ...state.get(id) }, after: null, keys: new Set(), whole: true });
  }
  return entry;
}

test('[W2] undoing a removal puts the note back with its comments and connectors, each after what it refers to', () => {
  const state = stateOf(
    { id: 'board', type: 'board' },
    note('n1'),
    note('n2'),
    { id: 'c1', type: 'connector', order: 'b', from: 'n1', to: 'n2' },
    { id: 'k1', type: 'comment', order: 'c', x: 1, y: 1, text: 'why?', target: 'n1' },
  );
  const entry = removalEntry(state, ['n1']);
  const after = new Map(state);
  applyChanges(after, [...entry.keys()].map((id) => ({ op: 'remove', id })));
  const changes = revertChanges(entry, after, schema);
  const puts = changes.filter((c) => c.op === 'put').map((c) => c.record.id);
  assert.deepEqual(new Set(puts), new Set(['n1', 'c1', 'k1']));
  assert.ok(puts.indexOf('n1') < puts.indexOf('c1') && puts.indexOf('n1') < puts.indexOf('k1'));
});

test('[W2] a connector whose other end is gone meanwhile is not put back; a frame that is gone is dropped as parent', () => {
  const state = stateOf(
    { id: 'board', type: 'board' },
    { id: 'f1', type: 'frame', order: 'a', x: 0, y: 0, w: 100, h: 100 },
    note('n1', { parent: 'f1' }),
    note('n2'),
    { id: 'c1', type: 'connector', order: 'b', from: 'n1', to: 'n2' },
  );
  const entry = removalEntry(state, ['n1']);
  const now = new Map(state);
  applyChanges(now, [{ op: 'remove', id: 'n1' }, { op: 'remove', id: 'c1' }, { op: 'remove', id: 'n2' }, { op: 'remove', id: 'f1' }]);
  const changes = revertChanges(entry, now, schema);
  assert.deepEqual(changes.map((c) => c.record.id), ['n1']);
  assert.equal(changes[0].record.parent, undefined);
});
