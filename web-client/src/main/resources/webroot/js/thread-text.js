/**
 * Text of comment threads: plain URLs cut out for safe links, @-mentions
 * (finding the query being typed, filtering who matches, inserting one,
 * keeping the ones the text still names), times, plural forms and the
 * reason a notification gives. Pure: no DOM.
 * @module thread-text
 */

import { MAX_MENTIONS } from './thread-model.js';

const URL_RE = /\bhttps?:\/\/[^\s<>"']+/gi;
const TRAILING = /[.,;:!?)\]}'"»”’]+$/;

/**
 * Whether a string is an http(s) URL worth a link.
 * @param {string} value
 * @returns {boolean}
 */
export function isHttpUrl(value) {
  if (typeof value !== 'string' || value.length > 2000) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && !!url.hostname;
  } catch {
    return false;
  }
}

/**
 * Cuts text into plain parts and link parts. Only http and https URLs
 * become links; punctuation that ends a sentence stays text.
 * @param {string} text
 * @returns {Array<{text: string, href?: string}>}
 */
export function linkify(text) {
  const parts = [];
  let last = 0;
  for (const match of String(text ?? '').matchAll(URL_RE)) {
    let url = match[0];
    const trail = url.match(TRAILING)?.[0] || '';
    // A closing bracket belongs to the URL when the URL opened one.
    let keep = trail;
    if (trail.startsWith(')') && url.slice(0, -trail.length).includes('(')) keep = trail.slice(1);
    url = url.slice(0, url.length - keep.length);
    if (!isHttpUrl(url)) continue;
    if (match.index > last) parts.push({ text: text.slice(last, match.index) });
    parts.push({ text: url, href: url });
    last = match.index + url.length;
  }
  if (last < String(text ?? '').length) parts.push({ text: text.slice(last) });
  return parts;
}

/**
 * The mention being typed just before the caret: an "@" at the start or
 * after a space, and the letters after it (no space yet).
 * @param {string} text
 * @param {number} caret
 * @returns {{start: number, query: string}|null} start is the index of "@"
 */
export function mentionQuery(text, caret) {
  const before = text.slice(0, caret);
  const at = before.lastIndexOf('@');
  if (at < 0) return null;
  if (at > 0 && !/\s|[(\[{"'«“]/.test(before[at - 1])) return null;
  const query = before.slice(at + 1);
  if (/\s/.test(query) || query.length > 40) return null;
  return { start: at, query };
}

/** A name folded for matching: lower case, no accents. */
export function fold(value) {
  return String(value ?? '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/**
 * The people and groups a query matches, best first: a name starting with
 * it, then a word of the name, then anywhere; at most `limit`.
 * @param {Array<{label: string}>} candidates people ({user, label}) and groups ({group, label})
 * @param {string} query
 * @param {number} [limit]
 * @returns {object[]}
 */
export function filterMentions(candidates, query, limit = 8) {
  const q = fold(query);
  const ranked = [];
  for (const [index, c] of candidates.entries()) {
    const name = fold(c.label);
    const key = fold(c.group || '');
    let rank = -1;
    if (!q || name.startsWith(q) || key.startsWith(q)) rank = 0;
    else if (name.split(/[\s\-(]+/).some((word) => word.startsWith(q))) rank = 1;
    else if (name.includes(q)) rank = 2;
    if (rank >= 0) ranked.push({ c, rank, index });
  }
  return ranked.sort((a, b) => a.rank - b.rank || a.index - b.index).slice(0, limit).map((r) => r.c);
}

/**
 * The text after choosing a mention: the query replaced by "@Label ".
 * @param {string} text
 * @param {{start: number, query: string}} at from mentionQuery
 * @param {string} label
 * @returns {{text: string, caret: number}}
 */
export function insertMention(text, at, label) {
  const end = at.start + 1 + at.query.length;
  const insert = `@${label} `;
  return { text: text.slice(0, at.start) + insert + text.slice(end), caret: at.start + insert.length };
}

/**
 * The mentions to send: the chosen ones whose "@Label" the body still
 * holds, each once, at most MAX_MENTIONS.
 * @param {string} body
 * @param {Array<{user?: string, group?: string, label: string}>} chosen
 * @returns {Array<{user: string}|{group: string}>}
 */
export function mentionsToSend(body, chosen) {
  const seen = new Set();
  const out = [];
  for (const c of chosen) {
    const key = c.user ? `u:${c.user}` : `g:${c.group}`;
    if (seen.has(key) || !body.includes(`@${c.label}`)) continue;
    seen.add(key);
    out.push(c.user ? { user: c.user } : { group: c.group });
    if (out.length === MAX_MENTIONS) break;
  }
  return out;
}

/**
 * The mention candidates from the board's members (REST), without this person.
 * @param {Array<{user: {id: string, name?: string, email?: string}, role: string}>} members
 * @param {string|null} me
 * @returns {Array<{user: string, label: string, role: string}>}
 */
export function peopleCandidates(members, me) {
  const out = [];
  const seen = new Set();
  for (const m of members || []) {
    const id = m?.user?.id;
    if (!id || id === me || seen.has(id)) continue;
    seen.add(id);
    out.push({ user: id, label: m.user.name || m.user.email || id, role: m.role });
  }
  return out.sort((a, b) => a.label.localeCompare(b.label));
}

/**
 * The i18n key of the reason a notification gives.
 * @param {string} reason mention, reply or your-record
 * @returns {string}
 */
export function reasonKey(reason) {
  return { mention: 'notifyMention', reply: 'notifyReply', 'your-record': 'notifyYourRecord' }[reason] || 'notifyOther';
}

/**
 * The i18n key of a plural form: base.one, base.few … as the language's
 * rules pick for n (Intl.PluralRules), base.other when the table has no
 * such form.
 * @param {string} base
 * @param {number} n
 * @param {string} lang
 * @param {(key: string) => boolean} has whether the table has a key
 * @returns {string}
 */
export function pluralKey(base, n, lang, has) {
  let form = 'other';
  try { form = new Intl.PluralRules(lang).select(n); } catch { /* unknown language */ }
  const key = `${base}.${form}`;
  return has(key) ? key : `${base}.other`;
}

const UNITS = [['year', 31536000], ['month', 2592000], ['week', 604800], ['day', 86400], ['hour', 3600], ['minute', 60]];

/**
 * When something happened, in the person's language: relative ("5 minutes
 * ago") within a week, else a short date.
 * @param {number} at ms
 * @param {number} now ms
 * @param {string} lang
 * @returns {string}
 */
export function formatWhen(at, now, lang) {
  if (!Number.isFinite(at)) return '';
  const seconds = Math.round((at - now) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 7 * 86400) {
    const rtf = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
    if (abs < 45) return rtf.format(0, 'second');
    for (const [unit, size] of UNITS) if (abs >= size) return rtf.format(Math.round(seconds / size), unit);
    return rtf.format(seconds, 'second');
  }
  const sameYear = new Date(at).getFullYear() === new Date(now).getFullYear();
  return new Intl.DateTimeFormat(lang, sameYear ? { day: 'numeric', month: 'short' } : { dateStyle: 'medium' }).format(new Date(at));
}

/**
 * A short excerpt of a body (one line, at most n characters).
 * @param {string} body
 * @param {number} [n]
 */
export function excerpt(body, n = 120) {
  const line = String(body ?? '').replace(/\s+/g, ' ').trim();
  return line.length > n ? `${line.slice(0, n - 1)}…` : line;
}
