/**
 * Comment threads as the client holds them (docs/COMMENTS.md): the state
 * after welcome.threads and "thread" frames, where a thread's pin goes on
 * the board, and the comments list's filters. Pure: no DOM.
 * @module thread-model
 */

/** Kinds of thread, in the order the picker offers them. */
export const THREAD_KINDS = ['question', 'suggestion', 'reference', 'decision', 'plain'];
/** The fixed set of reactions, with the emoji shown for each. */
export const REACTIONS = [['+1', '👍'], ['heart', '❤️'], ['tada', '🎉'], ['thinking', '🤔'], ['eyes', '👀'], ['check', '✅']];
/** Mention groups, with the role each stands for (docs/COMMENTS.md). */
export const MENTION_GROUPS = ['facilitators', 'advisory-board', 'team'];
/** Longest comment body the server takes. */
export const MAX_BODY = 4000;
/** Most mentions one comment may carry. */
export const MAX_MENTIONS = 20;

const GROUP_ROLES = { facilitators: ['owner', 'facilitator'], 'advisory-board': ['commenter'], team: ['editor'] };

/**
 * Whether a value looks like a thread.
 * @param {*} thread
 */
function isThread(thread) {
  return !!thread && typeof thread === 'object' && typeof thread.id === 'string' && Array.isArray(thread.comments);
}

/**
 * Normalises a stored thread ("_id" as "id").
 * @param {object} raw
 * @returns {object|null}
 */
export function normalizeThread(raw) {
  if (!raw || typeof raw !== 'object') return null;
  const thread = raw.id === undefined && typeof raw._id === 'string' ? { ...raw, id: raw._id } : raw;
  return isThread(thread) ? thread : null;
}

/**
 * The threads after one frame (pure: a new Map when anything changed, else
 * the one given). welcome: every thread; thread: replaces one by id (an
 * older version than the one held is ignored); threads: every thread again.
 * @param {Map<string, object>} threads
 * @param {object} message
 * @returns {Map<string, object>}
 */
export function applyThreadFrame(threads, message) {
  // welcome.threads, or "threads" when the room had not loaded them yet at the welcome: every thread.
  if (message?.t === 'welcome' || message?.t === 'threads') {
    const next = new Map();
    for (const raw of Array.isArray(message.threads) ? message.threads : []) {
      const thread = normalizeThread(raw);
      if (thread) next.set(thread.id, thread);
    }
    return next;
  }
  if (message?.t === 'thread') {
    const thread = normalizeThread(message.thread);
    if (!thread) return threads;
    const held = threads.get(thread.id);
    if (held && Number.isFinite(held.version) && Number.isFinite(thread.version) && thread.version < held.version) return threads;
    const next = new Map(threads);
    if (thread.deleted) next.delete(thread.id);
    else next.set(thread.id, thread);
    return next;
  }
  return threads;
}

/**
 * The comments of a thread that are not removed.
 * @param {object} thread
 * @returns {number}
 */
export function commentCount(thread) {
  return (thread?.comments || []).filter((c) => !c.removed).length;
}

/** When anything last happened in a thread (ms). */
export function lastActivity(thread) {
  let at = Number(thread?.createdAt) || 0;
  for (const c of thread?.comments || []) at = Math.max(at, Number(c.editedAt) || 0, Number(c.createdAt) || 0);
  return Math.max(at, Number(thread?.resolvedAt) || 0);
}

/**
 * The world point of a thread's pin, or null when it has none on the
 * canvas (orphaned, or its record is not in the view). A record's pin sits
 * at its top right corner and follows it: computed from the record's box
 * every time. A region's pin sits at the region's top right corner.
 * @param {object} thread
 * @param {Map<string, object>} records the board view
 * @returns {{x: number, y: number}|null}
 */
export function pinPoint(thread, records) {
  const anchor = thread?.anchor;
  if (!anchor || thread.orphaned) return null;
  if (anchor.kind === 'record') {
    const record = records.get(anchor.record);
    if (!record) return null;
    if ([record.x, record.y].every(Number.isFinite)) {
      const w = Number.isFinite(record.w) ? record.w : 0;
      return { x: record.x + w, y: record.y };
    }
    // Connectors have no box: the middle of their two ends.
    const from = records.get(record.from);
    const to = records.get(record.to);
    if (from && to && [from.x, from.y, to.x, to.y].every(Number.isFinite)) {
      return { x: (from.x + (from.w || 0) / 2 + to.x + (to.w || 0) / 2) / 2, y: (from.y + (from.h || 0) / 2 + to.y + (to.h || 0) / 2) / 2 };
    }
    return null;
  }
  if (anchor.kind === 'region' && [anchor.x, anchor.y, anchor.w].every(Number.isFinite)) return { x: anchor.x + anchor.w, y: anchor.y };
  if ([anchor.x, anchor.y].every(Number.isFinite)) return { x: anchor.x, y: anchor.y };
  return null;
}

/**
 * Where on screen a pin goes: world point through the view (pan, zoom).
 * The pin keeps its screen size, so only its point scales.
 * @param {{x: number, y: number}} point world
 * @param {{x: number, y: number, zoom: number}} view pan and zoom
 * @returns {{x: number, y: number}}
 */
export function toScreen(point, view) {
  return { x: view.x + point.x * view.zoom, y: view.y + point.y * view.zoom };
}

/**
 * Whether a thread is "orphaned" for the person: marked so, or its record is gone from the view.
 * @param {object} thread
 * @param {Map<string, object>} records
 */
export function isOrphaned(thread, records) {
  return !!thread?.orphaned || (thread?.anchor?.kind === 'record' && !records.has(thread.anchor.record));
}

/**
 * Whether a comment mentions a person: by id, or through a group of their role.
 * @param {object} comment
 * @param {string|null} me user id
 * @param {string|null} role my role on the board
 */
export function mentionsPerson(comment, me, role) {
  return (comment?.mentions || []).some((m) => (m.user && m.user === me)
    || (m.group && GROUP_ROLES[m.group]?.includes(role)));
}

/**
 * The threads the comments list shows, most recent activity first.
 * @param {Iterable<object>} threads
 * @param {{state?: 'open'|'resolved'|'all', kind?: string, author?: string, mentionsMe?: boolean, record?: string}} filter
 * @param {{me?: string|null, role?: string|null}} [who]
 * @returns {object[]}
 */
export function filterThreads(threads, filter = {}, { me = null, role = null } = {}) {
  const state = filter.state || 'all';
  return [...threads].filter((thread) => {
    if (state !== 'all' && (thread.state || 'open') !== state) return false;
    if (filter.kind && thread.kind !== filter.kind) return false;
    if (filter.author && thread.createdBy?.id !== filter.author
      && !(thread.comments || []).some((c) => !c.removed && c.author?.id === filter.author)) return false;
    if (filter.record && thread.anchor?.record !== filter.record) return false;
    if (filter.mentionsMe && !(thread.comments || []).some((c) => !c.removed && mentionsPerson(c, me, role))) return false;
    return true;
  }).sort((a, b) => lastActivity(b) - lastActivity(a) || String(a.id).localeCompare(String(b.id)));
}

/**
 * Everyone who wrote in some thread (id -> name): the comments list's author filter.
 * @param {Iterable<object>} threads
 * @returns {Map<string, string>}
 */
export function authorsOf(threads) {
  const authors = new Map();
  for (const thread of threads) {
    for (const c of thread.comments || []) if (c.author?.id) authors.set(c.author.id, c.author.name || c.author.id);
  }
  return authors;
}

/**
 * What this person may do in a thread, from their role and id (the server decides; this only hides buttons).
 * @param {object} thread
 * @param {{me: string|null, role: string|null, canComment: boolean}} who
 */
export function threadRights(thread, { me, role, canComment }) {
  const editorUp = ['editor', 'facilitator', 'owner'].includes(role);
  const facilitator = ['facilitator', 'owner'].includes(role);
  const creator = !!me && thread?.createdBy?.id === me;
  return {
    reply: !!canComment,
    react: !!canComment,
    resolve: creator || editorUp,
    move: thread?.anchor?.kind !== 'record' && (creator || editorUp),
    edit: (comment) => !!me && comment?.author?.id === me && !comment.removed,
    remove: (comment) => !comment?.removed && ((!!me && comment?.author?.id === me) || facilitator),
  };
}

/**
 * A reaction's state for one person: count and whether they gave it.
 * @param {object} comment
 * @param {string} reaction
 * @param {string|null} me
 */
export function reactionState(comment, reaction, me) {
  const people = Array.isArray(comment?.reactions?.[reaction]) ? comment.reactions[reaction] : [];
  return { count: people.length, mine: !!me && people.includes(me) };
}

/**
 * A thread's kind, "plain" for anything unknown.
 * @param {object} thread
 * @returns {string}
 */
export function kindOf(thread) {
  return THREAD_KINDS.includes(thread?.kind) ? thread.kind : 'plain';
}
