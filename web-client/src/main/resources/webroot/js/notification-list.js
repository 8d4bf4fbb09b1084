/**
 * The notification list as the bell holds it (docs/COMMENTS.md
 * "Notifications"): merging what arrives (live frames, long-poll answers)
 * newest first without doubles, what to ask the long-poll for, how long to
 * wait after a failure, and the muted boards and threads. Pure: no DOM.
 * @module notification-list
 */

/** Most notifications the bell keeps. */
export const KEEP = 50;

/**
 * A notification in a normal shape ("_id" as "id", "at" a number), or null.
 * @param {*} raw
 */
export function normalizeNotification(raw) {
  if (!raw || typeof raw !== 'object') return null;
  const id = raw.id ?? raw._id;
  if (typeof id !== 'string' || typeof raw.board !== 'string') return null;
  const at = typeof raw.at === 'number' ? raw.at : Date.parse(raw.at);
  return { ...raw, id, at: Number.isFinite(at) ? at : 0, read: !!raw.read };
}

/**
 * The list after some arrived: each once (a newer copy replaces the held
 * one), newest first, at most KEEP.
 * @param {object[]} held
 * @param {object[]} incoming
 * @returns {object[]}
 */
export function mergeNotifications(held, incoming) {
  const byId = new Map(held.map((n) => [n.id, n]));
  for (const raw of incoming) {
    const n = normalizeNotification(raw);
    if (n) byId.set(n.id, { ...byId.get(n.id), ...n });
  }
  return [...byId.values()].sort((a, b) => b.at - a.at || (a.id < b.id ? 1 : -1)).slice(0, KEEP);
}

/**
 * What a notifications answer holds, whatever its shape ({notifications, unread} or a list).
 * @param {*} answer
 * @returns {{items: object[], unread: number|null}}
 */
export function readAnswer(answer) {
  const items = Array.isArray(answer) ? answer : Array.isArray(answer?.notifications) ? answer.notifications : [];
  const unread = Number.isFinite(answer?.unread) ? answer.unread : null;
  return { items, unread };
}

/**
 * What the long-poll asks for notifications after: the newest held, or
 * when there is none the time the page started listening (the server answers
 * at once to after=0).
 * @param {object[]} list
 * @param {number} [since] ms
 */
export function newestAt(list, since = 0) {
  return list.reduce((max, n) => Math.max(max, n.at || 0), since);
}

/**
 * How long to wait before polling again after `failures` failures in a row:
 * doubling from 2 s up to a minute, with a little jitter.
 * @param {number} failures
 * @param {() => number} [random]
 * @returns {number} ms
 */
export function backoff(failures, random = Math.random) {
  if (failures <= 0) return 0;
  const base = Math.min(60000, 2000 * 2 ** (failures - 1));
  return Math.round(base * (0.8 + 0.4 * random()));
}

/**
 * The muted boards and threads from GET /api/me/mutes, whatever its shape
 * ({mutes: ["board:b…", "thread:t…"]}; also {boards, threads} or a list of {board}|{thread}).
 * @param {*} answer
 * @returns {{boards: Set<string>, threads: Set<string>}}
 */
export function mutedSets(answer) {
  const boards = new Set();
  const threads = new Set();
  const list = Array.isArray(answer) ? answer : Array.isArray(answer?.mutes) ? answer.mutes : [];
  for (const m of list) {
    // The server's shape: "board:b…" and "thread:t…".
    if (typeof m === 'string') {
      const [scope, id] = [m.slice(0, m.indexOf(':')), m.slice(m.indexOf(':') + 1)];
      if (scope === 'board' && id) boards.add(id);
      if (scope === 'thread' && id) threads.add(id);
      continue;
    }
    if (typeof m?.board === 'string' && !m.thread) boards.add(m.board);
    if (typeof m?.thread === 'string') threads.add(m.thread);
  }
  for (const b of Array.isArray(answer?.boards) ? answer.boards : []) if (typeof b === 'string') boards.add(b);
  for (const th of Array.isArray(answer?.threads) ? answer.threads : []) if (typeof th === 'string') threads.add(th);
  return { boards, threads };
}

/**
 * The address that opens a notification's thread.
 * @param {{board: string, thread?: string}} n
 * @returns {string}
 */
export function notificationHref(n) {
  const params = new URLSearchParams({ b: n.board });
  if (n.thread) params.set('thread', n.thread);
  return `board.html?${params}`;
}
