/**
 * All user-visible strings, per language, and the language in use: every
 * language has every string (a missing one would fall back to English).
 * Placeholders look like {name}. The shared strings live in i18n-common.js,
 * those for accounts, workspaces, roles, invitations and comments
 * live in i18n-accounts.js, the account page's in i18n-settings.js, the
 * board page's in i18n-board.js, live sessions' in i18n-session.js,
 * comment threads' and notifications' in i18n-threads.js, notes in several
 * languages' in i18n-translations.js, what to say about
 * each error code in i18n-errors.js. A counted phrase has a key per plural
 * form (key.one, key.other, …: see tn()).
 * @module i18n
 */

import { COMMON_STRINGS } from './i18n-common.js';
import { ACCOUNT_STRINGS } from './i18n-accounts.js';
import { SETTINGS_STRINGS } from './i18n-settings.js';
import { BOARD_STRINGS } from './i18n-board.js';
import { SESSION_STRINGS } from './i18n-session.js';
import { THREAD_STRINGS } from './i18n-threads.js';
import { TRANSLATION_STRINGS } from './i18n-translations.js';
import { ERROR_STRINGS, errorKey } from './i18n-errors.js';
import { A11Y_STRINGS } from './i18n-a11y.js';

// One table per language: the shared strings, then each part's (a later table wins on a key both have).
const STRINGS = {};
for (const table of [COMMON_STRINGS, ACCOUNT_STRINGS, SETTINGS_STRINGS, BOARD_STRINGS, SESSION_STRINGS, THREAD_STRINGS,
  TRANSLATION_STRINGS, ERROR_STRINGS, A11Y_STRINGS]) {
  for (const [code, strings] of Object.entries(table)) STRINGS[code] = Object.assign(STRINGS[code] || {}, strings);
}

/**
 * The string tables, for checks that every language has every string.
 * @returns {Object<string, Object<string, string>>} language code -> key -> text
 */
export function stringTables() {
  return STRINGS;
}

/** Languages offered, by code, with their own names. */
export const LANGUAGES = { en: 'English', fr: 'Français', de: 'Deutsch', es: 'Español', pt: 'Português', et: 'Eesti' };

/** The locale Intl formats with for a language (Portuguese here is the European one). */
const INTL_LOCALES = { pt: 'pt-PT' };

const STORAGE_KEY = 'crossboard.lang';
let current = pickLanguage();

function pickLanguage() {
  const wanted = [new URLSearchParams(location.search).get('lang'), safeStorageGet(STORAGE_KEY),
    ...(navigator.languages || [navigator.language])];
  for (const tag of wanted) {
    const code = (tag || '').slice(0, 2).toLowerCase();
    if (STRINGS[code]) return code;
  }
  return 'en';
}

function safeStorageGet(key) {
  try { return localStorage.getItem(key); } catch { return null; }
}

/** The active language code. */
export function getLanguage() {
  return current;
}

/**
 * The locale for Intl (dates, times, numbers, plural rules) of the active language.
 * @param {string} [code] a language code, the active one by default
 * @returns {string}
 */
export function locale(code = current) {
  return INTL_LOCALES[code] || code;
}

/**
 * Whether the person chose a language here (the switch), as opposed to the browser's.
 * @returns {boolean}
 */
export function languageChosen() {
  return !!STRINGS[safeStorageGet(STORAGE_KEY)];
}

/**
 * Switches language, remembers it and re-labels the document.
 * @param {string} code one of LANGUAGES
 */
export function setLanguage(code) {
  if (!STRINGS[code]) return;
  current = code;
  try { localStorage.setItem(STORAGE_KEY, code); } catch { /* private mode */ }
  if (typeof document !== 'undefined') applyI18n(document);
}

/**
 * Translates a key, filling {placeholders} from params.
 * @param {string} key
 * @param {object} [params]
 * @returns {string}
 */
export function t(key, params = {}) {
  const text = STRINGS[current][key] ?? STRINGS.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (m, name) => (name in params ? String(params[name]) : m));
}

/**
 * A number in the active language (1 000 in French, 1.000 in German …).
 * @param {number} n
 * @returns {string}
 */
export function formatNumber(n) {
  try { return new Intl.NumberFormat(locale()).format(n); } catch { return String(n); }
}

/**
 * The key of the plural form the language's rules (Intl.PluralRules) pick for
 * n: base.one, base.few …, base.other when the table has no such form.
 * @param {string} base
 * @param {number} n
 * @param {string} [lang] language code, the active one by default
 * @returns {string}
 */
export function pluralKey(base, n, lang = current) {
  let form = 'other';
  try { form = new Intl.PluralRules(locale(lang)).select(n); } catch { /* unknown language */ }
  const key = `${base}.${form}`;
  return key in STRINGS[lang] || key in STRINGS.en ? key : `${base}.other`;
}

/**
 * A counted phrase: the plural form for n, with {n} the number formatted
 * for the language, e.g. tn('commentCount', 3) → "3 comments".
 * @param {string} base key whose .one/.other (and other forms) exist
 * @param {number} n
 * @param {object} [params] more placeholders
 * @returns {string}
 */
export function tn(base, n, params = {}) {
  return t(pluralKey(base, n), { ...params, n: formatNumber(n) });
}

/**
 * What to tell the person about an error, by its code only (a REST ApiError
 * or a socket error frame): never the server's own message text. An unknown
 * code reads "Something went wrong (CODE)"; ERR_THROTTLED says when to try
 * again from Retry-After.
 * @param {{code?: string, status?: number, retryAfter?: number|null}} error
 * @returns {string}
 */
export function errorMessage(error) {
  const relative = (seconds) => {
    try {
      return new Intl.RelativeTimeFormat(locale(), { numeric: 'always' }).format(seconds, 'second');
    } catch {
      return `${seconds} s`;
    }
  };
  const { key, params } = errorKey(error, relative);
  return t(key, params);
}

/**
 * Fills elements marked with data-i18n (text), data-i18n-aria (aria-label
 * and title), data-i18n-placeholder.
 * @param {ParentNode} root
 */
export function applyI18n(root) {
  document.documentElement.lang = current;
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll('[data-i18n-aria]')) {
    el.setAttribute('aria-label', t(el.dataset.i18nAria));
    el.title = t(el.dataset.i18nAria);
  }
  for (const el of root.querySelectorAll('[data-i18n-placeholder]')) el.placeholder = t(el.dataset.i18nPlaceholder);
}
