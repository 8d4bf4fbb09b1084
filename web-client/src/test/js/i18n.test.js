import { test } from 'node:test';
import assert from 'node:assert/strict';

globalThis.location ??= { search: '' };
globalThis.navigator ??= { languages: ['en'] };
globalThis.localStorage ??= { getItem: () => null, setItem() {} };
const { stringTables, LANGUAGES } = await import('../../main/resources/webroot/js/i18n.js');

test('every language has every string, with the same placeholders', () => {
  const tables = stringTables();
  const placeholders = (s) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort().join(',');
  for (const code of Object.keys(LANGUAGES)) {
    const missing = Object.keys(tables.en).filter((key) => !(key in tables[code]));
    assert.deepEqual(missing, [], `${code} misses strings`);
    for (const [key, text] of Object.entries(tables[code])) {
      assert.equal(placeholders(text), placeholders(tables.en[key] ?? text), `${code}.${key} placeholders`);
    }
  }
});
