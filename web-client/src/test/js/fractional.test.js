import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DIGITS, keyBetween, midpoint } from '../../main/resources/webroot/js/fractional.js';

const VALID = /^[0-9A-Za-z]{1,64}$/; // SPEC R3

test('keys sort strictly between their bounds', () => {
  assert.equal(keyBetween(null, null), 'a0');
  const a = keyBetween(null, null);
  const b = keyBetween(a, null);
  const c = keyBetween(null, a);
  const m = keyBetween(a, b);
  assert.ok(c < a && a < m && m < b, `${c} < ${a} < ${m} < ${b}`);
  for (const k of [a, b, c, m]) assert.match(k, VALID);
});

test('bringing to the top a thousand times keeps keys short', () => {
  let key = null;
  for (let i = 0; i < 1000; i++) {
    const next = keyBetween(key, null);
    assert.ok(key === null || next > key);
    key = next;
  }
  assert.ok(key.length <= 4, key);
});

test('inserting again and again between the same two keys stays ordered and valid', () => {
  const low = keyBetween(null, null);
  let high = keyBetween(low, null);
  for (let i = 0; i < 200; i++) {
    const k = keyBetween(low, high);
    assert.ok(low < k && k < high);
    assert.match(k, VALID);
    high = k;
  }
});

test('keys made by other clients (any digit strings) still get a key between them', () => {
  for (const [a, b] of [['1', '2'], ['zz', null], ['', 'V'], ['abc', 'abd'], ['A', 'A0V']]) {
    const k = keyBetween(a || null, b);
    if (a) assert.ok(a < k, `${a} < ${k}`);
    if (b) assert.ok(k < b, `${k} < ${b}`);
  }
  assert.equal(midpoint('a', 'a0'), null, 'no key between a and a0');
  assert.throws(() => keyBetween('b', 'a'));
  assert.equal(DIGITS.length, 62);
});

test('code-unit order matches the server: digits < upper case < lower case', () => {
  const keys = [];
  let k = null;
  for (let i = 0; i < 100; i++) keys.push(k = keyBetween(null, k));
  const sorted = [...keys].sort();
  assert.deepEqual(sorted, [...keys].reverse());
});
