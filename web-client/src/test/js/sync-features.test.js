import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SyncClient } from '../../main/resources/webroot/js/sync.js';
import { DESCRIBED_SCHEMA } from './fixtures.js';

const welcome = (extra = {}) => ({
  t: 'welcome', protocol: 1, you: { id: 'u1', name: 'Ana', clientId: 'x' }, role: 'commenter',
  allowed: ['JOIN_BOARD', 'PUSH_COMMENT'], seq: 0, applied: 0, snapshot: { seq: 0, records: [] }, schema: DESCRIBED_SCHEMA, ...extra,
});

test('features get their own message types, their part of welcome and batch frames, and hear when the link drops', () => {
  const sync = new SyncClient({ board: 'b1' });
  const seen = [];
  sync.use({
    messages: { 'session.timer': (m) => seen.push(['timer', m.endsAt]) },
    welcome: (m) => seen.push(['welcome', m.presence.length]),
    batch: (m) => seen.push(['batch', m.presence?.length ?? 0]),
    down: () => seen.push(['down']),
  });
  sync.handle(welcome({ presence: [{ clientId: 'p' }] }));
  sync.handle({ t: 'batch', ops: [], presence: [{ clientId: 'p' }, { clientId: 'q' }] });
  sync.handle({ t: 'session.timer', endsAt: 42 });
  sync.handle({ t: 'some.future.type' });
  sync.onDown();
  assert.deepEqual(seen, [['welcome', 1], ['batch', 2], ['timer', 42], ['down']]);
});

test('a feature cannot take a core message type or one another feature has', () => {
  const sync = new SyncClient({ board: 'b1' });
  assert.throws(() => sync.use({ messages: { batch: () => {} } }), /taken/);
  sync.use({ messages: { 'x.y': () => {} } });
  assert.throws(() => sync.use({ messages: { 'x.y': () => {} } }), /taken/);
});

test('[W5] the welcome brings the schema and the allowed actions; a role frame replaces them', () => {
  const sync = new SyncClient({ board: 'b1' });
  const roles = [];
  sync.on('role', (r) => roles.push([r.role, [...r.allowed].sort()]));
  sync.handle(welcome());
  assert.equal(sync.schema.type('comment').action, 'PUSH_COMMENT');
  sync.handle({ t: 'role', role: 'editor', allowed: ['JOIN_BOARD', 'PUSH_COMMENT', 'PUSH_EDIT'] });
  assert.deepEqual(roles, [['commenter', ['JOIN_BOARD', 'PUSH_COMMENT']], ['editor', ['JOIN_BOARD', 'PUSH_COMMENT', 'PUSH_EDIT']]]);
});

test('errors without id answering a feature\'s frame go to the features, not to the user', () => {
  const sync = new SyncClient({ board: 'b1' });
  sync.connection.link = { send: () => true, close() {} };
  const heard = [];
  const errors = [];
  sync.use({ frameError: (e) => heard.push(e) });
  sync.on('error', (e) => errors.push(e.code));
  sync.handle(welcome());
  sync.handle({ t: 'error', code: 'ERR_UNKNOWN_TYPE', message: 'presence' });
  sync.handle({ t: 'error', code: 'ERR_MALFORMED' });
  sync.handle({ t: 'error', code: 'ERR_FORBIDDEN', message: 'no' });
  assert.deepEqual(heard, [{ code: 'ERR_UNKNOWN_TYPE', message: 'presence' }, { code: 'ERR_MALFORMED', message: undefined }]);
  assert.deepEqual(errors, ['ERR_FORBIDDEN']);
});

test('features hear every pong, and may claim errors answering their own requests (not a push\'s)', () => {
  const sync = new SyncClient({ board: 'b1' });
  sync.connection.link = { send: () => true, close() {} };
  const pongs = [];
  const claimed = [];
  const errors = [];
  sync.use({ pong: (m) => pongs.push(m.id), requestError: (m) => m.id.startsWith('s') && claimed.push(m.code) > 0 });
  sync.on('error', (e) => errors.push(e.code));
  sync.handle(welcome());
  sync.handle({ t: 'pong', id: 'p1', at: 5 });
  sync.handle({ t: 'error', id: 's1', code: 'ERR_VOTE_LIMIT' });
  sync.handle({ t: 'error', id: 'other', code: 'ERR_FORBIDDEN' });
  assert.deepEqual(pongs, ['p1']);
  assert.deepEqual(claimed, ['ERR_VOTE_LIMIT']);
  assert.deepEqual(errors, ['ERR_FORBIDDEN']);
});
