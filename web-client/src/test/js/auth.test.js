import { test } from 'node:test';
import assert from 'node:assert/strict';
import { safeNext } from '../../main/resources/webroot/js/safe-next.js';

const ORIGIN = 'https://crossboard.example';

// Each of these is, or normalises to, a path a browser would read as another host
// ("//host", "/\host"), or hides a separator the URL parser or a later decode would reveal.
const ATTACKS = [
  '//evil.example',
  '///evil.example',
  '////evil.example',
  '/\\evil.example',
  '/\\/evil.example',
  '\\\\evil.example',
  '/..//evil.example',
  '/.//evil.example',
  '/./../..//evil.example',
  '/%2e%2e//evil.example',
  '/%2E%2E//evil.example',
  '/.%2e//evil.example',
  '/%2e//evil.example',
  '/a/..//evil.example',
  '/a/b/../..//evil.example',
  '/a/%2e%2e/%2e%2e//evil.example?x=1',
  '/..\\\\evil.example',
  '/..\\/evil.example',
  '/%2f%2fevil.example',
  '/%2F%2Fevil.example',
  '/%2f/evil.example',
  '/..%2f%2fevil.example',
  '/%5cevil.example',
  '/%5C%5Cevil.example',
  '/\t/evil.example',
  '/\n/evil.example',
  '/\r\n/evil.example',
  '/\t\t/evil.example',
  '/.\t.//evil.example',
  '/\u0000/evil.example',
  ' //evil.example',
  'https://evil.example/',
  'https:evil.example',
  'javascript:alert(1)',
  '//crossboard.example@evil.example',
  'evil.example',
  '',
];

const LEGITIMATE = [
  '/',
  '/board.html?id=b_1a2B3c',
  '/workspace.html?ws=w1&tab=members',
  '/account.html',
  '/board.html?id=abc&next=%2F%2Fnot-a-path',
  '/workspaces.html?q=a%2Fb',
];

/** Whether a value a page navigates to (location.replace) stays on origin, from any page. */
function staysOnOrigin(path) {
  return [ORIGIN + '/', ORIGIN + '/deep/nested/page.html?x=1'].every((base) => {
    const url = new URL(path, base);
    return url.origin === ORIGIN;
  });
}

for (const attack of ATTACKS) {
  test(`safeNext refuses ${JSON.stringify(attack)}`, () => {
    assert.equal(safeNext(attack, ORIGIN), null);
  });
}

for (const path of LEGITIMATE) {
  test(`safeNext keeps ${JSON.stringify(path)} unchanged`, () => {
    assert.equal(safeNext(path, ORIGIN), path);
  });
}

test('safeNext normalises harmless dot segments to a path on this origin', () => {
  assert.equal(safeNext('/a/../board.html?id=b1', ORIGIN), '/board.html?id=b1');
  assert.equal(safeNext('/./account.html', ORIGIN), '/account.html');
  assert.equal(safeNext('/board.html?id=b1#frag', ORIGIN), '/board.html?id=b1');
});

test('whatever safeNext returns is a path that resolves to the same origin', () => {
  const inputs = [...ATTACKS, ...LEGITIMATE, '/a/../b', '/..', '/.', '/%2e%2e/x', '/ /x'];
  for (const input of inputs) {
    const result = safeNext(input, ORIGIN);
    if (result === null) continue;
    assert.match(result, /^\/(?![/\\])/, `${JSON.stringify(input)} gave ${JSON.stringify(result)}`);
    assert.ok(staysOnOrigin(result), `${JSON.stringify(input)} gave ${JSON.stringify(result)}`);
  }
});

test('safeNext refuses what is not text, and works without a page', () => {
  assert.equal(safeNext(null, ORIGIN), null);
  assert.equal(safeNext(undefined, ORIGIN), null);
  assert.equal(safeNext(42, ORIGIN), null);
  // Under node there is no location: no origin, nothing passes.
  assert.equal(safeNext('/board.html'), null);
});
