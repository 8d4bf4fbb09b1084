import { test } from 'node:test';
import assert from 'node:assert/strict';

globalThis.location ??= { search: '' };
globalThis.navigator ??= { languages: ['en'] };
globalThis.localStorage ??= { getItem: () => null, setItem() {} };

const { SyncClient } = await import('../../main/resources/webroot/js/sync.js');
const { DESCRIBED_SCHEMA } = await import('./fixtures.js');
const { applyThreadFrame, commentCount, pinPoint, toScreen, isOrphaned, filterThreads, authorsOf, threadRights,
  reactionState, mentionsPerson, lastActivity } = await import('../../main/resources/webroot/js/thread-model.js');
const { linkify, isHttpUrl, mentionQuery, filterMentions, insertMention, mentionsToSend, peopleCandidates, reasonKey,
  pluralKey, formatWhen, excerpt } = await import('../../main/resources/webroot/js/thread-text.js');
const { ThreadsClient, threadErrorKey } = await import('../../main/resources/webroot/js/features/threads.js');
const { stringTables, LANGUAGES } = await import('../../main/resources/webroot/js/i18n.js');

const comment = (id, author, extra = {}) => ({ id, author: { id: author, name: author.toUpperCase(), badge: 'guest' },
  body: `text ${id}`, createdAt: 1000, editedAt: null, removed: null, mentions: [], reactions: {}, ...extra });
const thread = (id, extra = {}) => ({ id, version: 1, anchor: { kind: 'point', x: 10, y: 20 }, kind: 'question', state: 'open',
  orphaned: false, createdAt: 1000, createdBy: { id: 'u1', name: 'Ana' }, comments: [comment('m1', 'u1')], ...extra });

// State from frames

test('welcome.threads sets every thread; a thread frame replaces one by id; an older version is ignored', () => {
  let state = applyThreadFrame(new Map(), { t: 'welcome', threads: [thread('t1'), { _id: 't2', comments: [] }, { nonsense: true }] });
  assert.deepEqual([...state.keys()], ['t1', 't2']);
  const before = state;
  state = applyThreadFrame(state, { t: 'thread', thread: thread('t1', { version: 2, state: 'resolved' }) });
  assert.notEqual(state, before, 'a new map: listeners compare identity');
  assert.equal(before.get('t1').state, 'open', 'the old state is untouched');
  assert.equal(state.get('t1').state, 'resolved');
  assert.equal(applyThreadFrame(state, { t: 'thread', thread: thread('t1', { version: 1 }) }), state);
  state = applyThreadFrame(state, { t: 'thread', thread: thread('t3') });
  assert.equal(state.size, 3);
  assert.equal(applyThreadFrame(state, { t: 'thread', thread: null }), state);
  assert.equal(applyThreadFrame(state, { t: 'other' }), state);
  assert.equal(applyThreadFrame(state, { t: 'welcome' }).size, 0, 'a welcome without threads has none');
  assert.deepEqual([...applyThreadFrame(state, { t: 'threads', threads: [thread('t9')] }).keys()], ['t9'], 'threads: all again');
});

test('the count badge counts comments that are not removed; activity is the latest comment, edit or resolve', () => {
  const t = thread('t1', { comments: [comment('m1', 'u1'), comment('m2', 'u2', { removed: { by: { id: 'u1' }, at: 5 }, createdAt: 3000 }),
    comment('m3', 'u2', { editedAt: 9000 })], resolvedAt: 4000 });
  assert.equal(commentCount(t), 2);
  assert.equal(lastActivity(t), 9000);
});

// Pins

test('a record pin is at the record\'s top right corner and follows it; a region\'s at its corner; a point\'s at the point', () => {
  const records = new Map([['n1', { id: 'n1', type: 'note', x: 100, y: 50, w: 200, h: 200 }],
    ['a', { id: 'a', x: 0, y: 0, w: 100, h: 100 }], ['b', { id: 'b', x: 200, y: 0, w: 100, h: 100 }],
    ['c1', { id: 'c1', type: 'connector', from: 'a', to: 'b' }]]);
  assert.deepEqual(pinPoint(thread('t', { anchor: { kind: 'record', record: 'n1' } }), records), { x: 300, y: 50 });
  records.set('n1', { ...records.get('n1'), x: 500 });
  assert.deepEqual(pinPoint(thread('t', { anchor: { kind: 'record', record: 'n1' } }), records), { x: 700, y: 50 }, 'computed from the box every time');
  assert.deepEqual(pinPoint(thread('t', { anchor: { kind: 'record', record: 'c1' } }), records), { x: 150, y: 50 });
  assert.deepEqual(pinPoint(thread('t', { anchor: { kind: 'region', x: 0, y: 10, w: 300, h: 200 } }), records), { x: 300, y: 10 });
  assert.deepEqual(pinPoint(thread('t'), records), { x: 10, y: 20 });
  assert.equal(pinPoint(thread('t', { anchor: { kind: 'record', record: 'gone' } }), records), null);
  assert.equal(pinPoint(thread('t', { orphaned: true, anchor: { kind: 'record', record: 'n1' } }), records), null);
  assert.equal(isOrphaned(thread('t', { anchor: { kind: 'record', record: 'gone' } }), records), true);
  assert.equal(isOrphaned(thread('t'), records), false);
});

test('a pin\'s screen point scales with the zoom but its size does not', () => {
  assert.deepEqual(toScreen({ x: 100, y: 50 }, { x: 10, y: 20, zoom: 0.5 }), { x: 60, y: 45 });
  assert.deepEqual(toScreen({ x: 100, y: 50 }, { x: 0, y: 0, zoom: 4 }), { x: 400, y: 200 });
});

// Filters

test('the comments list filters by state, kind, author, record and "mentions me", newest activity first', () => {
  const threads = [
    thread('t1', { createdAt: 1, comments: [comment('m1', 'u1', { createdAt: 1 })] }),
    thread('t2', { kind: 'reference', state: 'resolved', anchor: { kind: 'record', record: 'n1' }, createdAt: 5,
      comments: [comment('m1', 'u2', { createdAt: 5 }), comment('m2', 'u3', { mentions: [{ user: 'u9' }], createdAt: 6 })] }),
    thread('t3', { createdAt: 3, comments: [comment('m1', 'u2', { mentions: [{ group: 'advisory-board' }], createdAt: 3 })] }),
  ];
  const ids = (filter, who) => filterThreads(threads, filter, who).map((t) => t.id);
  assert.deepEqual(ids({}), ['t2', 't3', 't1']);
  assert.deepEqual(ids({ state: 'open' }), ['t3', 't1']);
  assert.deepEqual(ids({ state: 'resolved' }), ['t2']);
  assert.deepEqual(ids({ kind: 'reference' }), ['t2']);
  assert.deepEqual(ids({ author: 'u3' }), ['t2']);
  assert.deepEqual(ids({ record: 'n1' }), ['t2']);
  assert.deepEqual(ids({ mentionsMe: true }, { me: 'u9', role: 'editor' }), ['t2']);
  assert.deepEqual(ids({ mentionsMe: true }, { me: 'u8', role: 'commenter' }), ['t3'], 'through the advisory-board group');
  assert.deepEqual(ids({ mentionsMe: true }, { me: 'u8', role: 'viewer' }), []);
  assert.equal(mentionsPerson({ mentions: [{ group: 'facilitators' }] }, 'x', 'owner'), true);
  assert.deepEqual([...authorsOf(threads)].sort(), [['u1', 'U1'], ['u2', 'U2'], ['u3', 'U3']]);
});

test('rights: the creator and editors up resolve; authors edit their own; facilitators remove any', () => {
  const t = thread('t1', { comments: [comment('m1', 'u1'), comment('m2', 'u2')] });
  const expert = threadRights(t, { me: 'u2', role: 'commenter', canComment: true });
  assert.equal(expert.resolve, false);
  assert.equal(expert.edit(t.comments[1]), true);
  assert.equal(expert.edit(t.comments[0]), false);
  assert.equal(expert.remove(t.comments[0]), false);
  const facilitator = threadRights(t, { me: 'u5', role: 'facilitator', canComment: true });
  assert.equal(facilitator.remove(t.comments[0]), true);
  assert.equal(facilitator.edit(t.comments[0]), false);
  assert.equal(threadRights(t, { me: 'u1', role: 'commenter', canComment: true }).resolve, true, 'its creator');
  assert.equal(threadRights(t, { me: 'u7', role: 'editor', canComment: true }).resolve, true);
  assert.equal(threadRights(t, { me: 'u7', role: 'viewer', canComment: false }).reply, false);
  assert.equal(facilitator.remove({ ...t.comments[0], removed: { at: 1 } }), false, 'a tombstone stays');
  assert.deepEqual(reactionState({ reactions: { heart: ['u1', 'u2'] } }, 'heart', 'u2'), { count: 2, mine: true });
  assert.deepEqual(reactionState({ reactions: {} }, 'tada', 'u2'), { count: 0, mine: false });
});

// Mentions

test('the mention being typed is an @ at a word start up to the caret, without spaces', () => {
  assert.deepEqual(mentionQuery('Hi @An', 6), { start: 3, query: 'An' });
  assert.deepEqual(mentionQuery('@', 1), { start: 0, query: '' });
  assert.deepEqual(mentionQuery('(@ana', 5), { start: 1, query: 'ana' });
  assert.equal(mentionQuery('mail ana@example.org', 20), null, 'an e-mail address is no mention');
  assert.equal(mentionQuery('@Ana Tamm said', 14), null, 'past the space it is done');
  assert.deepEqual(mentionQuery('@Ana and @Bo later', 12), { start: 9, query: 'Bo' });
  assert.equal(mentionQuery('no mention', 10), null);
});

test('suggestions: a name starting with the query first, then a word of it, then anywhere; accents folded', () => {
  const people = [{ user: 'u1', label: 'Maria Tamm' }, { user: 'u2', label: 'Jüri Mägi' }, { user: 'u3', label: 'Tambet Kask' },
    { group: 'team', label: 'team' }, { user: 'u4', label: 'Ottam' }];
  const labels = (q, limit) => filterMentions(people, q, limit).map((c) => c.label);
  assert.deepEqual(labels('tam'), ['Tambet Kask', 'Maria Tamm', 'Ottam']);
  assert.deepEqual(labels('MAGI'), ['Jüri Mägi']);
  assert.deepEqual(labels('te'), ['team']);
  assert.deepEqual(labels('', 2), ['Maria Tamm', 'Jüri Mägi']);
  assert.deepEqual(labels('zz'), []);
});

test('choosing a mention replaces the query with @Name; only mentions the text still names are sent, once each', () => {
  const at = mentionQuery('Ask @ma now', 7);
  assert.deepEqual(insertMention('Ask @ma now', at, 'Maria Tamm'), { text: 'Ask @Maria Tamm  now', caret: 16 });
  const chosen = [{ user: 'u1', label: 'Maria Tamm' }, { group: 'advisory-board', label: 'advisory-board' },
    { user: 'u2', label: 'Jüri' }, { user: 'u1', label: 'Maria Tamm' }];
  assert.deepEqual(mentionsToSend('@Maria Tamm and @advisory-board, see this', chosen), [{ user: 'u1' }, { group: 'advisory-board' }]);
  const many = Array.from({ length: 25 }, (_, i) => ({ user: `u${i}`, label: `P${i}` }));
  assert.equal(mentionsToSend(many.map((c) => `@${c.label}`).join(' '), many).length, 20);
  assert.deepEqual(peopleCandidates([{ user: { id: 'u2', name: 'Bo' }, role: 'editor' }, { user: { id: 'me', name: 'Me' }, role: 'owner' },
    { user: { id: 'u1', name: 'Ana' }, role: 'commenter' }, { user: { id: 'u1', name: 'Ana' }, role: 'commenter' }], 'me'),
  [{ user: 'u1', label: 'Ana', role: 'commenter' }, { user: 'u2', label: 'Bo', role: 'editor' }]);
});

// Safe links

test('only http and https URLs become links; trailing punctuation stays text', () => {
  assert.deepEqual(linkify('See https://ex.org/a?b=1. And http://x.ee/(y)!'), [
    { text: 'See ' }, { text: 'https://ex.org/a?b=1', href: 'https://ex.org/a?b=1' }, { text: '. And ' },
    { text: 'http://x.ee/(y)', href: 'http://x.ee/(y)' }, { text: '!' }]);
  assert.deepEqual(linkify('javascript:alert(1) and data:text/html,<b>x</b>'), [{ text: 'javascript:alert(1) and data:text/html,<b>x</b>' }]);
  assert.deepEqual(linkify('<img src=x onerror=alert(1)>'), [{ text: '<img src=x onerror=alert(1)>' }]);
  assert.deepEqual(linkify('(https://ex.org)'), [{ text: '(' }, { text: 'https://ex.org', href: 'https://ex.org' }, { text: ')' }]);
  assert.deepEqual(linkify(''), []);
  assert.equal(isHttpUrl('https://ex.org'), true);
  assert.equal(isHttpUrl('ftp://ex.org'), false);
  assert.equal(isHttpUrl('javascript:alert(1)'), false);
  assert.equal(isHttpUrl('https://'), false);
});

// Notifications, plurals, times

test('a notification\'s reason has words in every language; plural forms follow the language', () => {
  const tables = stringTables();
  for (const reason of ['mention', 'reply', 'your-record', 'something-new']) {
    for (const code of Object.keys(LANGUAGES)) assert.ok(tables[code][reasonKey(reason)], `${code} ${reason}`);
  }
  const has = (key) => key in tables.en;
  assert.equal(pluralKey('commentCount', 1, 'en', has), 'commentCount.one');
  assert.equal(pluralKey('commentCount', 3, 'en', has), 'commentCount.other');
  assert.equal(pluralKey('commentCount', 0, 'fr', has), 'commentCount.one', 'French: zero is singular');
  assert.equal(pluralKey('commentCount', 1000000, 'fr', has), 'commentCount.other', 'a form the table lacks falls back to other');
  for (const code of Object.keys(LANGUAGES)) {
    for (const base of ['commentCount', 'unreadCount', 'threadCount']) {
      assert.ok(tables[code][`${base}.one`] && tables[code][`${base}.other`], `${code} ${base}`);
    }
  }
});

test('times: relative within a week in the person\'s language, else a short date', () => {
  const now = Date.UTC(2026, 10, 30, 12);
  assert.equal(formatWhen(now - 10000, now, 'en'), 'now');
  assert.equal(formatWhen(now - 5 * 60000, now, 'en'), '5 minutes ago');
  assert.equal(formatWhen(now - 3 * 3600000, now, 'de'), 'vor 3 Stunden');
  assert.equal(formatWhen(now - 86400000, now, 'en'), 'yesterday');
  assert.match(formatWhen(Date.UTC(2026, 2, 3), now, 'en'), /Mar 3/);
  assert.match(formatWhen(Date.UTC(2024, 2, 3), now, 'fr'), /2024/);
  assert.equal(formatWhen(undefined, now, 'en'), '');
  assert.equal(excerpt('a\n\nb   c'), 'a b c');
  assert.equal(excerpt('x'.repeat(200), 10), `${'x'.repeat(9)}…`);
});

// The feature on the socket

const welcome = (extra = {}) => ({
  t: 'welcome', protocol: 1, you: { id: 'u1', name: 'Ana', clientId: 'x' }, role: 'commenter',
  allowed: ['JOIN_BOARD', 'PUSH_COMMENT'], seq: 0, applied: 0, snapshot: { seq: 0, records: [] },
  schema: DESCRIBED_SCHEMA, ...extra,
});

function wired() {
  const sync = new SyncClient({ board: 'b1' });
  const sent = [];
  sync.connection.link = { send: (m) => { sent.push(m); return true; }, close() {} };
  const timers = { setTimeout: () => 0, clearTimeout() {} };
  const client = new ThreadsClient({ sync, timers });
  const events = [];
  client.onChange((kind, detail) => events.push([kind, detail]));
  const errors = [];
  sync.on('error', (e) => errors.push(e.code));
  return { sync, sent, client, events, errors };
}

test('the feature takes welcome.threads and thread frames, and passes notifications on', () => {
  const { sync, client, events } = wired();
  sync.handle(welcome({ threads: [thread('t1')] }));
  assert.equal(client.get('t1').kind, 'question');
  sync.handle({ t: 'thread', thread: thread('t1', { version: 2, comments: [comment('m1', 'u1'), comment('m2', 'u2')] }) });
  assert.equal(commentCount(client.get('t1')), 2);
  sync.handle({ t: 'notification', notification: { id: 'n1', reason: 'mention' }, unread: 3 });
  assert.deepEqual(events.map(([kind]) => kind), ['threads', 'threads', 'notification']);
  assert.deepEqual(events[1][1], ['t1']);
  assert.equal(events[2][1].unread, 3);
});

test('thread requests carry ids; thread.ok resolves and an error rejects with its code, not a "change refused"', async () => {
  const { sync, sent, client, errors } = wired();
  sync.handle(welcome({ threads: [] }));
  const created = client.create({ anchor: { kind: 'record', record: 'n1' }, kind: 'question', body: 'Why?', mentions: [{ user: 'u2' }] });
  const reply = client.reply('t1', { body: 'x'.repeat(4001) });
  const [c, r] = sent.filter((m) => m.t.startsWith('thread.'));
  assert.deepEqual({ ...c, id: undefined }, { t: 'thread.create', anchor: { kind: 'record', record: 'n1' }, kind: 'question',
    body: 'Why?', mentions: [{ user: 'u2' }], id: undefined });
  assert.equal(r.link, undefined, 'no empty link or mentions');
  assert.equal(r.mentions, undefined);
  sync.handle({ t: 'error', id: r.id, code: 'ERR_TOO_LARGE', message: 'body over 4000 <b>' });
  sync.handle({ t: 'thread.ok', id: c.id, thread: 't9', comment: 'm1' });
  assert.equal((await created).thread, 't9');
  await assert.rejects(reply, (e) => e.code === 'ERR_TOO_LARGE');
  assert.deepEqual(errors, []);
  assert.equal(threadErrorKey({ code: 'ERR_TOO_LARGE' }), 'threadError.ERR_TOO_LARGE');
  assert.equal(threadErrorKey({ code: 'ERR_WEIRD' }), 'threadError.other');
  const tables = stringTables();
  for (const code of ['ERR_NOT_FOUND', 'ERR_FORBIDDEN', 'ERR_INVALID', 'ERR_TOO_LARGE', 'ERR_TOO_MANY_MENTIONS', 'ERR_THROTTLED',
    'ERR_UNAVAILABLE', 'ERR_DISCONNECTED', 'ERR_TIMEOUT', 'ERR_UNKNOWN_TYPE', 'ERR_WEIRD']) {
    for (const lang of Object.keys(LANGUAGES)) assert.ok(tables[lang][threadErrorKey({ code })], `${lang} ${code}`);
  }
  // The other requests' shapes.
  for (const [call, type] of [[() => client.edit('t1', 'm1', { body: 'b', link: 'https://x.org' }), 'thread.edit'],
    [() => client.remove('t1', 'm1'), 'thread.remove'], [() => client.resolve('t1', true), 'thread.resolve'],
    [() => client.react('t1', 'm1', 'heart', true), 'thread.react'], [() => client.move('t1', { kind: 'point', x: 1, y: 2 }), 'thread.move']]) {
    call().catch(() => {});
    assert.equal(sent.at(-1).t, type);
  }
  assert.equal(sent.at(-5).link, 'https://x.org');
  // The connection dropping fails what is still waiting.
  const waiting = client.resolve('t1', false);
  sync.onDown();
  await assert.rejects(waiting, (e) => e.code === 'ERR_DISCONNECTED');
});

// The bell's list

const { mergeNotifications, readAnswer, newestAt, backoff, mutedSets, notificationHref, normalizeNotification } =
  await import('../../main/resources/webroot/js/notification-list.js');

test('notifications merge newest first, each once; the long-poll asks after the newest', () => {
  let list = mergeNotifications([], [{ _id: 'n1', board: 'b', at: 10 }, { id: 'n2', board: 'b', at: 30 }, { id: 'bad' }]);
  assert.deepEqual(list.map((n) => n.id), ['n2', 'n1']);
  list = mergeNotifications(list, [{ id: 'n1', board: 'b', at: 10, read: true }, { id: 'n3', board: 'b', at: '1970-01-01T00:00:00.020Z' }]);
  assert.deepEqual(list.map((n) => n.id), ['n2', 'n3', 'n1']);
  assert.equal(list.find((n) => n.id === 'n1').read, true);
  assert.equal(newestAt(list), 30);
  assert.equal(newestAt([]), 0);
  assert.equal(newestAt([], 500), 500, 'none yet: since the page listens (after=0 answers at once)');
  assert.equal(newestAt(list, 5), 30);
  assert.equal(mergeNotifications([], Array.from({ length: 80 }, (_, i) => ({ id: `n${i}`, board: 'b', at: i }))).length, 50);
  assert.deepEqual(readAnswer({ notifications: [{ id: 'a' }], unread: 4 }), { items: [{ id: 'a' }], unread: 4 });
  assert.deepEqual(readAnswer([{ id: 'a' }]), { items: [{ id: 'a' }], unread: null });
  assert.deepEqual(readAnswer(null), { items: [], unread: null });
  assert.equal(normalizeNotification({ id: 'x' }), null, 'no board: nowhere to go');
});

test('polling backs off after failures, doubling up to a minute', () => {
  const mid = () => 0.5;
  assert.deepEqual([0, 1, 2, 3, 6, 10].map((n) => backoff(n, mid)), [0, 2000, 4000, 8000, 60000, 60000]);
  assert.ok(backoff(1, () => 0) >= 1600 && backoff(1, () => 1) <= 2400);
});

test('mutes read from either shape; a notification opens its board at its thread', () => {
  const a = mutedSets({ boards: ['b1'], threads: ['t1'] });
  assert.deepEqual([[...a.boards], [...a.threads]], [['b1'], ['t1']]);
  const server = mutedSets({ mutes: ['board:b1', 'thread:t:1', 'nonsense'] });
  assert.deepEqual([[...server.boards], [...server.threads]], [['b1'], ['t:1']]);
  const b = mutedSets([{ board: 'b2' }, { board: 'b2', thread: 't2' }, { thread: 't3' }]);
  assert.deepEqual([[...b.boards], [...b.threads]], [['b2'], ['t2', 't3']]);
  assert.equal(notificationHref({ board: 'b 1', thread: 't&2' }), 'board.html?b=b+1&thread=t%262');
});
