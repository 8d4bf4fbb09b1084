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

// Merging text (SPEC T1, W2): undo removes exactly my words, carried past what others typed since.
import { SyncClient } from '../../main/resources/webroot/js/sync.js';
import { UndoManager } from '../../main/resources/webroot/js/undo.js';

const MERGING = structuredClone(DESCRIBED_SCHEMA);
MERGING.types.note.props.text.merges = true;

function typingSetup(text) {
  const sync = new SyncClient({ board: 'b1' });
  sync.handle({ t: 'welcome', seq: 1, applied: 0, snapshot: { seq: 1, records: [{ id: 'board', type: 'board' }, note('n1', { text })] },
    schema: MERGING, role: 'editor', allowed: ['JOIN_BOARD', 'PUSH_EDIT'] });
  const undo = new UndoManager(sync);
  let seq = 1;
  const remote = (changes) => sync.handle({ t: 'batch', ops: [{ seq: ++seq, clientId: 'c_other', clientSeq: seq, changes }] });
  const typeKeys = (at, keys) => {
    undo.begin();
    [...keys].forEach((k, i) => undo.perform([{ op: 'splice', id: 'n1', prop: 'text', at: at + i, delete: 0, insert: k }]));
    undo.end();
  };
  return { sync, undo, remote, typeKeys, text: () => sync.view.get('n1').text };
}

test('[W2] undoing my typing keeps the words someone typed inside and around it since', () => {
  const { undo, remote, typeKeys, text } = typingSetup('Open data');
  typeKeys(4, ' shared');
  assert.equal(text(), 'Open shared data');
  // Bruno (not having seen my words) adds "!" at the end and "Big " at the start, in two ops.
  remote([{ op: 'splice', id: 'n1', prop: 'text', at: 9, delete: 0, insert: '!' }]);
  remote([{ op: 'splice', id: 'n1', prop: 'text', at: 0, delete: 0, insert: 'Big ' }]);
  assert.equal(text(), 'Big Open shared data!');
  undo.undo();
  assert.equal(text(), 'Big Open data!', 'only my words went');
  undo.redo();
  assert.equal(text(), 'Big Open shared data!');
});

test('[W2] what someone typed in the middle of my words survives my undo', () => {
  const { sync, undo, typeKeys, text } = typingSetup('ab');
  typeKeys(1, 'XYZ');
  assert.equal(text(), 'aXYZb');
  // The server has sequenced my push (positions as I sent them), then Bruno typed between my Y and Z.
  const mine = sync.pending[0];
  sync.handle({ t: 'batch', ops: [{ seq: 2, clientId: sync.clientId, clientSeq: mine.clientSeq, changes: mine.changes }] });
  sync.handle({ t: 'batch', ops: [{ seq: 3, clientId: 'c_other', clientSeq: 1, changes: [{ op: 'splice', id: 'n1', prop: 'text', at: 3, delete: 0, insert: '-' }] }] });
  assert.equal(text(), 'aXY-Zb');
  undo.undo();
  assert.equal(text(), 'a-b');
});

test('[W2] a text replaced whole by someone else since is not undone (and undo goes to my earlier action)', () => {
  const { undo, typeKeys, text, sync } = typingSetup('v1');
  undo.perform([{ op: 'patch', id: 'n1', props: { x: 5 } }]);
  typeKeys(2, '+');
  const ops = sync.pending.map((p, i) => ({ seq: 2 + i, clientId: sync.clientId, clientSeq: p.clientSeq, changes: p.changes }));
  sync.handle({ t: 'batch', ops });
  sync.handle({ t: 'batch', ops: [{ seq: 2 + ops.length, clientId: 'c_other', clientSeq: 1,
    changes: [{ op: 'patch', id: 'n1', props: { text: 'replaced' } }] }] });
  undo.undo();
  assert.equal(text(), 'replaced');
  assert.equal(sync.view.get('n1').x, 0, 'the move was undone instead');
});
