import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Connection, SERVICE_RESTART } from '../../main/resources/webroot/js/connection.js';

/** A connection whose reconnect timer we can read, without a browser. */
function connectionWithTimers() {
  const delays = [];
  const realSetTimeout = globalThis.setTimeout;
  globalThis.setTimeout = (fn, ms) => { delays.push(ms); return 0; };
  const events = { down: 0 };
  const connection = new Connection({
    connect: () => ({ send: () => true, close: () => {} }),
    onOpen: () => {}, onMessage: () => {}, onDown: () => { events.down += 1; }, onTerminal: () => {}, onStatus: () => {},
  });
  connection.started = true;
  return { connection, delays, events, restore: () => { globalThis.setTimeout = realSetTimeout; } };
}

test('a restart close (1012) reconnects at once (within a second), resetting the backoff', () => {
  const { connection, delays, restore } = connectionWithTimers();
  try {
    connection.attempt = 6; // after a bad stretch, backoff would be near its 10 s cap
    connection.open();
    connection.closed(connection.link, SERVICE_RESTART, 'server restarting');
    assert.equal(delays.length, 1);
    assert.ok(delays[0] >= 50 && delays[0] <= 1000, `reconnect in ${delays[0]} ms`);
    assert.equal(connection.attempt, 0);
  } finally {
    restore();
  }
});

test('any other non-terminal close backs off', () => {
  const { connection, delays, restore } = connectionWithTimers();
  try {
    connection.attempt = 6;
    connection.open();
    connection.closed(connection.link, 1006, '');
    assert.ok(delays[0] >= 5000, `backed off ${delays[0]} ms`);
    assert.equal(connection.attempt, 7);
  } finally {
    restore();
  }
});

import { SILENT_WEBSOCKET_MS } from '../../main/resources/webroot/js/connection.js';
import { prefersSockJS } from '../../main/resources/webroot/js/transport.js';

test('[W8] a WebSocket that opens and stays silent is given up for SockJS at once, remembered for the session', () => {
  const timers = [];
  const realSetTimeout = globalThis.setTimeout;
  globalThis.setTimeout = (fn, ms) => { timers.push({ fn, ms }); return timers.length; };
  try {
    const links = [];
    let hellos = 0;
    const connection = new Connection({
      connect: (handlers) => {
        const link = { kind: prefersSockJS() ? 'sockjs' : 'websocket', handlers, closed: null,
          send: () => true, close(code) { this.closed = code; } };
        links.push(link);
        return link;
      },
      onOpen: () => { hellos += 1; }, onMessage: () => {}, onDown: () => {}, onTerminal: () => {}, onStatus: () => {},
    });
    connection.started = true;
    connection.open();
    links[0].handlers.onOpen();
    assert.equal(prefersSockJS(), false);
    const silent = timers.find((t) => t.ms === SILENT_WEBSOCKET_MS);
    assert.ok(silent, 'a silence timer runs while the WebSocket has said nothing');
    silent.fn();
    assert.ok(links[0].closed, 'the silent WebSocket is closed');
    assert.equal(links.length, 2, 'and another connection opens at once');
    assert.equal(links[1].kind, 'sockjs');
    assert.equal(prefersSockJS(), true);
    links[1].handlers.onOpen();
    assert.equal(hellos, 2);
    assert.equal(timers.filter((t) => t.ms === SILENT_WEBSOCKET_MS).length, 1, 'SockJS gets no silence timer');
  } finally {
    globalThis.setTimeout = realSetTimeout;
  }
});

test('[W8] a WebSocket that answers, however slowly, is kept', () => {
  const timers = [];
  const realSetTimeout = globalThis.setTimeout;
  globalThis.setTimeout = (fn, ms) => { timers.push({ fn, ms }); return timers.length; };
  const realNow = Date.now;
  let now = 1000;
  Date.now = () => now;
  try {
    const links = [];
    const connection = new Connection({
      connect: (handlers) => { const link = { kind: 'websocket', handlers, send: () => true, close() {} }; links.push(link); return link; },
      onOpen: () => {}, onMessage: () => {}, onDown: () => {}, onTerminal: () => {}, onStatus: () => {},
    });
    connection.started = true;
    connection.open();
    links[0].handlers.onOpen();
    now += 10;
    links[0].handlers.onMessage({ t: 'error', code: 'ERR_UNAVAILABLE' });
    timers.find((t) => t.ms === SILENT_WEBSOCKET_MS).fn();
    assert.equal(links.length, 1);
  } finally {
    globalThis.setTimeout = realSetTimeout;
    Date.now = realNow;
  }
});
