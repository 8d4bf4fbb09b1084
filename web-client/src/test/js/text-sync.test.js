import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SyncClient, textKey } from '../../main/resources/webroot/js/sync.js';
import { applySplices, transform } from '../../main/resources/webroot/js/text-ops.js';
import { DESCRIBED_SCHEMA, note } from './fixtures.js';

const SCHEMA = structuredClone(DESCRIBED_SCHEMA);
SCHEMA.types.note.props.text.merges = true;

/**
 * A board server reduced to what SPEC T3–T6 say about text: it sequences pushes, transforms each
 * splice over the splices other clients sequenced after its base, and broadcasts canonical ops.
 */
class FakeServer {
  constructor(records) {
    this.records = new Map(records.map((r) => [r.id, { ...r }]));
    this.seq = 0;
    this.ops = [];
    this.applied = new Map();
    this.clients = new Map();
  }

  join(sync) {
    const inbox = [];
    this.clients.set(sync.clientId, inbox);
    sync.connection.link = { send: (m) => { this.receive(sync.clientId, m); return true; }, close() {} };
    sync.handle({
      t: 'welcome', protocol: 1, you: { id: 'u-' + sync.clientId, clientId: sync.clientId }, role: 'editor',
      allowed: ['JOIN_BOARD', 'PUSH_EDIT'], seq: this.seq, applied: this.applied.get(sync.clientId) || 0,
      snapshot: { seq: this.seq, records: [...this.records.values()].map((r) => ({ ...r })) }, schema: SCHEMA,
    });
    return inbox;
  }

  receive(clientId, message) {
    if (message.t !== 'push') return;
    if ((this.applied.get(clientId) || 0) >= message.clientSeq) {
      this.clients.get(clientId).push({ t: 'ack', id: message.id, duplicate: true });
      return;
    }
    const changes = [];
    const contexts = new Map();
    for (const c of message.changes) {
      const key = textKey(c.id, c.prop);
      if (!contexts.has(key)) {
        contexts.set(key, this.ops.filter((op) => op.seq > c.base && op.clientId !== clientId)
          .flatMap((op) => op.changes.filter((x) => x.op === 'splice' && x.id === c.id && x.prop === c.prop)));
      }
      const [mine, others] = transform([{ at: c.at, delete: c.delete, insert: c.insert }], contexts.get(key), false);
      contexts.set(key, others);
      const current = this.records.get(c.id)[c.prop] || '';
      let text = current;
      for (const s of mine) {
        const at = Math.min(s.at, text.length);
        const fitted = { at, delete: Math.min(s.delete, text.length - at), insert: s.insert };
        changes.push({ op: 'splice', id: c.id, prop: c.prop, ...fitted });
        text = applySplices(text, [fitted]);
      }
      this.records.set(c.id, { ...this.records.get(c.id), [c.prop]: text });
    }
    const op = { seq: ++this.seq, clientId, clientSeq: message.clientSeq, changes };
    this.ops.push(op);
    this.applied.set(clientId, message.clientSeq);
    for (const [id, inbox] of this.clients) {
      inbox.push({ t: 'batch', ops: [op] });
      if (id === clientId) inbox.push({ t: 'ack', id: message.id, seq: op.seq });
    }
  }
}

function newClient() {
  const sync = new SyncClient({ board: 'b1' });
  return sync;
}

const textOf = (sync) => sync.getView().get('n1').text;

/** Types at a random place of what the client sees. */
function typeAt(sync, rnd, marker) {
  const text = textOf(sync);
  const at = rnd(text.length + 1);
  sync.push([{ op: 'splice', id: 'n1', prop: 'text', at, delete: 0, insert: marker }]);
}

function random(seed) {
  let s = seed;
  return (n) => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s % n;
  };
}

test('[T4] a push of splices waits while an earlier push of the same text is in flight, then goes with the base it saw', () => {
  const server = new FakeServer([note('n1', { text: 'ab' })]);
  const sync = newClient();
  const inbox = server.join(sync);
  const sent = [];
  const link = sync.connection.link;
  sync.connection.link = { send: (m) => { sent.push(m); return link.send(m); }, close() {} };
  sync.push([{ op: 'splice', id: 'n1', prop: 'text', at: 2, delete: 0, insert: 'c' }]);
  sync.push([{ op: 'splice', id: 'n1', prop: 'text', at: 3, delete: 0, insert: 'd' }]);
  sync.push([{ op: 'splice', id: 'n1', prop: 'text', at: 4, delete: 0, insert: 'e' }]);
  assert.equal(sent.length, 1, 'one push in flight; the others wait');
  assert.equal(sync.pendingCount, 2, 'the waiting keystrokes fold into one push');
  assert.deepEqual(sync.pending[1].changes, [{ op: 'splice', id: 'n1', prop: 'text', at: 3, delete: 0, insert: 'de' }]);
  while (inbox.length) sync.handle(inbox.shift());
  assert.equal(sent.length, 2);
  assert.equal(sent[1].changes[0].base, 1, 'sent with the seq of the first push as its base');
  while (inbox.length) sync.handle(inbox.shift());
  assert.equal(sync.pendingCount, 0);
  assert.equal(server.records.get('n1').text, 'abcde');
});

test('[W1][T3] pending splices are rebased over others\' splices; the change event says how the view text moved', () => {
  const server = new FakeServer([note('n1', { text: 'hello world' })]);
  const ana = newClient();
  const bruno = newClient();
  const anaInbox = server.join(ana);
  server.join(bruno);
  const seen = [];
  ana.on('change', (e) => { if (e.remote) seen.push(e.text?.get(textKey('n1', 'text'))); });
  ana.connection.link = { send: () => true, close() {} }; // Ana's push is lost in flight for now
  ana.push([{ op: 'splice', id: 'n1', prop: 'text', at: 11, delete: 0, insert: '!' }]);
  bruno.push([{ op: 'splice', id: 'n1', prop: 'text', at: 0, delete: 0, insert: 'Oh, ' }]);
  while (anaInbox.length) ana.handle(anaInbox.shift());
  assert.equal(textOf(ana), 'Oh, hello world!');
  assert.deepEqual(ana.pending[0].changes[0], { op: 'splice', id: 'n1', prop: 'text', at: 15, delete: 0, insert: '!' });
  assert.deepEqual(seen.at(-1), [{ at: 0, delete: 0, insert: 'Oh, ' }]);
});

for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
  test(`[T3] three clients typing with random delivery converge and keep every character (seed ${seed})`, () => {
    const rnd = random(seed);
    const server = new FakeServer([note('n1', { text: 'start' })]);
    const clients = [newClient(), newClient(), newClient()];
    const inboxes = clients.map((c) => server.join(c));
    const typed = [];
    const deleted = new Set();
    const owner = new Map();
    let code = 0x4e00;
    for (let step = 0; step < 400; step++) {
      const i = rnd(clients.length);
      const roll = rnd(6);
      if (roll < 2) {
        const marker = String.fromCharCode(code++);
        typed.push(marker);
        owner.set(marker, i);
        typeAt(clients[i], rnd, marker);
      } else if (roll === 2) { // delete one of my own markers that I see
        const text = textOf(clients[i]);
        const mine = typed.filter((m) => owner.get(m) === i && !deleted.has(m) && text.includes(m));
        if (mine.length) {
          const m = mine[rnd(mine.length)];
          deleted.add(m);
          clients[i].push([{ op: 'splice', id: 'n1', prop: 'text', at: text.indexOf(m), delete: 1, insert: '' }]);
        }
      } else {
        for (let n = rnd(3); n >= 0 && inboxes[i].length; n--) clients[i].handle(inboxes[i].shift());
      }
    }
    for (let round = 0; round < 5; round++) {
      clients.forEach((c, i) => { while (inboxes[i].length) c.handle(inboxes[i].shift()); });
    }
    const final = server.records.get('n1').text;
    for (const c of clients) {
      assert.equal(c.pendingCount, 0);
      assert.equal(textOf(c), final);
    }
    for (const m of typed) assert.equal(final.split(m).length - 1, deleted.has(m) ? 0 : 1, `${m} in ${final}`);
    assert.equal([...final].filter((ch) => !typed.includes(ch)).join(''), 'start');
  });
}

test('[W7] restored pushes keep their clientSeq and base, and new ones start above them', () => {
  const restored = {
    clientId: 'c_restored123', nextClientSeq: 5,
    pending: [{ clientSeq: 4, changes: [{ op: 'splice', id: 'n1', prop: 'text', at: 2, delete: 0, insert: 'X' }], base: 3 }],
  };
  const saved = [];
  const sync = new SyncClient({ board: 'b1', restored, store: { save: (s) => saved.push(s) } });
  assert.equal(sync.clientId, 'c_restored123');
  assert.equal(sync.pendingCount, 1);
  const sent = [];
  sync.connection.link = { send: (m) => { sent.push(m); return true; }, close() {} };
  sync.handle({ t: 'welcome', seq: 9, applied: 0, snapshot: { seq: 9, records: [note('n1', { text: 'ab' })] }, schema: SCHEMA });
  assert.equal(sent[0].clientSeq, 4);
  assert.equal(sent[0].changes[0].base, 3, 'the base it was written against, not the snapshot');
  sync.push([{ op: 'patch', id: 'n1', props: { x: 1 } }]);
  assert.ok(sync.pending[1].clientSeq > 5, 'new pushes never reuse a clientSeq that may have been sent');
  assert.equal(saved.at(-1).pending.length, 2);
  assert.equal(saved.at(-1).pending[0].base, 3);
});

test('[W7] pending pushes are kept again only when what is kept changes', () => {
  const saved = [];
  const sync = new SyncClient({ board: 'b1', store: { save: (s) => saved.push(s) } });
  sync.connection.link = { send: () => true, close() {} };
  sync.handle({ t: 'welcome', seq: 1, applied: 0, snapshot: { seq: 1, records: [note('n1', { text: 'ab' }), note('n2')] }, schema: SCHEMA });
  assert.equal(saved.length, 0, 'nothing pending, nothing changed');
  sync.push([{ op: 'patch', id: 'n1', props: { x: 1 } }]);
  assert.equal(saved.length, 1);
  const other = (seq, changes) => sync.handle({ t: 'batch', ops: [{ seq, clientId: 'c_other', clientSeq: seq, changes }] });
  other(2, [{ op: 'patch', id: 'n2', props: { y: 2 } }]);
  assert.equal(saved.length, 1, 'another client\'s op leaves the pending pushes as they were');
  sync.handle({ t: 'batch', ops: [{ seq: 3, clientId: sync.clientId, clientSeq: sync.pending[0].clientSeq, changes: [] }] });
  assert.equal(saved.length, 2);
  assert.deepEqual(saved.at(-1).pending, [], 'sequenced: kept no more');
  sync.push([{ op: 'splice', id: 'n1', prop: 'text', at: 2, delete: 0, insert: 'c' }]);
  assert.equal(saved.at(-1).pending[0].base, 3);
  other(4, [{ op: 'patch', id: 'n2', props: { y: 3 } }]);
  assert.equal(saved.at(-1).pending[0].base, 4, 'a splice without a base of its own is kept with the last seq applied');
});

import { TextSession } from '../../main/resources/webroot/js/text-session.js';

/** Just what TextSession touches of a textarea. */
function fakeField(value) {
  return {
    value, selectionStart: value.length, selectionEnd: value.length, listeners: {},
    setSelectionRange(a, b) { this.selectionStart = a; this.selectionEnd = b; },
    addEventListener(type, fn) { this.listeners[type] = fn; },
    removeEventListener(type) { delete this.listeners[type]; },
    type(text) { // the browser inserts at the caret
      const v = this.value;
      this.value = v.slice(0, this.selectionStart) + text + v.slice(this.selectionEnd);
      this.selectionStart = this.selectionEnd = this.selectionStart + text.length;
    },
  };
}

test('[T1] the editor sends typing as splices and takes others\' splices into the field, caret carried along', () => {
  const server = new FakeServer([note('n1', { text: 'hello world' })]);
  const ana = newClient();
  const bruno = newClient();
  const anaInbox = server.join(ana);
  const brunoInbox = server.join(bruno);
  const field = fakeField('hello world');
  field.setSelectionRange(5, 5); // after "hello"
  const session = new TextSession({ sync: ana, undo: { perform: (c) => ana.push(c) }, field, id: 'n1', prop: 'text' });
  field.type(',');
  session.onInput();
  assert.deepEqual(ana.pending.at(-1).changes, [{ op: 'splice', id: 'n1', prop: 'text', at: 5, delete: 0, insert: ',' }]);
  bruno.push([{ op: 'splice', id: 'n1', prop: 'text', at: 0, delete: 0, insert: 'Oh, ' }]);
  while (anaInbox.length) ana.handle(anaInbox.shift());
  assert.equal(field.value, 'Oh, hello, world');
  assert.equal(field.selectionStart, 10, 'the caret stays after the comma');
  field.listeners.compositionstart();
  field.type('é');
  while (brunoInbox.length) bruno.handle(brunoInbox.shift());
  assert.equal(textOf(bruno), 'Oh, hello, world');
  bruno.push([{ op: 'splice', id: 'n1', prop: 'text', at: 16, delete: 0, insert: '!' }]);
  while (anaInbox.length) ana.handle(anaInbox.shift());
  assert.equal(field.value, 'Oh, hello,é world', 'nothing touches the field while composing');
  field.listeners.compositionend();
  while (anaInbox.length) ana.handle(anaInbox.shift());
  assert.equal(field.value, 'Oh, hello,é world!');
  assert.equal(server.records.get('n1').text, 'Oh, hello,é world!');
  session.close();
});
