import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';

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

const WEBROOT = new URL('../../main/resources/webroot/', import.meta.url);

// The text of a call's first argument, from just after "t(" (strings and nested brackets skipped).
function firstArgument(source, from) {
  let depth = 0;
  let quote = null;
  for (let i = from; i < source.length; i++) {
    const ch = source[i];
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = null;
    } else if (ch === '\'' || ch === '"' || ch === '`') {
      quote = ch;
    } else if ('([{'.includes(ch)) {
      depth++;
    } else if (')]}'.includes(ch)) {
      if (depth-- === 0) return source.slice(from, i);
    } else if (ch === ',' && depth === 0) {
      return source.slice(from, i);
    }
  }
  return '';
}

/** Every key the code names literally: t('key') (also in ternaries and fallbacks) and data-i18n* attributes. */
function usedKeys() {
  const keys = new Map(); // key -> first place it is used
  const note = (key, where) => { if (!keys.has(key)) keys.set(key, where); };
  const scripts = ['js/', 'js/features/'].flatMap((dir) => readdirSync(new URL(dir, WEBROOT))
    .filter((name) => name.endsWith('.js')).map((name) => dir + name));
  for (const file of scripts) {
    const source = readFileSync(new URL(file, WEBROOT), 'utf8');
    for (const call of source.matchAll(/(?<![\w$.])t\(/g)) {
      const argument = firstArgument(source, call.index + 2);
      for (const literal of argument.matchAll(/'([^'\\]+)'|"([^"\\]+)"/g)) note(literal[1] ?? literal[2], file);
    }
  }
  const pages = readdirSync(WEBROOT).filter((name) => name.endsWith('.html'));
  for (const file of [...pages, ...scripts]) {
    const source = readFileSync(new URL(file, WEBROOT), 'utf8');
    for (const attribute of source.matchAll(/data-i18n(?:-aria|-placeholder)?="([^"]+)"/g)) note(attribute[1], file);
  }
  return keys;
}

test('every string the code and pages name exists in every language', async () => {
  const { ROLES } = await import('../../main/resources/webroot/js/roles.js');
  const { LIGHT_PALETTE, DARK_PALETTE } = await import('../../main/resources/webroot/js/toolbar.js');
  const keys = usedKeys();
  assert.ok(keys.size > 200, `only ${keys.size} keys found: the scan is broken`);
  for (const role of [...ROLES, 'none']) keys.set(`role.${role}`, 'roles.js roleName');
  for (const [name] of [...LIGHT_PALETTE, ...DARK_PALETTE]) keys.set(`color.${name}`, 'toolbar.js swatches');
  const tables = stringTables();
  for (const code of Object.keys(LANGUAGES)) {
    const missing = [...keys].filter(([key]) => !(key in tables[code])).map(([key, where]) => `${key} (${where})`);
    assert.deepEqual(missing, [], `${code} misses strings the code uses`);
  }
});
