import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { applySplices, transform } from '../../main/resources/webroot/js/text-ops.js';

// The same cases the server's SplicesTest replays against its Java transform: both sides must agree.
const cases = JSON.parse(readFileSync(new URL('./splice-cases.json', import.meta.url), 'utf8'));

test('[T3] text-ops.js transforms every shared splice case as recorded, and both orders meet', () => {
  assert.equal(cases.length, 200);
  for (const c of cases) {
    const [aAfterB, bAfterA] = transform(c.a, c.b, c.aFirst);
    const label = JSON.stringify(c);
    assert.deepEqual(aAfterB, c.aAfterB, label);
    assert.deepEqual(bAfterA, c.bAfterA, label);
    assert.equal(applySplices(applySplices(c.text, c.a), bAfterA), c.result, label);
    assert.equal(applySplices(applySplices(c.text, c.b), aAfterB), c.result, label);
  }
});
