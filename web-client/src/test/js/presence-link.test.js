import { test } from 'node:test';
import assert from 'node:assert/strict';

// PresenceClient touches document and window in its constructor: the least of both.
globalThis.document ??= { addEventListener: () => {}, hidden: false };
globalThis.window ??= { addEventListener: () => {} };
globalThis.location ??= { search: '' };
globalThis.navigator ??= { languages: ['en'] };
const stored = new Map();
Object.defineProperty(globalThis, 'localStorage', { configurable: true, value: { getItem: (k) => stored.get(k) ?? null, setItem: (k, v) => stored.set(k, v), removeItem: (k) => stored.delete(k) } });

const { PresenceClient } = await import('../../main/resources/webroot/js/features/presence.js');

function client() {
  const sent = [];
  let feature = null;
  const sync = { clientId: 'c_me', state: 'connected', use: (f) => { feature = f; }, sendFrame: (m) => { sent.push(m); return true; } };
  const presence = new PresenceClient({
    sync,
    viewport: { onChange: () => {}, worldRect: () => ({ x: 0, y: 0, w: 800, h: 600 }), toWorld: (x, y) => ({ x, y }) },
    selection: { onChange: () => {}, ids: new Set() },
    editor: { onChange: () => {} },
    container: { addEventListener: () => {} },
  });
  clearInterval(presence.ticker);
  return { presence, sent, feature: () => feature };
}

/** Answers the page's link ping as if it had taken rttMs. */
function pong(c, rttMs) {
  const ping = c.sent.filter((m) => m.t === 'ping').at(-1);
  assert.ok(ping, 'a ping was sent');
  c.presence.probe.sent = performance.now() - rttMs;
  c.feature().pong({ t: 'pong', id: ping.id });
}

test('[slow link] a slow round trip asks the server for rate 4; a fast one asks for the room\'s pace again', () => {
  stored.clear();
  const c = client();
  c.feature().welcome({ t: 'welcome', presence: [] });
  assert.equal(c.sent.find((m) => m.t === 'presence').rate, undefined, 'nothing asked before the link is known');
  pong(c, 400);
  assert.equal(c.presence.link.slow, true);
  assert.equal(c.sent.filter((m) => m.t === 'presence').at(-1).rate, 4);

  c.presence.measureLink();
  pong(c, 200); // between the thresholds: stays slow, nothing sent again
  assert.equal(c.presence.link.slow, true);
  assert.equal(c.sent.filter((m) => 'rate' in m).length, 1);

  c.presence.measureLink();
  pong(c, 20);
  assert.equal(c.presence.link.slow, false);
  assert.equal(c.sent.filter((m) => m.t === 'presence').at(-1).rate, null);
});

test('[slow link] a new connection asks again; localStorage crossboard.slowLink=off keeps the room\'s pace', () => {
  stored.clear();
  const c = client();
  c.feature().welcome({ t: 'welcome', presence: [] });
  pong(c, 400);
  c.sent.length = 0;
  c.feature().welcome({ t: 'welcome', presence: [] });
  assert.equal(c.sent.find((m) => m.t === 'presence').rate, 4, 'the new connection is told at once');

  stored.set('crossboard.slowLink', 'off');
  const d = client();
  d.feature().welcome({ t: 'welcome', presence: [] });
  pong(d, 900);
  assert.equal(d.presence.link.slow, false);
  assert.equal(d.sent.filter((m) => 'rate' in m).length, 0);
  stored.clear();
});
