import { test } from 'node:test';
import assert from 'node:assert/strict';

globalThis.location ??= { search: '' };
globalThis.navigator ??= { languages: ['en'] };
globalThis.localStorage ??= { getItem: () => null, setItem() {} };
const model = await import('../../main/resources/webroot/js/outline-model.js');
const { A11Y_STRINGS } = await import('../../main/resources/webroot/js/i18n-a11y.js');
const { focusAfterRemoval } = await import('../../main/resources/webroot/js/delete-selection.js');
const { readingOrder, readingSequence, buildOutline, connectorLabel, describeChanges, visibleRows, ChangeAnnouncer } = model;

const box = (id, x, y, extra = {}) => ({ id, type: 'note', x, y, w: 100, h: 80, ...extra });
const viewOf = (...records) => new Map(records.map((r) => [r.id, r]));
// A t() that shows the key and its params, so the tests do not depend on wording.
const t = (key, params = {}) => (Object.keys(params).length ? `${key}(${Object.values(params).join('|')})` : key);
const plural = (key, n) => `${n} ${key}`;

test('[W16] reading order: rows top to bottom, each row left to right; slightly lower boxes stay in the row', () => {
  const records = [box('c', 300, 10), box('a', 0, 0), box('d', 0, 200), box('b', 150, 30), box('e', 200, 190)];
  assert.deepEqual(readingOrder(records).map((r) => r.id), ['a', 'b', 'c', 'd', 'e']);
});

test('[W16] reading order is stable for equal positions and does not change its input', () => {
  const records = [box('b', 0, 0), box('a', 0, 0)];
  assert.deepEqual(readingOrder(records).map((r) => r.id), ['a', 'b']);
  assert.deepEqual(records.map((r) => r.id), ['b', 'a']);
});

test('[W16] reading sequence: frames first, each followed by its records in reading order, then loose records', () => {
  const frame = { id: 'f', type: 'frame', x: 0, y: 500, w: 600, h: 400, title: 'Ideas' };
  const records = [box('loose', 0, 0), frame, box('in2', 300, 550, { parent: 'f' }), box('in1', 20, 560, { parent: 'f' }),
    { id: 'k', type: 'connector', from: 'in1', to: 'in2' }, { id: 'board', type: 'board' }, box('orphan', 50, 50, { parent: 'gone' })];
  assert.deepEqual(readingSequence(records).map((r) => r.id), ['f', 'in1', 'in2', 'loose', 'orphan']);
});

test('[W16] connector labels name both ends by their text; a label is added; a missing end is said', () => {
  const view = viewOf(box('a', 0, 0, { text: 'Shared  catalogue\n' }), box('b', 200, 0, { text: '' }),
    { id: 'f', type: 'frame', x: 0, y: 0, w: 1, h: 1, title: 'Plan' });
  assert.equal(connectorLabel({ from: 'a', to: 'b' }, view, t), 'Shared catalogue → typeNote');
  assert.equal(connectorLabel({ from: 'f', to: 'a', label: 'feeds' }, view, t), 'Plan → Shared catalogue (feeds)');
  assert.equal(connectorLabel({ from: 'a', to: 'zz' }, view, t), 'Shared catalogue → a11yMissing');
});

test('[W16] the outline: frames with their records, loose records, connections, comments and the vote', () => {
  const view = viewOf({ id: 'f', type: 'frame', x: 0, y: 0, w: 800, h: 400, title: 'Now' },
    box('n1', 300, 40, { parent: 'f', text: 'Second' }), box('n2', 20, 50, { parent: 'f', text: 'First', locked: true }),
    box('n3', 0, 600, { text: 'Later' }), { id: 'c1', type: 'connector', from: 'n2', to: 'n3' },
    { id: 'c2', type: 'connector', from: 'n1', to: 'gone' }, { id: 'board', type: 'board', title: 'B' });
  const threads = [{ id: 'th', kind: 'question', state: 'open', anchor: { kind: 'record', record: 'n3' },
    comments: [{ body: 'Why?' }, { body: 'x', removed: true }] }];
  const items = buildOutline({ view, threads, vote: { id: 'v', state: 'open', dots: 3 }, t, plural });
  assert.deepEqual(items.map((i) => i.key), ['f', 'n3', 'group:connectors', 'group:threads', 'vote:v']);
  assert.deepEqual(items[0].children.map((i) => i.id), ['n2', 'n1']);
  assert.equal(items[0].label, 'a11yItemLabel(typeFrame|Now) (2 a11yItemCount)');
  assert.equal(items[0].children[0].label, 'a11yItemLabel(typeNote|First) (1 a11yLinkCount, a11yLocked)');
  assert.equal(items[1].label, 'a11yItemLabel(typeNote|Later) (1 a11yLinkCount, 1 threadCount)');
  assert.deepEqual(items[2].children.map((i) => [i.id, i.label]), [['c1', 'First → Later']], 'a dangling connector is left out');
  assert.equal(items[3].children[0].label, 'kind.question a11yOn(Later), 1 commentCount, threadOpen: Why?');
  assert.equal(items[4].label, 'a11yVoteOpen(3 a11yDotCount)');
});

test('[W16] visible rows: levels, positions in set, collapsed items hide their children', () => {
  const items = [{ key: 'f', children: [{ key: 'a', children: [] }, { key: 'b', children: [] }] }, { key: 'c', children: [] }];
  assert.deepEqual(visibleRows(items).map((r) => [r.item.key, r.level, r.pos, r.size]),
    [['f', 1, 1, 2], ['a', 2, 1, 2], ['b', 2, 2, 2], ['c', 1, 2, 2]]);
  assert.deepEqual(visibleRows(items, new Set(['f'])).map((r) => r.item.key), ['f', 'c']);
});

test('[W16] changes are described as added, moved, edited, deleted by record type', () => {
  const types = new Map([['a', 'note'], ['b', 'frame'], ['c', 'note']]);
  const changes = [{ op: 'put', record: { id: 'n', type: 'note' } }, { op: 'patch', id: 'a', props: { x: 1, y: 2 } },
    { op: 'patch', id: 'b', props: { title: 'T' } }, { op: 'remove', id: 'c' }, { op: 'splice', id: 'a', prop: 'text' },
    { op: 'patch', id: 'board', props: { title: 'x' } }, { op: 'remove', id: 'unknown' }];
  assert.deepEqual(describeChanges(changes, types).map((c) => `${c.verb} ${c.type} ${c.id}`),
    ['added note n', 'moved note a', 'edited frame b', 'deleted note c', 'edited note a']);
});

test('[W16] announcements are summarised per person and throttled to one every 2 s', () => {
  let clock = 0;
  const timers = [];
  const said = [];
  const announcer = new ChangeAnnouncer({ say: (m) => said.push(m), t, plural, now: () => clock,
    setTimer: (fn, ms) => timers.push({ fn, at: clock + ms }) });
  const run = () => {
    const due = timers.filter((x) => x.at <= clock);
    for (const x of due) timers.splice(timers.indexOf(x), 1), x.fn();
  };
  announcer.add('Ana', [{ verb: 'added', type: 'note', id: '1' }]);
  announcer.add('Ana', [{ verb: 'added', type: 'note', id: '2' }, { verb: 'added', type: 'frame', id: 'f' }]);
  announcer.add('Bo', [{ verb: 'moved', type: 'note', id: '1' }, { verb: 'moved', type: 'note', id: '1' }]);
  assert.equal(timers.length, 1, 'one timer for many changes');
  run();
  assert.deepEqual(said, ['a11yPersonDid(Ana|a11yVerb.added(2 a11yThing.note, 1 a11yThing.frame)); a11yPersonDid(Bo|a11yVerb.moved(1 a11yThing.note))']);
  clock = 500;
  announcer.add('Bo', [{ verb: 'deleted', type: 'note', id: '3' }]);
  assert.equal(timers[0].at, 2000, 'the next message waits until 2 s after the last');
  clock = 1999;
  run();
  assert.equal(said.length, 1);
  clock = 2000;
  run();
  assert.equal(said[1], 'a11yPersonDid(Bo|a11yVerb.deleted(1 a11yThing.note))');
  announcer.add('Ana', []);
  assert.equal(timers.length, 0, 'nothing to say, no timer');
});

test('[W16] after a removal the focus goes to the next record in reading order, else the one before', () => {
  const seq = ['a', 'b', 'c', 'd'].map((id) => ({ id }));
  assert.equal(focusAfterRemoval(seq, new Set(['b'])), 'c');
  assert.equal(focusAfterRemoval(seq, new Set(['b', 'c'])), 'd');
  assert.equal(focusAfterRemoval(seq, new Set(['d'])), 'c');
  assert.equal(focusAfterRemoval(seq, new Set(['a', 'b', 'c', 'd'])), null);
  assert.equal(focusAfterRemoval(seq, new Set()), null);
});

test('[W16] i18n-a11y: every key in every language (en, fr, de, es, et, pt) with the same placeholders', () => {
  const placeholders = (s) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort().join(',');
  assert.deepEqual(Object.keys(A11Y_STRINGS).sort(), ['de', 'en', 'es', 'et', 'fr', 'pt']);
  for (const [code, table] of Object.entries(A11Y_STRINGS)) {
    assert.deepEqual(Object.keys(table).sort(), Object.keys(A11Y_STRINGS.en).sort(), `${code} keys`);
    for (const [key, text] of Object.entries(table)) assert.equal(placeholders(text), placeholders(A11Y_STRINGS.en[key]), `${code}.${key}`);
  }
});
