/**
 * Words of comment threads that depend on the language beyond t(): plural
 * forms (Intl.PluralRules) and times (relative or a short date).
 * @module thread-i18n
 */

import { locale, tn } from './i18n.js';
import { formatWhen } from './thread-text.js';

/**
 * A counted phrase in the person's language, e.g. plural('commentCount', 3) → "3 comments".
 * @param {string} base key whose .one/.other (and other forms) exist
 * @param {number} n
 */
export function plural(base, n) {
  return tn(base, n);
}

/**
 * When something happened, in the person's language.
 * @param {number} at ms
 */
export function when(at) {
  return formatWhen(Number(at), Date.now(), locale());
}

/**
 * A full date and time (the title of a time).
 * @param {number} at ms
 */
export function fullTime(at) {
  if (!Number.isFinite(Number(at))) return '';
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(Number(at)));
}
