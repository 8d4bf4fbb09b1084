/**
 * REST calls (docs/API.md). Every call rejects with an ApiError
 * ({status, code, message, retryAfter}) for a non-2xx answer.
 * @module api
 */

import { authFetch, request, ApiError } from './auth.js';

const seg = (value) => encodeURIComponent(value);

// Accounts

/**
 * Creates an account and signs in.
 * @param {{email: string, password: string, name: string, org?: string, country?: string, lang?: string}} body
 * @returns {Promise<{token: string, expiresAt: *, user: object}>}
 */
export function signUp(body) {
  return request('POST', '/api/auth/signup', body, { auth: false });
}

/**
 * Signs in.
 * @param {{email: string, password: string}} body
 * @returns {Promise<{token: string, expiresAt: *, user: object}>}
 */
export function signIn(body) {
  return request('POST', '/api/auth/signin', body, { auth: false });
}

/**
 * Changes the password; the server signs out every other session.
 * @param {string} current
 * @param {string} password 10-200 characters
 */
export function changePassword(current, password) {
  return request('POST', '/api/auth/password', { current, password });
}

/**
 * Keeps the language on the account (what its e-mails are written in). Sent
 * with keepalive, so a page that reloads to show the new language still
 * sends it; never leaves for sign-in.
 * @param {string} lang
 * @returns {Promise<Response>}
 */
export function setAccountLanguage(lang) {
  return authFetch('/api/me', { method: 'PATCH', keepalive: true, headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ lang }) }, { redirect: false });
}

/** Ends every session of this account, this one too. */
export function signOutEverywhere() {
  return request('POST', '/api/auth/signout-everywhere');
}

// Workspaces and members

/** @returns {Promise<Array<{id: string, name: string, role: string|null}>>} */
export function listWorkspaces() {
  return request('GET', '/api/workspaces');
}

/**
 * @param {string} name 1-200 characters
 * @returns {Promise<{id: string, name: string, role: string}>}
 */
export function createWorkspace(name) {
  return request('POST', '/api/workspaces', { name });
}

/** @returns {Promise<{id: string, name: string, role: string|null}>} */
export function getWorkspace(ws) {
  return request('GET', `/api/workspaces/${seg(ws)}`);
}

/** @returns {Promise<Array<{user: object, role: string}>>} */
export function listMembers(ws) {
  return request('GET', `/api/workspaces/${seg(ws)}/members`);
}

/** Changes a workspace member's role. */
export function setMemberRole(ws, user, role) {
  return request('PUT', `/api/workspaces/${seg(ws)}/members/${seg(user)}`, { role });
}

/** Removes a member from the workspace (and their board roles in it). */
export function removeMember(ws, user) {
  return request('DELETE', `/api/workspaces/${seg(ws)}/members/${seg(user)}`);
}

// Boards

/** @returns {Promise<Array<{id: string, title: string, workspace: string, createdAt: *, role: string}>>} */
export function listBoards(ws) {
  return request('GET', `/api/workspaces/${seg(ws)}/boards`);
}

/** @returns {Promise<{id: string, title: string, workspace: string, createdAt: *, role: string}>} */
export function createBoard(ws, title) {
  return request('POST', `/api/workspaces/${seg(ws)}/boards`, { title });
}

/** @returns {Promise<{id: string, title: string, workspace: string, workspaceName: string, createdAt: *, role: string}>} */
export function getBoard(id) {
  return request('GET', `/api/boards/${seg(id)}`);
}

/** Deletes a board; its open connections close with 4005. */
export function deleteBoard(id) {
  return request('DELETE', `/api/boards/${seg(id)}`);
}

/** @returns {Promise<Array<{user: object, role: string, source: 'workspace'|'board'}>>} */
export function listBoardMembers(id) {
  return request('GET', `/api/boards/${seg(id)}/members`);
}

/** Sets a board-level role (overrides the workspace role). */
export function setBoardRole(id, user, role) {
  return request('PUT', `/api/boards/${seg(id)}/members/${seg(user)}`, { role });
}

/** Drops a board-level role. */
export function removeBoardRole(id, user) {
  return request('DELETE', `/api/boards/${seg(id)}/members/${seg(user)}`);
}

// Invitations

/**
 * Creates an invitation; its code is only in this answer.
 * @param {string} ws
 * @param {{role: string, board?: string, expiresInHours: number, maxUses: number}} body
 * @returns {Promise<{id: string, code: string, role: string, board: string|null, expiresAt: *, maxUses: number, uses: number}>}
 */
export function createInvite(ws, body) {
  return request('POST', `/api/workspaces/${seg(ws)}/invites`, body);
}

/** @returns {Promise<Array<{id: string, role: string, board: string|null, expiresAt: *, maxUses: number, uses: number, revoked: boolean}>>} */
export function listInvites(ws) {
  return request('GET', `/api/workspaces/${seg(ws)}/invites`);
}

/** One board's invitations (board facilitators may list them without a workspace role). */
export function listBoardInvites(board) {
  return request('GET', `/api/boards/${seg(board)}/invites`);
}

/** Revokes an invitation; guests who joined through it are cut off. */
export function revokeInvite(id) {
  return request('DELETE', `/api/invites/${seg(id)}`);
}

/**
 * What an invitation code opens (no sign-in needed). The code goes in the body only.
 * @param {string} code
 * @returns {Promise<{workspaceName: string, boardTitle?: string, role: string, guestRole?: string, expiresAt: *}>}
 */
export function previewInvite(code) {
  return request('POST', '/api/invites/preview', { code }, { auth: false });
}

/** @returns {Promise<{workspace: string, board?: string, role: string}>} */
export function acceptInvite(code) {
  return request('POST', '/api/invites/accept', { code });
}

/**
 * Joins a board as a guest.
 * @param {{code: string, name: string, org?: string, country?: string}} body
 * @returns {Promise<{token: string, expiresAt: *, board: string, role: string}>}
 */
export function joinAsGuest(body) {
  return request('POST', '/api/invites/guest', body, { auth: false });
}

// Audit

/** The workspace's audit chain, or the server's (administrator) when {@code ws} is null. */
const auditPath = (ws) => (ws ? `/api/workspaces/${seg(ws)}/audit` : '/api/audit');

/**
 * An audit chain with its verification.
 * @param {string|null} ws workspace id, or null for the server chain
 * @returns {Promise<{chain: string, valid: boolean, brokenAt: number|null, entries: object[]}>}
 */
export function getAudit(ws) {
  return request('GET', `${auditPath(ws)}?format=json`);
}

/**
 * An audit chain as a file (fetched with the Authorization header).
 * @param {string|null} ws workspace id, or null for the server chain
 * @param {'json'|'csv'} format
 * @returns {Promise<Blob>}
 */
export async function downloadAudit(ws, format) {
  const response = await authFetch(`${auditPath(ws)}?format=${format}`);
  if (!response.ok) throw new ApiError(response.status, '', '');
  return response.blob();
}

// Comment threads and notifications (docs/COMMENTS.md)

/**
 * This person's notifications, newest first.
 * @param {{after?: number, wait?: number, unread?: boolean, signal?: AbortSignal}} [options] with wait (s ≤ 25)
 *   the answer waits for one newer than after
 * @returns {Promise<{notifications: object[], unread: number}>}
 */
export async function getNotifications({ after, wait, unread, signal } = {}) {
  const params = new URLSearchParams();
  if (unread) params.set('unread', 'true');
  if (Number.isFinite(after)) params.set('after', String(after));
  if (Number.isFinite(wait)) params.set('wait', String(wait));
  const query = params.toString() ? `?${params}` : '';
  let response;
  try {
    response = await authFetch(`/api/me/notifications${query}`, { signal });
  } catch (e) {
    if (e?.name === 'AbortError') throw e;
    throw new ApiError(0, 'ERR_NETWORK', '');
  }
  if (!response.ok) throw new ApiError(response.status, '', '');
  return response.json();
}

/**
 * Marks notifications read.
 * @param {{ids?: string[], all?: boolean}} body
 */
export function markNotificationsRead(body) {
  return request('POST', '/api/me/notifications/read', body);
}

/** @returns {Promise<*>} the muted boards and threads (notification-list.mutedSets reads it) */
export function getMutes() {
  return request('GET', '/api/me/mutes');
}

/**
 * Mutes or unmutes a board or a thread.
 * @param {{board?: string, thread?: string, muted: boolean}} body
 */
export function setMute(body) {
  return request('PUT', '/api/me/mutes', body);
}
