import { test } from 'node:test';
import assert from 'node:assert/strict';
import { snapBox } from '../../main/resources/webroot/js/snapping.js';

const box = (x, y, w = 100, h = 50) => ({ x, y, w, h });

test('[W10] edges snap to the nearest edge or centre within the threshold, on each axis', () => {
  const targets = [box(0, 0), box(300, 200, 100, 100)];
  // left edge 103 is 3 from the target's right edge 100; top 197 is 3 from 200
  const snap = snapBox(box(103, 197), targets, 6);
  assert.equal(snap.dx, -3);
  assert.equal(snap.dy, 3);
});

test('nothing within the threshold: no nudge, no guides', () => {
  const snap = snapBox(box(150, 120), [box(0, 0)], 6);
  assert.deepEqual(snap, { dx: 0, dy: 0, guides: [] });
});

test('centres line up with centres, and the closest line wins', () => {
  // moving centre x = 52 + 50 = 102; target centre 100 (distance 2), target right edge 100 vs own left 52 (48)
  const snap = snapBox(box(52, 400), [box(50, 0)], 6);
  assert.equal(snap.dx, -2);
  assert.equal(snap.dy, 0);
});

test('a guide spans the moving box and every record on the same line', () => {
  const targets = [box(0, 0), box(0, 300)];
  const snap = snapBox(box(2, 600), targets, 6);
  assert.equal(snap.dx, -2);
  const guide = snap.guides.find((g) => g.axis === 'x');
  assert.equal(guide.at, 0);
  assert.equal(guide.from, 0, 'from the top of the first target');
  assert.equal(guide.to, 650, 'to the bottom of the moving box');
});
