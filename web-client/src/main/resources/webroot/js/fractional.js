/**
 * Fractional index keys for z-order: strings of base62 digits compared in
 * code-unit order ('0' < '9' < 'A' < 'Z' < 'a' < 'z'), as the server sorts.
 *
 * Keys we make have an integer part and a fraction. The integer part starts
 * with a head letter that encodes its length ('a' = 1 digit, 'b' = 2, ...;
 * 'Z' = 1 digit below zero, 'Y' = 2, ...), so "bring to top" stays short for a
 * very long time instead of growing one character every few steps. Keys made
 * by other clients may not follow this layout; then a plain digit-wise
 * midpoint is used, which works for any keys.
 * @module fractional
 */

export const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const BASE = DIGITS.length;
const ZERO = DIGITS[0];
const SMALLEST_INT = 'A' + ZERO.repeat(26);

const digit = (c) => DIGITS.indexOf(c);

/**
 * Length of the integer part announced by its head letter, or 0 if invalid.
 * @param {string} head
 * @returns {number}
 */
function integerLength(head) {
  if (head >= 'a' && head <= 'z') return head.charCodeAt(0) - 97 + 2;
  if (head >= 'A' && head <= 'Z') return 90 - head.charCodeAt(0) + 2;
  return 0;
}

/** Splits a key in our layout; null when the key does not follow it. */
function split(key) {
  const n = integerLength(key[0]);
  if (!n || key.length < n || key === SMALLEST_INT) return null;
  const integer = key.slice(0, n);
  const fraction = key.slice(n);
  for (const c of key) if (digit(c) < 0) return null;
  if (fraction.endsWith(ZERO)) return null;
  return { integer, fraction };
}

/** The next integer part, or null past the largest one. */
function increment(integer) {
  const head = integer[0];
  const digits = integer.slice(1).split('');
  for (let i = digits.length - 1; i >= 0; i--) {
    const d = digit(digits[i]) + 1;
    if (d < BASE) {
      digits[i] = DIGITS[d];
      return head + digits.join('');
    }
    digits[i] = ZERO;
  }
  if (head === 'Z') return 'a' + ZERO;
  if (head === 'z') return null;
  const next = String.fromCharCode(head.charCodeAt(0) + 1);
  if (next > 'a') digits.push(ZERO);
  else digits.pop();
  return next + digits.join('');
}

/** The previous integer part, or null before the smallest one. */
function decrement(integer) {
  const head = integer[0];
  const digits = integer.slice(1).split('');
  for (let i = digits.length - 1; i >= 0; i--) {
    const d = digit(digits[i]) - 1;
    if (d >= 0) {
      digits[i] = DIGITS[d];
      return head + digits.join('');
    }
    digits[i] = DIGITS[BASE - 1];
  }
  if (head === 'a') return 'Z' + DIGITS[BASE - 1];
  if (head === 'A') return null;
  const prev = String.fromCharCode(head.charCodeAt(0) - 1);
  if (prev < 'Z') digits.push(DIGITS[BASE - 1]);
  else digits.pop();
  return prev + digits.join('');
}

/**
 * A string strictly between a and b for any digit strings (a may be '',
 * b may be null for "no upper bound"). Returns null when none exists,
 * which only happens for pairs like "a" and "a0".
 * @param {string} a
 * @param {string|null} b
 * @returns {string|null}
 */
export function midpoint(a, b) {
  let out = '';
  let i = 0;
  // Shared prefix.
  while (b !== null && i < a.length && i < b.length && a[i] === b[i]) out += a[i++];
  if (b !== null && i >= b.length) return null; // b is a prefix of a: a >= b
  if (b !== null && i < a.length) {
    const da = digit(a[i]);
    const db = digit(b[i]);
    if (da > db) return null;
    if (db - da > 1) return out + DIGITS[Math.ceil((da + db) / 2)];
    // Adjacent digits: keep a's digit, then anything above a's remainder.
    return out + a[i] + above(a.slice(i + 1));
  }
  if (b === null) return out + above(a.slice(i));
  // a is exhausted: need something below b's remainder but non-empty.
  for (; i < b.length; i++) {
    const db = digit(b[i]);
    if (db >= 2) return out + DIGITS[Math.ceil(db / 2)];
    if (db === 1) return out + ZERO + DIGITS[BASE / 2];
    out += ZERO;
  }
  return null;
}

/** A short non-empty string that sorts above rest (used with no upper bound). */
function above(rest) {
  let out = '';
  for (const c of rest) {
    const d = digit(c);
    if (d < BASE - 1) return out + DIGITS[Math.ceil((d + BASE) / 2)];
    out += c;
  }
  return out + DIGITS[BASE / 2];
}

/**
 * A key that sorts strictly between a and b (either may be null for open).
 * @param {string|null} a lower bound, or null
 * @param {string|null} b upper bound, or null
 * @returns {string} the new key
 * @throws {Error} when a >= b or no key exists between them
 */
export function keyBetween(a, b) {
  if (a !== null && b !== null && a >= b) throw new Error(`keyBetween: ${a} >= ${b}`);
  const sa = a === null ? null : split(a);
  const sb = b === null ? null : split(b);
  let key = null;
  if ((a === null || sa) && (b === null || sb)) key = structured(sa, sb, b);
  if (key === null) key = midpoint(a || '', b);
  if (key === null) throw new Error(`keyBetween: no key between ${a} and ${b}`);
  return key;
}

function structured(sa, sb, b) {
  if (!sa && !sb) return 'a' + ZERO;
  if (!sa) {
    if (sb.integer === SMALLEST_INT.slice(0, sb.integer.length) && sb.integer[0] === 'A') {
      const f = midpoint('', sb.fraction);
      return f === null ? null : sb.integer + f;
    }
    if (sb.fraction) return sb.integer;
    return decrement(sb.integer);
  }
  if (!sb) {
    const next = increment(sa.integer);
    return next !== null ? next : sa.integer + midpoint(sa.fraction, null);
  }
  if (sa.integer === sb.integer) {
    const f = midpoint(sa.fraction, sb.fraction);
    return f === null ? null : sa.integer + f;
  }
  const next = increment(sa.integer);
  if (next !== null && next < b) return next;
  return sa.integer + midpoint(sa.fraction, null);
}
