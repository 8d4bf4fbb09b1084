/**
 * Times of comment threads in the person's language (relative, or a full date).
 * @module thread-i18n
 */

import { formatDate } from './dom.js';
import { locale } from './i18n.js';
import { formatWhen } from './thread-text.js';

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
  return Number.isFinite(Number(at)) ? formatDate(Number(at)) : '';
}
