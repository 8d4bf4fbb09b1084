import { test } from 'node:test';
import assert from 'node:assert/strict';
import { READABLE_ZOOM, fitMargin, openingBox } from '../../main/resources/webroot/js/viewport.js';
import { hitTest, inRegion, renderRegion } from '../../main/resources/webroot/js/culling.js';
import { arrowHead, containsRect } from '../../main/resources/webroot/js/geometry.js';

// whoami.js reads the language (i18n.js) when it loads.
globalThis.location ??= { search: '' };
globalThis.navigator ??= { languages: ['en'] };
globalThis.localStorage ??= { getItem: () => null, setItem() {} };
const { colorForUser } = await import('../../main/resources/webroot/js/whoami.js');

const box = (id, x, y, w = 100, h = 100, extra = {}) => ({ id, type: 'note', order: 'a0', x, y, w, h, ...extra });

test('a board that fits at a readable zoom opens whole', () => {
  const records = [box('a', 0, 0), box('b', 600, 300)];
  assert.deepEqual(openingBox(records, { w: 1440, h: 900 }), { x: 0, y: 0, w: 700, h: 400 });
  assert.equal(openingBox([], { w: 1440, h: 900 }), null);
});

test('[W11] a big board opens on its densest part, at a readable zoom or closer', () => {
  const records = [box('lonely', -20000, -20000)];
  for (let i = 0; i < 50; i++) records.push(box(`n${i}`, 5000 + (i % 10) * 120, 3000 + Math.floor(i / 10) * 120));
  const screen = { w: 390, h: 844 };
  const opened = openingBox(records, screen);
  const margin = fitMargin(screen);
  const zoom = Math.min((screen.w - 2 * margin) / opened.w, (screen.h - 2 * margin) / opened.h);
  assert.ok(zoom >= READABLE_ZOOM - 1e-9, `zoom ${zoom}`);
  assert.ok(opened.x >= 4900 && opened.y >= 2900, JSON.stringify(opened));
});

test('[W12] the rendered region grows the visible area by a margin in screen pixels', () => {
  assert.deepEqual(renderRegion({ x: 0, y: 0, w: 100, h: 50 }, 2, 20), { x: -10, y: -10, w: 120, h: 70 });
  assert.ok(containsRect({ x: 0, y: 0, w: 10, h: 10 }, { x: 1, y: 1, w: 2, h: 2 }));
  assert.ok(!containsRect({ x: 0, y: 0, w: 10, h: 10 }, { x: 9, y: 1, w: 2, h: 2 }));
});

test('connectors and comments are in a region when what they show is', () => {
  const view = new Map([['a', box('a', 0, 0)], ['b', box('b', 1000, 0)]]);
  const connector = { id: 'c', type: 'connector', from: 'a', to: 'b' };
  assert.ok(inRegion(connector, { x: 500, y: 0, w: 10, h: 10 }, view, 1), 'the line crosses it');
  assert.ok(!inRegion(connector, { x: 500, y: 500, w: 10, h: 10 }, view, 1));
  const comment = { id: 'k', type: 'comment', x: 0, y: 100 };
  assert.ok(inRegion(comment, { x: 10, y: 50, w: 5, h: 5 }, view, 1), 'the pin rises above its point');
});

test('the record under a point: the topmost, frames below everything on them', () => {
  const records = [box('low', 0, 0, 100, 100, { order: 'a1' }), box('high', 50, 50, 100, 100, { order: 'a2' }),
    { id: 'f', type: 'frame', order: 'a9', x: -500, y: -500, w: 2000, h: 2000 }];
  assert.equal(hitTest(records, 75, 75).id, 'high');
  assert.equal(hitTest(records, 10, 10).id, 'low');
  assert.equal(hitTest(records, 1000, 1000).id, 'f');
  assert.equal(hitTest(records, 5000, 5000), null);
});

test('an arrow head sits on the end of its line, as long as asked and half as wide', () => {
  assert.deepEqual(arrowHead({ x1: 0, y1: 0, x2: 100, y2: 0 }, 12), [{ x: 100, y: 0 }, { x: 88, y: 6 }, { x: 88, y: -6 }]);
  assert.deepEqual(arrowHead({ x1: 5, y1: 50, x2: 5, y2: 10 }, 4), [{ x: 5, y: 10 }, { x: 7, y: 14 }, { x: 3, y: 14 }]);
});

test('[W14] a person\'s colour is the one the server gives them (Java String.hashCode, floorMod 12)', () => {
  // Expected values from org.crossboard.presence.PresenceColors.forUser (the palette darkened for 4.5:1 with white initials).
  assert.equal(colorForUser('abc'), '#A76100'); // hashCode 96354, index 6
  assert.equal(colorForUser('u_0f3X9Kq2LmN8pR4sT6vW1y'), '#862E9C'); // negative hashCode, index 11
  assert.equal(colorForUser('guest-Ümlaut-1'), '#A76100'); // index 6
  assert.equal(colorForUser('zzzzzzzzzzzzzzzzzz'), '#D72F2F'); // index 8
});
