/**
 * REST calls for boards (PROTOCOL.md, REST).
 * @module api
 */

async function request(method, path, body) {
  const response = await fetch(path, {
    method,
    headers: body ? { 'Content-Type': 'application/json' } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!response.ok) {
    let message = `HTTP ${response.status}`;
    try {
      const error = await response.json();
      message = error.message || error.code || message;
    } catch { /* not JSON */ }
    const error = new Error(message);
    error.status = response.status;
    throw error;
  }
  return response.status === 204 ? null : response.json();
}

/**
 * All boards, newest first.
 * @returns {Promise<Array<{id: string, title: string, createdAt: number}>>}
 */
export function listBoards() {
  return request('GET', '/api/boards');
}

/**
 * One board's summary.
 * @param {string} id
 * @returns {Promise<{id: string, title: string, createdAt: number}>}
 */
export function getBoard(id) {
  return request('GET', `/api/boards/${encodeURIComponent(id)}`);
}

/**
 * Creates a board.
 * @param {string} title 1-200 characters
 * @returns {Promise<{id: string, title: string, createdAt: number}>}
 */
export function createBoard(title) {
  return request('POST', '/api/boards', { title });
}

/**
 * Deletes a board; its open connections close with 4005.
 * @param {string} id
 * @returns {Promise<null>}
 */
export function deleteBoard(id) {
  return request('DELETE', `/api/boards/${encodeURIComponent(id)}`);
}
