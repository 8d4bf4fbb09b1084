import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';

globalThis.location ??= { search: '' };
globalThis.navigator ??= { languages: ['en'] };
globalThis.localStorage ??= { getItem: () => null, setItem() {} };
const { stringTables, LANGUAGES, setLanguage, errorMessage, tn, pluralKey, formatNumber, locale } =
  await import('../../main/resources/webroot/js/i18n.js');
const { ERROR_CODES, errorKey, errorCodeOf } = await import('../../main/resources/webroot/js/i18n-errors.js');
const { threadErrorKey } = await import('../../main/resources/webroot/js/features/threads.js');
const { sessionErrorText } = await import('../../main/resources/webroot/js/session-ui.js');

const SIX = ['en', 'fr', 'de', 'es', 'pt', 'et'];
const placeholdersOf = (s) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort().join(',');

test('[W15] the six languages are offered, each in its own name', () => {
  assert.deepEqual(Object.keys(LANGUAGES).sort(), [...SIX].sort());
  assert.equal(LANGUAGES.pt, 'Português');
  assert.equal(LANGUAGES.de, 'Deutsch');
  assert.equal(LANGUAGES.et, 'Eesti');
});

test('[W15] every language has every string, with the same placeholders', () => {
  const tables = stringTables();
  const placeholders = placeholdersOf;
  for (const code of SIX) {
    const missing = Object.keys(tables.en).filter((key) => !(key in tables[code]));
    assert.deepEqual(missing, [], `${code} misses strings`);
    for (const [key, text] of Object.entries(tables[code])) {
      assert.equal(placeholders(text), placeholders(tables.en[key] ?? text), `${code}.${key} placeholders`);
    }
  }
});

const WEBROOT = new URL('../../main/resources/webroot/', import.meta.url);

test('[W15] every key of every i18n-*.js file is in every language, with the same placeholders', async () => {
  const tables = stringTables();
  const files = readdirSync(new URL('js/', WEBROOT)).filter((name) => /^i18n-.*\.js$/.test(name));
  assert.ok(files.length >= 6, `only ${files.length} i18n files found`);
  for (const file of files) {
    const module = await import(new URL(`js/${file}`, WEBROOT).href);
    const table = Object.values(module).find((value) => value && typeof value === 'object' && value.en);
    assert.ok(table, `${file} exports no table with an "en" language`);
    for (const key of Object.keys(table.en)) {
      assert.ok(key in tables.en, `${file}: ${key} is not merged into i18n.js's tables`);
      for (const code of SIX) {
        const text = table[code]?.[key] ?? tables[code][key];
        assert.equal(typeof text, 'string', `${file}: ${code} misses ${key}`);
        assert.equal(placeholdersOf(text), placeholdersOf(table.en[key]), `${file}: ${code}.${key} placeholders`);
      }
    }
    for (const code of Object.keys(table)) assert.ok(SIX.includes(code), `${file}: unknown language ${code}`);
  }
});

test('[W15] every plural key has its "other" form in every language', () => {
  const tables = stringTables();
  for (const code of SIX) {
    for (const key of Object.keys(tables.en)) {
      const m = key.match(/^(.*)\.(zero|one|two|few|many)$/);
      if (m) assert.ok(`${m[1]}.other` in tables[code], `${code} misses ${m[1]}.other`);
    }
  }
});

// The error codes a person can meet: every constant of the server's ErrorCode enum.
function serverErrorCodes() {
  const source = readFileSync(new URL('../../../../server/src/main/java/org/crossboard/error/ErrorCode.java', import.meta.url), 'utf8');
  return [...source.matchAll(/^\s+(ERR_[A-Z0-9_]+)\s*\(/gm)].map((m) => m[1]);
}

test('[W15] every ErrorCode of the server has a message in every language', () => {
  const codes = serverErrorCodes();
  assert.ok(codes.length >= 30, `only ${codes.length} error codes parsed from ErrorCode.java`);
  for (const code of ['ERR_BAD_CREDENTIALS', 'ERR_PRIVATE_MODE', 'ERR_PHASE_RULES', 'ERR_THROTTLED', 'ERR_TOO_MANY_MENTIONS']) {
    assert.ok(codes.includes(code), `${code} not parsed`);
  }
  const tables = stringTables();
  for (const lang of SIX) {
    const missing = codes.filter((code) => typeof tables[lang][`error.${code}`] !== 'string');
    assert.deepEqual(missing, [], `${lang} has no message for these error codes`);
    assert.ok(tables[lang]['error.unknown'].includes('{code}'), `${lang} error.unknown names the code`);
  }
  for (const code of codes) assert.ok(ERROR_CODES.has(code), `${code} not in ERROR_CODES`);
});

test('[W15] errors are told by their code in the chosen language, never by the server\'s message', () => {
  const serverText = 'wrong email or password';
  try {
    setLanguage('pt');
    assert.equal(errorMessage({ status: 401, code: 'ERR_BAD_CREDENTIALS', message: serverText }), 'E-mail ou palavra-passe incorretos.');
    setLanguage('de');
    const de = errorMessage({ status: 401, code: 'ERR_BAD_CREDENTIALS', message: serverText });
    assert.equal(de, 'E-Mail-Adresse oder Passwort ist falsch.');
    for (const lang of SIX) {
      setLanguage(lang);
      for (const code of serverErrorCodes()) {
        const text = errorMessage({ code, message: serverText, retryAfter: 30 });
        assert.ok(!text.includes(serverText) && !text.includes('{'), `${lang} ${code}: ${text}`);
      }
    }
    setLanguage('en');
    assert.equal(errorMessage({ code: 'ERR_SOMETHING_NEW', message: 'raw text' }), 'Something went wrong (ERR_SOMETHING_NEW).');
    assert.equal(errorMessage({ status: 418, code: '', message: 'teapot' }), 'Something went wrong (HTTP 418).');
    assert.equal(errorMessage({ status: 404, code: '' }), errorMessage({ code: 'ERR_NOT_FOUND' }), 'a bare status stands for its code');
    assert.equal(errorMessage({ status: 0, code: 'ERR_NETWORK' }), 'Could not reach the server. Check your connection.');
    assert.equal(errorMessage({ status: 429, code: 'ERR_THROTTLED', retryAfter: 30 }), 'Too many attempts. Try again in 30 seconds.');
    assert.equal(errorMessage({ status: 429, code: 'ERR_THROTTLED', retryAfter: 1 }), 'Too many attempts. Try again in 1 second.');
    setLanguage('fr');
    assert.equal(errorMessage({ status: 429, code: 'ERR_THROTTLED', retryAfter: 30 }), 'Trop de tentatives. Réessayez dans 30 secondes.');
    setLanguage('pt');
    assert.match(errorMessage({ status: 429, code: 'ERR_THROTTLED', retryAfter: 45 }), /^Demasiadas tentativas\. Tente novamente dentro de 45 segundos\.$/);
    assert.equal(errorMessage({ code: 'ERR_NEW' }), 'Ocorreu um erro (ERR_NEW).');
  } finally {
    setLanguage('en');
  }
});

test('errorKey: the code, else the status\'s code; Retry-After in ERR_THROTTLED (60 s when missing)', () => {
  const relative = (s) => `in ${s}s`;
  assert.deepEqual(errorKey({ code: 'ERR_LOCKED', message: 'x' }, relative), { key: 'error.ERR_LOCKED', params: {} });
  assert.deepEqual(errorKey({ status: 429 }, relative), { key: 'error.ERR_THROTTLED', params: { when: 'in 60s' } });
  assert.deepEqual(errorKey({ code: 'ERR_THROTTLED', retryAfter: 2.2 }, relative), { key: 'error.ERR_THROTTLED', params: { when: 'in 3s' } });
  assert.deepEqual(errorKey({ code: 'ERR_X' }, relative), { key: 'error.unknown', params: { code: 'ERR_X' } });
  assert.deepEqual(errorKey(null, relative), { key: 'error.unknown', params: { code: 'HTTP ?' } });
  assert.equal(errorCodeOf({ status: 503 }), 'ERR_UNAVAILABLE');
  assert.equal(errorCodeOf({ status: 0 }), 'ERR_NETWORK');
});

test('sessions and threads keep their own words, and fall back to the code\'s message, never the server text', () => {
  assert.equal(threadErrorKey({ code: 'ERR_TOO_MANY_MENTIONS' }), 'threadError.ERR_TOO_MANY_MENTIONS');
  assert.equal(threadErrorKey({ code: 'ERR_PHASE_RULES', message: 'closed' }), 'error.ERR_PHASE_RULES');
  assert.equal(threadErrorKey({ code: 'ERR_BRAND_NEW' }), 'threadError.other');
  assert.equal(sessionErrorText({ code: 'ERR_VOTE_LIMIT', message: 'raw' }), 'no dots left, or this item has the most dots allowed.');
  assert.equal(sessionErrorText({ code: 'ERR_PHASE_RULES', message: 'raw' }), 'The current phase of the session does not allow this.');
  assert.equal(sessionErrorText({ code: 'ERR_BRAND_NEW', message: 'raw' }), 'Something went wrong (ERR_BRAND_NEW).');
});

test('[W15] plural forms follow each language\'s rules (Intl.PluralRules), numbers its format', () => {
  try {
    setLanguage('en');
    assert.equal(tn('commentCount', 1), '1 comment');
    assert.equal(tn('commentCount', 0), '0 comments');
    assert.equal(tn('deleted', 1), 'Deleted 1 item.');
    assert.equal(tn('pending', 1200), '1,200 changes pending');
    setLanguage('fr');
    assert.equal(tn('commentCount', 0), '0 commentaire', 'French: zero is singular');
    assert.equal(tn('copiedAnnounce', 1), '1 élément copié.');
    assert.equal(tn('copiedAnnounce', 2), '2 éléments copiés.');
    setLanguage('de');
    assert.equal(tn('serverAuditEntries', 1), '1 Eintrag');
    assert.equal(tn('serverAuditEntries', 1000), '1.000 Einträge');
    setLanguage('pt');
    assert.equal(locale(), 'pt-PT');
    assert.equal(tn('commentCount', 1), '1 comentário');
    assert.equal(tn('commentCount', 3), '3 comentários');
    assert.equal(tn('pending', 2), '2 alterações pendentes');
    setLanguage('et');
    assert.equal(tn('deleted', 1), 'Kustutatud 1 element.');
    assert.equal(tn('deleted', 5), 'Kustutatud 5 elementi.');
    assert.equal(pluralKey('noSuchCount', 1), 'noSuchCount.other', 'a missing form falls back to other');
    assert.equal(formatNumber(2.5), '2,5');
  } finally {
    setLanguage('en');
  }
});

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
    // counted phrases: tn('base', n) and plural('base', n) need base.other (and base.one in these languages)
    for (const call of source.matchAll(/(?<![\w$.])(?:tn|plural)\(\s*'([^'\\]+)'/g)) {
      note(`${call[1]}.one`, file);
      note(`${call[1]}.other`, file);
    }
  }
  const pages = readdirSync(WEBROOT).filter((name) => name.endsWith('.html'));
  for (const file of [...pages, ...scripts]) {
    const source = readFileSync(new URL(file, WEBROOT), 'utf8');
    for (const attribute of source.matchAll(/data-i18n(?:-aria|-placeholder)?="([^"]+)"/g)) note(attribute[1], file);
  }
  return keys;
}

test('[W15] every string the code and pages name exists in every language', async () => {
  const { ROLES } = await import('../../main/resources/webroot/js/roles.js');
  const { LIGHT_PALETTE, DARK_PALETTE } = await import('../../main/resources/webroot/js/toolbar.js');
  const keys = usedKeys();
  assert.ok(keys.size > 200, `only ${keys.size} keys found: the scan is broken`);
  for (const role of [...ROLES, 'none']) keys.set(`role.${role}`, 'roles.js roleName');
  for (const [name] of [...LIGHT_PALETTE, ...DARK_PALETTE]) keys.set(`color.${name}`, 'toolbar.js swatches');
  const tables = stringTables();
  for (const code of SIX) {
    const missing = [...keys].filter(([key]) => !(key in tables[code])).map(([key, where]) => `${key} (${where})`);
    assert.deepEqual(missing, [], `${code} misses strings the code uses`);
  }
});
