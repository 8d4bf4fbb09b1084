/**
 * Where to go after signing in: only a path on this origin (an open
 * redirect would let a crafted sign-in link send people elsewhere). Pure:
 * the origin is a parameter, so node's test runner can check it.
 * @module safe-next
 */

// The shape the result must have: one "/" then anything but "/" or "\".
// A second slash or a backslash would make the browser read a host.
const ORIGIN_PATH = /^\/(?![/\\])/;
// Tabs and newlines are dropped by URL parsing ("/\t/host" is "//host");
// backslashes count as slashes.
const UNSAFE_CHARS = /[\u0000-\u001f\u007f\\]/;
// An encoded slash or backslash in the path is never one of our pages, and
// becomes a host as soon as anything decodes the path once more.
const ENCODED_SEPARATOR = /%(2f|5c)/i;

/**
 * Whether text is a path that starts at this origin's root: "/…", never
 * "//host" or "/\host", with nothing the URL parser would drop or rewrite.
 * @param {string} path
 * @returns {boolean}
 */
function isOriginPath(path) {
  return ORIGIN_PATH.test(path) && !UNSAFE_CHARS.test(path);
}

/**
 * Path and query of a path resolved against origin, or null when it leaves
 * the origin or cannot be parsed.
 * @param {string} path
 * @param {string} origin
 * @returns {string|null}
 */
function resolve(path, origin) {
  try {
    const url = new URL(path, origin);
    return url.origin === origin ? url.pathname + url.search : null;
  } catch {
    return null;
  }
}

/**
 * A same-origin path (path and query, no fragment) to go to after signing
 * in, or null. The input is normalised as the browser would ("/a/../b" is
 * "/b"); the result is checked again, because normalising can turn a
 * harmless-looking path into "//host" ("/..//host", "/%2e%2e//host"), and
 * must resolve to itself, so whatever navigates to it stays on origin.
 * @param {string|null|undefined} raw e.g. the ?next= of the sign-in page
 * @param {string} [origin] e.g. "https://crossboard.example" (default: this page's)
 * @returns {string|null}
 */
export function safeNext(raw, origin = globalThis.location?.origin) {
  if (typeof raw !== 'string' || typeof origin !== 'string' || !isOriginPath(raw)) return null;
  const path = resolve(raw, origin);
  if (path === null || !isOriginPath(path) || ENCODED_SEPARATOR.test(path.split('?')[0])) return null;
  return resolve(path, origin) === path ? path : null;
}
