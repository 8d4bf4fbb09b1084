/**
 * Random identifiers for records, clients and requests.
 * @module ids
 */

const URL_SAFE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/**
 * Makes a random string from an alphabet using crypto randomness.
 * Rejection sampling keeps every character equally likely.
 * @param {string} alphabet characters to draw from (at most 256)
 * @param {number} length number of characters
 * @returns {string}
 */
export function randomString(alphabet, length) {
  const limit = 256 - (256 % alphabet.length);
  let out = '';
  while (out.length < length) {
    const bytes = crypto.getRandomValues(new Uint8Array(length * 2));
    for (const b of bytes) {
      if (b < limit && out.length < length) out += alphabet[b % alphabet.length];
    }
  }
  return out;
}

/**
 * A new record id: 22 url-safe characters (about 132 bits).
 * @returns {string}
 */
export function newRecordId() {
  return randomString(URL_SAFE, 22);
}

/**
 * A new client id for this page load: "c_" followed by 22 base62 characters.
 * @returns {string}
 */
export function newClientId() {
  return 'c_' + randomString(BASE62, 22);
}
