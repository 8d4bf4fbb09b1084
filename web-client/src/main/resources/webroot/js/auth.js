/**
 * The signed-in session and guest tokens: storage, authenticated requests,
 * renewal and sign-out (docs/API.md, "Accounts").
 *
 * Tokens travel only in an Authorization header or in the board's hello
 * frame: never in a URL, never in a log.
 * @module auth
 */

import { safeNext } from './safe-next.js';

const AUTH_KEY = 'crossboard.auth';
const GUEST_PREFIX = 'crossboard.guest.';
const CHECK_MS = 60000;
// Used when the stored session does not say when it was issued.
const DEFAULT_LIFETIME_MS = 12 * 60 * 60 * 1000;

/** An answer that was not 2xx: {code, message} from the server, status, Retry-After. */
export class ApiError extends Error {
  /**
   * @param {number} status HTTP status (0 when the server could not be reached)
   * @param {string} code e.g. ERR_INVALID
   * @param {string} message the server's message
   * @param {number|null} [retryAfter] seconds, from Retry-After (429)
   */
  constructor(status, code, message, retryAfter = null) {
    super(message || code || `HTTP ${status}`);
    this.status = status;
    this.code = code;
    this.retryAfter = retryAfter;
  }
}

function readJson(key) {
  try {
    const value = JSON.parse(localStorage.getItem(key));
    return value && typeof value === 'object' ? value : null;
  } catch {
    return null;
  }
}

function writeJson(key, value) {
  try {
    if (value) localStorage.setItem(key, JSON.stringify(value));
    else localStorage.removeItem(key);
  } catch { /* private mode: this page only */ }
}

/**
 * A server time as epoch milliseconds: numbers (seconds or ms) or ISO text.
 * @param {number|string|null|undefined} value
 * @returns {number|null}
 */
export function toMillis(value) {
  if (typeof value === 'number' && Number.isFinite(value)) return value < 1e11 ? value * 1000 : value;
  if (typeof value === 'string' && value) {
    const parsed = /^\d+$/.test(value) ? toMillis(Number(value)) : Date.parse(value);
    return Number.isFinite(parsed) ? parsed : null;
  }
  return null;
}

function usable(entry) {
  if (!entry || typeof entry.token !== 'string' || !entry.token) return false;
  const expires = toMillis(entry.expiresAt);
  return expires === null || expires > Date.now();
}

/**
 * The stored account session, or null when there is none or it expired.
 * @returns {{token: string, expiresAt: *, user: object}|null}
 */
export function getAuth() {
  const auth = readJson(AUTH_KEY);
  return usable(auth) ? auth : null;
}

/**
 * Stores the answer of sign-up, sign-in or renew.
 * @param {{token: string, expiresAt: *, user: object}} session
 */
export function storeAuth({ token, expiresAt, user }) {
  writeJson(AUTH_KEY, { token, expiresAt, user, issuedAt: Date.now() });
}

/** Forgets the account session. */
export function clearAuth() {
  writeJson(AUTH_KEY, null);
}

/**
 * The stored guest token for a board, or null when none or expired.
 * @param {string} board
 * @returns {{token: string, expiresAt: *, board: string, role: string, name: string}|null}
 */
export function getGuest(board) {
  const guest = readJson(GUEST_PREFIX + board);
  return usable(guest) && (!guest.board || guest.board === board) ? guest : null;
}

/**
 * Stores a guest token for one board.
 * @param {string} board
 * @param {{token: string, expiresAt: *, board: string, role: string, name: string}} guest
 */
export function storeGuest(board, guest) {
  writeJson(GUEST_PREFIX + board, guest);
}

/** @param {string} board */
export function clearGuest(board) {
  writeJson(GUEST_PREFIX + board, null);
}

/** This page's path and query (never the fragment). */
export function currentPath() {
  return location.pathname + location.search;
}

/**
 * The sign-in page address that comes back to next afterwards.
 * @param {string} [next]
 * @param {string} [page] signin.html or signup.html
 * @returns {string}
 */
export function signinHref(next = currentPath(), page = 'signin.html') {
  const safe = safeNext(next);
  return safe ? `${page}?next=${encodeURIComponent(safe)}` : page;
}

/**
 * Leaves for the sign-in page; resolves never (the page is going away).
 * @param {string} [next]
 * @returns {Promise<never>}
 */
export function goToSignin(next = currentPath()) {
  location.replace(signinHref(next));
  return new Promise(() => {});
}

/**
 * The session, or leaves for sign-in (and never resolves).
 * @returns {Promise<{token: string, expiresAt: *, user: object}>}
 */
export async function requireAuth() {
  return getAuth() || goToSignin();
}

/**
 * fetch with the session's Authorization header. A 401 ends the session
 * and leaves for sign-in (unless redirect is false).
 * @param {string} path same-origin path
 * @param {RequestInit} [init]
 * @param {object} [options]
 * @param {boolean} [options.redirect] leave for sign-in on 401 (default true)
 * @returns {Promise<Response>}
 */
export async function authFetch(path, init = {}, { redirect = true } = {}) {
  const auth = getAuth();
  const headers = new Headers(init.headers || {});
  if (auth) headers.set('Authorization', `Bearer ${auth.token}`);
  const response = await fetch(path, { ...init, headers, credentials: 'same-origin' });
  if (response.status === 401 && redirect) {
    clearAuth();
    await goToSignin();
  }
  return response;
}

async function errorFrom(response) {
  let code = '';
  let message = '';
  try {
    const body = await response.json();
    code = body.code || '';
    message = body.message || '';
  } catch { /* not JSON */ }
  const retry = Number.parseInt(response.headers.get('Retry-After') || '', 10);
  return new ApiError(response.status, code, message, Number.isFinite(retry) ? retry : null);
}

/**
 * A JSON request. Rejects with ApiError for non-2xx answers.
 * @param {string} method
 * @param {string} path
 * @param {object} [body]
 * @param {object} [options]
 * @param {boolean} [options.auth] send the session token (default true)
 * @param {boolean} [options.redirect] leave for sign-in on 401 (default: when auth)
 * @returns {Promise<*>} the parsed answer, or null for 204
 */
export async function request(method, path, body, { auth = true, redirect = auth } = {}) {
  const init = { method, headers: {} };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = auth ? await authFetch(path, init, { redirect }) : await fetch(path, init);
  } catch {
    throw new ApiError(0, 'ERR_NETWORK', '');
  }
  if (!response.ok) throw await errorFrom(response);
  if (response.status === 204) return null;
  const text = await response.text();
  return text ? JSON.parse(text) : null;
}

let renewing = null;
let signingOut = false;

/** Whether this page is signing out (its sockets closing is expected, not an error). */
export function isSigningOut() {
  return signingOut;
}

/**
 * Renews the session when less than half of its lifetime is left.
 * @param {boolean} [force] renew whatever is left
 * @returns {Promise<boolean>} whether it renewed
 */
export function renewIfDue(force = false) {
  const auth = getAuth();
  const expires = auth && toMillis(auth.expiresAt);
  if (!auth || !expires || renewing) return renewing || Promise.resolve(false);
  const issued = toMillis(auth.issuedAt);
  const lifetime = issued && expires > issued ? expires - issued : DEFAULT_LIFETIME_MS;
  if (!force && expires - Date.now() >= lifetime / 2) return Promise.resolve(false);
  renewing = request('POST', '/api/auth/renew')
    .then((session) => {
      if (session?.token) storeAuth(session);
      return !!session?.token;
    })
    .catch(() => false)
    .finally(() => { renewing = null; });
  return renewing;
}

/**
 * Keeps the session fresh while the page is open (now and every minute),
 * and follows sign-in changes made in other tabs.
 * @param {object} [options]
 * @param {Function} [options.onSignedOut] called when the session ended elsewhere
 *   (default: leave for sign-in)
 */
export function keepSessionFresh({ onSignedOut = () => goToSignin() } = {}) {
  renewIfDue();
  setInterval(() => renewIfDue(), CHECK_MS);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') renewIfDue();
  });
  window.addEventListener('storage', (event) => {
    if (event.key === AUTH_KEY && !getAuth()) onSignedOut();
  });
}

/**
 * Signs out: tells the server (its sockets for this session close), then
 * forgets the session and goes to the sign-in page.
 * @returns {Promise<never>}
 */
export async function signOut() {
  signingOut = true;
  if (getAuth()) {
    try {
      await request('POST', '/api/auth/signout', undefined, { redirect: false });
    } catch { /* signed out here either way */ }
  }
  clearAuth();
  location.replace('signin.html');
  return new Promise(() => {});
}
