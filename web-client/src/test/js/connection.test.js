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
