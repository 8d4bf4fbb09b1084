import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MIN_SIZE, resizeBox, scaleRecords } from '../../main/resources/webroot/js/transform-box.js';

const box = { x: 100, y: 100, w: 200, h: 100 };

test('a handle moves its edges; the opposite ones stay put', () => {
  assert.deepEqual(resizeBox(box, 'e', 50, 999), { x: 100, y: 100, w: 250, h: 100 });
  assert.deepEqual(resizeBox(box, 'nw', 20, 10), { x: 120, y: 110, w: 180, h: 90 });
  assert.deepEqual(resizeBox(box, 's', 0, -500), { x: 100, y: 100, w: 200, h: MIN_SIZE }, 'never below the minimum');
  assert.deepEqual(resizeBox(box, 'w', 500, 0), { x: 300 - MIN_SIZE, y: 100, w: MIN_SIZE, h: 100 });
});

test('[W10] scaling keeps each record\'s place and proportion inside the box', () => {
  const records = [
    { id: 'a', type: 'note', x: 100, y: 100, w: 100, h: 50 },
    { id: 'b', type: 'note', x: 200, y: 150, w: 100, h: 50 },
    { id: 'k', type: 'comment', x: 300, y: 200 },
  ];
  const from = { x: 100, y: 100, w: 200, h: 100 };
  const to = resizeBox(from, 'se', 200, 100); // twice as large, same top-left
  const out = scaleRecords(records, from, to);
  assert.deepEqual(out.get('a'), { x: 100, y: 100, w: 200, h: 100 });
  assert.deepEqual(out.get('b'), { x: 300, y: 200, w: 200, h: 100 });
  assert.deepEqual(out.get('k'), { x: 500, y: 300 }, 'points only move');
});

test('scaling from the top-left corner moves records towards the fixed bottom-right', () => {
  const from = { x: 0, y: 0, w: 100, h: 100 };
  const out = scaleRecords([{ id: 'a', type: 'note', x: 0, y: 0, w: 50, h: 50 }], from, resizeBox(from, 'nw', 50, 50));
  assert.deepEqual(out.get('a'), { x: 50, y: 50, w: 25, h: 25 });
});

test('text boxes scale their font with the smaller factor, within the schema\'s range', () => {
  const from = { x: 0, y: 0, w: 100, h: 100 };
  const text = { id: 't', type: 'text', x: 0, y: 0, w: 100, h: 100, fontSize: 20 };
  assert.equal(scaleRecords([text], from, { x: 0, y: 0, w: 300, h: 200 }).get('t').fontSize, 40);
  assert.equal(scaleRecords([text], from, { x: 0, y: 0, w: 1, h: 1 }).get('t').fontSize, 6);
  assert.equal(scaleRecords([{ ...text, type: 'note' }], from, { x: 0, y: 0, w: 300, h: 200 }).get('t').fontSize, undefined,
    'notes fit their text themselves');
});
