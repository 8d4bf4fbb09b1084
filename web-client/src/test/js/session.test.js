import { test } from 'node:test';
import assert from 'node:assert/strict';

globalThis.location ??= { search: '' };
globalThis.navigator ??= { languages: ['en'] };
globalThis.localStorage ??= { getItem: () => null, setItem() {} };

const { SyncClient } = await import('../../main/resources/webroot/js/sync.js');
const { DESCRIBED_SCHEMA } = await import('./fixtures.js');
const { ServerClock, sampleOffset, median, timerRemaining, formatCountdown, nextTick } =
  await import('../../main/resources/webroot/js/session-clock.js');
const { applySessionFrame, emptySessionState, normalizeMine, SessionClient, SessionError } =
  await import('../../main/resources/webroot/js/features/session.js');
const { PendingRequests } = await import('../../main/resources/webroot/js/features/requests.js');
const { remainingDots, castRefusal, visibleCounts, rankingRows, voteRecords, myDotsOn } =
  await import('../../main/resources/webroot/js/session-vote.js');
const { fromZonedInput, toZonedInput, formatSessionTime, panFor } = await import('../../main/resources/webroot/js/session-ui.js');

// Clock

test('a clock sample is the server time at the middle of the round trip, minus the local time', () => {
  assert.equal(sampleOffset(1000, 1100, 5050), 4000);
  assert.equal(sampleOffset(1000, 1000, 1000), 0);
});

test('the offset is the median of the last five samples, so one slow round trip does not move it', () => {
  assert.equal(median([]), 0);
  assert.equal(median([3, 1, 2]), 2);
  assert.equal(median([4, 1, 3, 2]), 2.5);
  const clock = new ServerClock();
  assert.equal(clock.offset, 0);
  assert.equal(clock.measured, false);
  for (const offset of [100, 102, 98, 101]) clock.add(0, 20, offset + 10);
  clock.add(0, 2000, 5000 + 1000); // a slow trip: offset 5000
  assert.equal(clock.offset, 101);
  // Only the last five count: the early ones drop out.
  for (const offset of [300, 300, 300]) clock.add(0, 20, offset + 10);
  assert.equal(clock.samples.length, 5);
  assert.equal(clock.offset, 300);
  assert.equal(clock.now(1000), 1300);
  // Nonsense is ignored.
  clock.add(50, 10, 0);
  clock.add(NaN, 10, 0);
  assert.equal(clock.samples.length, 5);
});

test('a timer counts down to endsAt on the server clock; paused shows what is left; idle shows nothing', () => {
  assert.equal(timerRemaining({ state: 'running', endsAt: 10000 }, 4000), 6000);
  assert.equal(timerRemaining({ state: 'running', endsAt: 10000 }, 12000), 0);
  assert.equal(timerRemaining({ state: 'paused', remainingMs: 42000, endsAt: 1 }, 999999), 42000);
  assert.equal(timerRemaining({ state: 'done' }, 1), 0);
  assert.equal(timerRemaining({ state: 'idle', durationMs: 5000 }, 1), null);
  assert.equal(timerRemaining(null, 1), null);
});

test('countdowns read m:ss (h:mm:ss from an hour), rounded up so 0:00 means over', () => {
  assert.equal(formatCountdown(0), '0:00');
  assert.equal(formatCountdown(1), '0:01');
  assert.equal(formatCountdown(999), '0:01');
  assert.equal(formatCountdown(1000), '0:01');
  assert.equal(formatCountdown(59001), '1:00');
  assert.equal(formatCountdown(5 * 60000), '5:00');
  assert.equal(formatCountdown(61 * 60000 + 5000), '1:01:05');
  assert.equal(formatCountdown(-5), '0:00');
  assert.equal(formatCountdown(null), '');
  assert.equal(nextTick(2500), 505);
  assert.equal(nextTick(3000), 1000);
  assert.equal(nextTick(null), 1000);
});

// Client state

const session = (extra = {}) => ({ _id: 's1', title: 'Retro', state: 'live', current: 0, phases: [{ id: 'p1', title: 'Ideas', minutes: 5 }],
  timers: { all: { state: 'idle' } }, privateMode: { on: false }, hands: [], ...extra });
const openVote = (extra = {}) => ({ id: 'v1', state: 'open', records: ['n1', 'n2', 'n3'], dots: 3, cap: 2, anonymous: false,
  liveCounts: false, chain: { count: 0, hash: '0'.repeat(64) }, ...extra });

test('the welcome brings the session and my ballot; session frames replace the session', () => {
  let state = applySessionFrame(emptySessionState(), { t: 'welcome', session: session({ vote: openVote() }),
    sessionMine: { vote: 'v1', dots: { n1: 2 }, left: 1 } });
  assert.equal(state.session.title, 'Retro');
  assert.deepEqual(state.mine, { vote: 'v1', dots: { n1: 2 }, left: 1 });
  assert.deepEqual(state.head, { vote: 'v1', count: 0, hash: '0'.repeat(64), counts: null });
  state = applySessionFrame(state, { t: 'session', session: session({ title: 'Retro 2', vote: openVote() }) });
  assert.equal(state.session.title, 'Retro 2');
  assert.equal(state.mine.vote, 'v1', 'my ballot in the same vote stays');
  state = applySessionFrame(state, { t: 'session', session: session({ vote: openVote({ id: 'v2' }) }) });
  assert.equal(state.mine, null, 'a ballot of an older vote is dropped');
  assert.equal(state.head.vote, 'v2');
  state = applySessionFrame(state, { t: 'welcome' });
  assert.deepEqual(state, emptySessionState());
});

test('session.mine replaces my ballot (either shape); the chain head moves with session frames, never backwards', () => {
  let state = applySessionFrame(emptySessionState(), { t: 'welcome', session: session({ vote: openVote() }) });
  state = applySessionFrame(state, { t: 'session.mine', vote: { vote: 'v1', dots: { n2: 1 }, left: 2 } });
  assert.deepEqual(state.mine, { vote: 'v1', dots: { n2: 1 }, left: 2 });
  state = applySessionFrame(state, { t: 'session.mine', vote: 'v1', dots: { n2: 1, n3: 1, n9: 0 }, left: 1 });
  assert.deepEqual(state.mine, { vote: 'v1', dots: { n2: 1, n3: 1 }, left: 1 });
  assert.equal(normalizeMine(null), null);
  state = applySessionFrame(state, { t: 'session', session: session({ vote: openVote({ chain: { count: 5, hash: 'ab' },
    counts: { n1: 3 } }) }) });
  assert.deepEqual(state.head, { vote: 'v1', count: 5, hash: 'ab', counts: { n1: 3 } });
  // A session frame with an older chain does not undo a newer head.
  state = applySessionFrame(state, { t: 'session', session: session({ vote: openVote({ chain: { count: 3, hash: 'c' } }) }) });
  assert.equal(state.head.count, 5);
});

test('the hidden count of private mode lasts while private mode is on', () => {
  let state = applySessionFrame(emptySessionState(), { t: 'welcome', session: session({ privateMode: { on: true, round: 1 } }) });
  state = applySessionFrame(state, { t: 'session.private', hidden: 7 });
  assert.equal(state.hidden, 7);
  state = applySessionFrame(state, { t: 'session', session: session({ privateMode: { on: true, round: 1 } }) });
  assert.equal(state.hidden, 7);
  state = applySessionFrame(state, { t: 'session', session: session({ privateMode: { on: true, round: 1 } }), hidden: 9 });
  assert.equal(state.hidden, 9, 'a session frame names the count too');
  state = applySessionFrame(state, { t: 'session', session: session({ privateMode: { on: false, round: 1 } }), hidden: 9 });
  assert.equal(state.hidden, 0);
  assert.equal(applySessionFrame(state, { t: 'session.cue', kind: 'timerZero' }), state);
});

// Votes

test('dots left: the vote\'s dots minus mine (or the server\'s count), none when no vote is open', () => {
  const vote = openVote();
  assert.equal(remainingDots(vote, null), 3);
  assert.equal(remainingDots(vote, { vote: 'v1', dots: { n1: 2 }, left: null }), 1);
  assert.equal(remainingDots(vote, { vote: 'v1', dots: { n1: 2 }, left: 0 }), 0);
  assert.equal(remainingDots(vote, { vote: 'v0', dots: { n1: 3 }, left: 0 }), 3, 'a ballot of another vote');
  assert.equal(remainingDots({ ...vote, state: 'closed' }, null), 0);
  assert.equal(remainingDots(null, null), 0);
  assert.equal(myDotsOn({ vote: 'v1', dots: { n1: 2 } }, vote, 'n1'), 2);
  assert.equal(myDotsOn({ vote: 'v1', dots: { n1: 2 } }, vote, 'n2'), 0);
});

test('a click casts only what the server would take: in the vote, dots left, under the cap, a dot to take back', () => {
  const vote = openVote();
  const mine = { vote: 'v1', dots: { n1: 2 }, left: 1 };
  assert.equal(castRefusal(vote, mine, 'n2', 1), null);
  assert.equal(castRefusal(vote, mine, 'n1', 1), 'capReached');
  assert.equal(castRefusal(vote, mine, 'x', 1), 'notInVote');
  assert.equal(castRefusal(vote, mine, 'n2', -1), 'noDot');
  assert.equal(castRefusal(vote, mine, 'n1', -1), null);
  assert.equal(castRefusal(vote, { ...mine, left: 0 }, 'n2', 1), 'noDotsLeft');
  assert.equal(castRefusal({ ...vote, cap: null }, { vote: 'v1', dots: { n1: 2 }, left: 1 }, 'n1', 1), null);
  assert.equal(castRefusal({ ...vote, state: 'closed' }, mine, 'n2', 1), 'closed');
});

test('a frame vote is on what the frame holds (not connectors)', () => {
  const view = new Map([
    ['f', { id: 'f', type: 'frame' }], ['a', { id: 'a', type: 'note', parent: 'f' }],
    ['c', { id: 'c', type: 'connector', parent: 'f' }], ['z', { id: 'z', type: 'note' }],
  ]);
  assert.deepEqual([...voteRecords({ id: 'v', frame: 'f', records: [] }, view)], ['a']);
  assert.deepEqual([...voteRecords({ id: 'v', frame: 'f', records: ['z'] }, view)], ['z']);
});

test('counts show at close, and while open only with live counts', () => {
  const closed = openVote({ state: 'closed', results: { ranking: [{ record: 'n2', count: 4 }, { record: 'n1', count: 1 }] } });
  assert.deepEqual([...visibleCounts(closed, null)], [['n2', 4], ['n1', 1]]);
  assert.equal(visibleCounts(openVote(), { vote: 'v1', counts: { n1: 1 } }), null);
  assert.deepEqual([...visibleCounts(openVote({ liveCounts: true }), { vote: 'v1', counts: { n1: 1 } })], [['n1', 1]]);
  assert.equal(visibleCounts(null, null), null);
});

test('the ranking: most dots first, ties share a place, no-dot records left out', () => {
  const vote = openVote({ state: 'closed', results: { ranking: [
    { record: 'a', count: 2 }, { record: 'b', count: 5 }, { record: 'c', count: 2 }, { record: 'd', count: 0 }, { record: 'e', count: 1 },
  ] } });
  const rows = rankingRows(vote, (id) => id.toUpperCase());
  assert.deepEqual(rows, [
    { place: 1, record: 'b', count: 5, label: 'B' },
    { place: 2, record: 'a', count: 2, label: 'A' },
    { place: 2, record: 'c', count: 2, label: 'C' },
    { place: 4, record: 'e', count: 1, label: 'E' },
  ]);
  assert.deepEqual(rankingRows(openVote(), String), []);
  assert.deepEqual(rankingRows(null, String), []);
});

// Requests

test('each request resolves on its session.ok, rejects on its error, times out, and fails when the link drops', async () => {
  const scheduled = [];
  const timers = { setTimeout: (fn) => { scheduled.push(fn); return scheduled.length; }, clearTimeout: (i) => { scheduled[i - 1] = null; } };
  const requests = new PendingRequests({ timers });
  const a = requests.newId();
  const b = requests.newId();
  const c = requests.newId();
  assert.notEqual(a, b);
  const pa = requests.wait(a);
  const pb = requests.wait(b);
  const pc = requests.wait(c);
  assert.equal(requests.resolve(b, { t: 'session.ok', id: b }), true);
  assert.deepEqual(await pb, { t: 'session.ok', id: b });
  assert.equal(requests.resolve(b, {}), false, 'answered once');
  requests.reject(a, new SessionError('ERR_VOTE_LIMIT', 'no dots left'));
  await assert.rejects(pa, (e) => e.code === 'ERR_VOTE_LIMIT' && e.message === 'no dots left');
  scheduled[2]();
  await assert.rejects(pc, (e) => e.code === 'ERR_TIMEOUT');
  const pd = requests.wait(requests.newId());
  requests.rejectAll('ERR_DISCONNECTED');
  await assert.rejects(pd, (e) => e.code === 'ERR_DISCONNECTED');
  assert.equal(requests.size, 0);
});

const welcome = (extra = {}) => ({
  t: 'welcome', protocol: 1, you: { id: 'u1', name: 'Ana', clientId: 'x' }, role: 'facilitator',
  allowed: ['JOIN_BOARD', 'PUSH_COMMENT', 'PUSH_EDIT'], seq: 0, applied: 0, snapshot: { seq: 0, records: [] },
  schema: DESCRIBED_SCHEMA, ...extra,
});

function wired() {
  const sync = new SyncClient({ board: 'b1' });
  const sent = [];
  sync.connection.link = { send: (m) => { sent.push(m); return true; }, close() {} };
  let local = 1000;
  const timers = { setTimeout: () => 0, clearTimeout() {}, setInterval: () => 0, clearInterval() {} };
  const client = new SessionClient({ sync, now: () => local, timers });
  const errors = [];
  sync.on('error', (e) => errors.push(e.code));
  return { sync, sent, client, errors, setNow: (ms) => { local = ms; } };
}

test('the feature sends session requests with ids; its answers and errors reach only their promise', async () => {
  const { sync, sent, client, errors } = wired();
  sync.handle(welcome({ session: session(), sessionMine: null }));
  assert.equal(client.isFacilitator, true);
  assert.equal(client.me, 'u1');
  const start = client.timer('start', { durationMs: 300000, atZero: 'closeVote' });
  const cast = client.cast('n1', 1);
  const [timerFrame, castFrame] = sent.filter((m) => m.t.startsWith('session.'));
  assert.deepEqual({ ...timerFrame, id: undefined }, { t: 'session.timer', action: 'start', durationMs: 300000, atZero: 'closeVote', id: undefined });
  assert.deepEqual({ ...castFrame, id: undefined }, { t: 'session.vote.cast', record: 'n1', delta: 1, id: undefined });
  sync.handle({ t: 'error', id: castFrame.id, code: 'ERR_VOTE_LIMIT', message: 'no dots left' });
  sync.handle({ t: 'session.ok', id: timerFrame.id });
  await start;
  await assert.rejects(cast, (e) => e.code === 'ERR_VOTE_LIMIT');
  assert.deepEqual(errors, [], 'a refused session request is no "change refused"');
  client.next().catch(() => {});
  assert.equal(sent.at(-1).t, 'session.next');
  client.phase(2).catch(() => {});
  assert.deepEqual([sent.at(-1).t, sent.at(-1).index], ['session.phase', 2]);
  // The connection dropping fails what is still waiting.
  const end = client.end();
  sync.onDown();
  await assert.rejects(end, (e) => e.code === 'ERR_DISCONNECTED');
});

test('frames update the state and reach listeners by kind', () => {
  const { sync, client } = wired();
  const heard = [];
  client.onChange((kind, m) => heard.push([kind, m.t]));
  sync.handle(welcome({ session: session({ vote: openVote() }), sessionMine: { vote: 'v1', dots: {}, left: 3 } }));
  sync.handle({ t: 'session.mine', vote: 'v1', dots: { n1: 1 }, left: 2 });
  sync.handle({ t: 'session.cue', kind: 'timerZero', group: null, action: 'closeVote' });
  sync.handle({ t: 'session.summon', viewport: { x: 1, y: 2, zoom: 1 }, frame: null, force: false, by: { id: 'u9', name: 'Fa' } });
  sync.handle({ t: 'session.viewport', viewport: { x: 1, y: 2, zoom: 1 } });
  sync.handle({ t: 'session.private', hidden: 2 });
  assert.deepEqual(heard, [['state', 'welcome'], ['state', 'session.mine'], ['cue', 'session.cue'], ['summon', 'session.summon'],
    ['viewport', 'session.viewport'], ['state', 'session.private']]);
  assert.equal(client.state.mine.left, 2);
  assert.equal(client.state.hidden, 2);
});

test('the clock measures with its own pings; the connection\'s pongs are not samples', () => {
  const { sync, sent, client, setNow } = wired();
  sync.handle(welcome());
  setNow(1000);
  client.ping();
  const ping = sent.at(-1);
  assert.equal(ping.t, 'ping');
  setNow(1100);
  sync.handle({ t: 'pong', id: ping.id, at: 9050 });
  assert.equal(client.clock.offset, 8000);
  sync.handle({ t: 'pong', id: 'ping123', at: 1 });
  sync.handle({ t: 'pong', id: ping.id, at: 1 }); // answered once
  assert.equal(client.clock.samples.length, 1);
  assert.equal(client.serverNow(), 1100 + 8000);
});

test('my timer is my breakout group\'s when it has one', () => {
  const { sync, client } = wired();
  sync.handle(welcome({ session: session({
    timers: { all: { state: 'running', endsAt: 5 }, g2: { state: 'paused', remainingMs: 9 } },
    breakouts: { groups: [{ id: 'g1', members: ['u7'] }, { id: 'g2', members: ['u1'] }] },
  }) }));
  assert.equal(client.myGroup().id, 'g2');
  assert.equal(client.myTimer().remainingMs, 9);
});

// Time zones and views

test('a wall-clock time in a zone is the instant it names there, and back', () => {
  const ms = fromZonedInput('2025-03-30T10:00', 'Europe/Tallinn'); // after the change to summer time (UTC+3)
  assert.equal(new Date(ms).toISOString(), '2025-03-30T07:00:00.000Z');
  assert.equal(toZonedInput(ms, 'Europe/Tallinn'), '2025-03-30T10:00');
  assert.equal(new Date(fromZonedInput('2025-01-15T09:30', 'America/New_York')).toISOString(), '2025-01-15T14:30:00.000Z');
  assert.equal(fromZonedInput('nonsense', 'Europe/Tallinn'), null);
  assert.equal(fromZonedInput('2025-01-15T09:30', 'Not/AZone'), null);
});

test('a session time shows in the viewer\'s zone, and in the session\'s when that differs', () => {
  const ms = Date.UTC(2025, 0, 15, 14, 30);
  const both = formatSessionTime(ms, 'Europe/Tallinn', { lang: 'en', viewerZone: 'America/New_York' });
  assert.match(both.local, /9:30/);
  assert.match(both.session, /4:30.*Europe\/Tallinn/);
  const same = formatSessionTime(ms, 'Europe/Tallinn', { lang: 'en', viewerZone: 'Europe/Tallinn' });
  assert.equal(same.session, null);
});

test('a summoned view puts the world point in the middle at the zoom', () => {
  assert.deepEqual(panFor({ x: 100, y: 50, zoom: 2 }, { width: 800, height: 600 }), { x: 200, y: 200, zoom: 2 });
  assert.equal(panFor({ x: 0, y: 0, zoom: 99 }, { width: 10, height: 10 }).zoom, 4);
});
