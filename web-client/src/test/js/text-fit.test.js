import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LINE_HEIGHT, countLines, fitFontSize } from '../../main/resources/webroot/js/text-fit.js';

// Every character (spaces too) is 0.5 font sizes wide.
const measure = (piece) => piece.length * 0.5;

test('lines wrap at spaces, break over-long words, and honour newlines', () => {
  assert.equal(countLines('aaaa bbbb', 40, 10, measure), 2, 'each word is 20 wide, with the space 45 > 40');
  assert.equal(countLines('aaaa bbbb', 50, 10, measure), 1);
  assert.equal(countLines('a\nb\n\nc', 100, 10, measure), 4);
  assert.equal(countLines('x'.repeat(25), 40, 10, measure), 4, 'a 125 px word in 40 px lines');
  assert.equal(countLines('', 40, 10, measure), 1);
});

test('text that fits keeps the record\'s font size', () => {
  assert.deepEqual(fitFontSize({ text: 'short', width: 200, height: 100, fontSize: 18, minFontSize: 10, measure }),
    { fontSize: 18, overflow: false });
});

test('[W13] longer text shrinks to the largest whole size that fits', () => {
  const text = 'word '.repeat(30).trim();
  const fit = fitFontSize({ text, width: 168, height: 168, fontSize: 18, minFontSize: 10, measure });
  assert.ok(fit.fontSize < 18 && fit.fontSize >= 10, `${fit.fontSize}`);
  assert.equal(fit.overflow, false);
  const lines = (size) => countLines(text, 168, size, measure);
  assert.ok(lines(fit.fontSize) * fit.fontSize * LINE_HEIGHT <= 168.5, 'fits');
  assert.ok(lines(fit.fontSize + 1) * (fit.fontSize + 1) * LINE_HEIGHT > 168.5, 'one size up does not');
});

test('[W13] below the floor the text overflows, at the floor size', () => {
  const fit = fitFontSize({ text: 'word '.repeat(500), width: 100, height: 60, fontSize: 18, minFontSize: 10, measure });
  assert.deepEqual(fit, { fontSize: 10, overflow: true });
});

test('a record whose own size is below the floor keeps it', () => {
  assert.deepEqual(fitFontSize({ text: 'word '.repeat(500), width: 100, height: 60, fontSize: 8, minFontSize: 10, measure }),
    { fontSize: 8, overflow: true });
});
