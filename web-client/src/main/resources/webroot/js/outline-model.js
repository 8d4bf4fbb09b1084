/**
 * Pure logic behind the board's accessible views (no DOM): the reading
 * order of records (top to bottom, then left to right), the outline of a
 * board (frames → their records, records outside frames, connectors as
 * "A → B", comment threads, the vote), and the summaries of other
 * people's changes the live region says, throttled.
 * @module outline-model
 */

const BOXED = new Set(['note', 'text', 'shape', 'frame']);
const LABEL_CHARS = 60;

/** Whether a record is a box the outline and the Tab order walk (notes, texts, shapes, frames). */
export function isBoxed(record) {
  return !!record && BOXED.has(record.type) && Number.isFinite(record.x) && Number.isFinite(record.y);
}

/**
 * Sorts boxes in reading order: rows from top to bottom, each row left to
 * right. A box starts a new row unless its top is above the middle of the
 * first box of the current row (boxes roughly side by side are one row).
 * Stable for equal positions (then by id).
 * @param {object[]} records boxes ({x, y, w, h, id})
 * @returns {object[]} a new array
 */
export function readingOrder(records) {
  const byTop = [...records].sort((a, b) => a.y - b.y || a.x - b.x || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const out = [];
  let row = [];
  let rowMiddle = -Infinity;
  const flush = () => {
    row.sort((a, b) => a.x - b.x || a.y - b.y || (a.id < b.id ? -1 : 1));
    out.push(...row);
    row = [];
  };
  for (const r of byTop) {
    if (row.length && r.y >= rowMiddle) flush();
    if (!row.length) rowMiddle = r.y + Math.max(1, r.h || 0) / 2;
    row.push(r);
  }
  flush();
  return out;
}

/**
 * Every box of a board in reading order as the outline lists them: each
 * top-level box, and a frame's boxes right after it (depth first).
 * @param {Iterable<object>} records the board view's values
 * @returns {object[]}
 */
export function readingSequence(records) {
  const tree = boxTree(records);
  const out = [];
  const walk = (list) => {
    for (const r of list) {
      out.push(r);
      walk(tree.children.get(r.id) || []);
    }
  };
  walk(tree.roots);
  return out;
}

// Boxes by parent: a box whose parent is a frame on the board is in it; the rest are roots.
function boxTree(records) {
  const boxes = [];
  const frames = new Set();
  for (const r of records) {
    if (!isBoxed(r)) continue;
    boxes.push(r);
    if (r.type === 'frame') frames.add(r.id);
  }
  const children = new Map();
  const roots = [];
  for (const r of boxes) {
    const parent = r.parent && r.parent !== r.id && frames.has(r.parent) ? r.parent : null;
    if (parent) {
      if (!children.has(parent)) children.set(parent, []);
      children.get(parent).push(r);
    } else {
      roots.push(r);
    }
  }
  // Frames first at the top level (they are the board's sections), then loose boxes.
  const sortedRoots = [...readingOrder(roots.filter((r) => r.type === 'frame')),
    ...readingOrder(roots.filter((r) => r.type !== 'frame'))];
  for (const [id, list] of children) children.set(id, readingOrder(list));
  return { roots: sortedRoots, children };
}

/**
 * A record's short text: its text, a frame's title, else ''.
 * @param {object} record
 * @returns {string}
 */
export function recordText(record) {
  const text = String(record?.type === 'frame' ? record.title ?? '' : record?.text ?? '').replace(/\s+/g, ' ').trim();
  return text.length > LABEL_CHARS ? `${text.slice(0, LABEL_CHARS - 1)}…` : text;
}

/**
 * A connector as "A → B" with the ends' texts (and its own label).
 * @param {object} connector
 * @param {Map<string, object>} view
 * @param {(key: string, params?: object) => string} t
 * @returns {string}
 */
export function connectorLabel(connector, view, t) {
  const end = (id) => {
    const r = view.get(id);
    if (!r) return t('a11yMissing');
    return recordText(r) || t(TYPE_KEYS[r.type] || 'typeNote');
  };
  const arrow = `${end(connector.from)} → ${end(connector.to)}`;
  const label = recordText({ text: connector.label });
  return label ? `${arrow} (${label})` : arrow;
}

const THREAD_KINDS = ['question', 'suggestion', 'reference', 'decision'];
const TYPE_KEYS = { note: 'typeNote', text: 'typeText', shape: 'typeShape', frame: 'typeFrame', connector: 'typeConnector', comment: 'typeComment' };

/**
 * The outline of a board: a tree of items {key, id?, kind, label, children}.
 * Top level: frames (their boxes inside, in reading order), boxes outside
 * frames, then a "Connections" group, a "Comments" group and the vote.
 * Labels are complete sentences for a screen reader; `key` is stable per
 * item (to keep focus on the same item across re-renders).
 * @param {object} input
 * @param {Map<string, object>} input.view the board view
 * @param {Iterable<object>} [input.threads] comment threads
 * @param {object|null} [input.vote] the session's vote, if any
 * @param {(key: string, params?: object) => string} input.t translations
 * @param {(key: string, n: number, params?: object) => string} [input.plural] counted phrases
 * @returns {object[]} top-level items
 */
export function buildOutline({ view, threads = [], vote = null, t, plural = (key, n) => `${n}` }) {
  const records = [...view.values()];
  const tree = boxTree(records);
  const threadsOn = new Map();
  for (const th of threads) {
    if (th?.anchor?.kind === 'record' && th.anchor.record) threadsOn.set(th.anchor.record, (threadsOn.get(th.anchor.record) || 0) + 1);
  }
  const connectorsOf = new Map();
  const connectors = records.filter((r) => r.type === 'connector' && view.has(r.from) && view.has(r.to));
  for (const c of connectors) {
    for (const end of [c.from, c.to]) connectorsOf.set(end, (connectorsOf.get(end) || 0) + 1);
  }
  const boxItem = (r) => {
    const kids = (tree.children.get(r.id) || []).map(boxItem);
    const type = t(TYPE_KEYS[r.type]);
    const emptyKey = r.type === 'frame' ? 'defaultFrameTitle' : 'emptyText';
    const text = recordText(r) || t(emptyKey);
    const extra = [];
    if (r.type === 'frame') extra.push(plural('a11yItemCount', kids.length));
    if (connectorsOf.get(r.id)) extra.push(plural('a11yLinkCount', connectorsOf.get(r.id)));
    if (threadsOn.get(r.id)) extra.push(plural('threadCount', threadsOn.get(r.id)));
    if (r.locked) extra.push(t('a11yLocked'));
    const label = `${t('a11yItemLabel', { type, text })}${extra.length ? ` (${extra.join(', ')})` : ''}`;
    return { key: r.id, id: r.id, kind: r.type, label, children: kids };
  };
  const items = tree.roots.map(boxItem);
  if (connectors.length) {
    const ordered = orderConnectors(connectors, records);
    items.push({ key: 'group:connectors', kind: 'group', label: `${t('a11yConnections')} (${ordered.length})`,
      children: ordered.map((c) => ({ key: c.id, id: c.id, kind: 'connector', label: connectorLabel(c, view, t), children: [] })) });
  }
  const threadList = [...threads].filter((th) => th && th.id);
  if (threadList.length) {
    items.push({ key: 'group:threads', kind: 'group', label: `${t('commentsList')} (${threadList.length})`,
      children: threadList.map((th) => ({ key: `thread:${th.id}`, thread: th.id, kind: 'thread', label: threadLabel(th, view, t, plural), children: [] })) });
  }
  if (vote && vote.id) {
    items.push({ key: `vote:${vote.id}`, kind: 'vote', label: voteLabel(vote, t, plural), children: [] });
  }
  return items;
}

// Connectors in the reading order of their start, then of their end.
function orderConnectors(connectors, records) {
  const rank = new Map(readingSequence(records).map((r, i) => [r.id, i]));
  const at = (id) => rank.get(id) ?? Infinity;
  return [...connectors].sort((a, b) => at(a.from) - at(b.from) || at(a.to) - at(b.to) || (a.id < b.id ? -1 : 1));
}

function threadLabel(thread, view, t, plural) {
  const kindKey = `kind.${THREAD_KINDS.includes(thread.kind) ? thread.kind : 'plain'}`;
  const kind = t(kindKey);
  const comments = (thread.comments || []).filter((c) => !c.removed);
  const count = plural('commentCount', comments.length);
  const resolved = thread.state === 'resolved';
  const state = t(resolved ? 'threadResolved' : 'threadOpen');
  const on = thread.anchor?.kind === 'record' && view.get(thread.anchor.record)
    ? ` ${t('a11yOn', { what: recordText(view.get(thread.anchor.record)) || t(TYPE_KEYS[view.get(thread.anchor.record).type]) })}` : '';
  const first = recordText({ text: comments[0]?.body ?? '' });
  return `${kind}${on}, ${count}, ${state}${first ? `: ${first}` : ''}`;
}

function voteLabel(vote, t, plural) {
  if (vote.state === 'open') {
    return t('a11yVoteOpen', { dots: plural('a11yDotCount', Number.isFinite(vote.dots) ? vote.dots : 0) });
  }
  return t('a11yVoteClosed');
}

/**
 * Flattens the visible items of an outline (children of expanded items only)
 * with their level, position in set and set size (for aria-level/posinset/setsize).
 * @param {object[]} items
 * @param {Set<string>} collapsed keys of collapsed items
 * @returns {{item: object, level: number, pos: number, size: number, parent: string|null}[]}
 */
export function visibleRows(items, collapsed = new Set()) {
  const rows = [];
  const walk = (list, level, parent) => {
    list.forEach((item, i) => {
      rows.push({ item, level, pos: i + 1, size: list.length, parent });
      if (item.children.length && !collapsed.has(item.key)) walk(item.children, level + 1, item.key);
    });
  };
  walk(items, 1, null);
  return rows;
}

/**
 * Sorts a batch of other people's changes into counted actions:
 * "added", "moved", "edited", "deleted" per person and record type.
 * @param {object[]} changes the op's changes
 * @param {Map<string, string>} typeOf record id -> type, as it was before the op
 * @returns {{verb: string, type: string, id: string}[]}
 */
export function describeChanges(changes, typeOf) {
  const out = [];
  const seen = new Set();
  for (const change of changes || []) {
    const id = change.op === 'put' ? change.record?.id : change.id;
    if (!id || id === 'board') continue;
    let verb;
    let type;
    if (change.op === 'put') {
      verb = typeOf.has(id) ? 'edited' : 'added';
      type = change.record.type;
    } else if (change.op === 'remove') {
      verb = 'deleted';
      type = typeOf.get(id);
    } else if (change.op === 'patch') {
      const keys = Object.keys(change.props || {});
      verb = keys.length && keys.every((k) => ['x', 'y', 'parent', 'order'].includes(k)) ? 'moved' : 'edited';
      type = typeOf.get(id);
    } else {
      verb = 'edited';
      type = typeOf.get(id);
    }
    if (!type || type === 'board') continue;
    const key = `${verb}:${id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ verb, type, id });
  }
  return out;
}

/**
 * Collects other people's actions and says at most one summary per
 * interval: "Ana added 2 notes, Bo moved a note". Time and timers are
 * injectable (tests).
 */
export class ChangeAnnouncer {
  /**
   * @param {object} options
   * @param {(message: string) => void} options.say the live region
   * @param {(key: string, params?: object) => string} options.t
   * @param {(key: string, n: number, params?: object) => string} options.plural
   * @param {number} [options.interval] ms between two messages (2,000)
   * @param {() => number} [options.now]
   * @param {(fn: Function, ms: number) => any} [options.setTimer]
   */
  constructor({ say, t, plural, interval = 2000, now = () => Date.now(), setTimer = (fn, ms) => setTimeout(fn, ms) }) {
    Object.assign(this, { say, t, plural, interval, now, setTimer });
    this.pending = new Map(); // name -> Map(verb:type -> Set(ids))
    this.last = -Infinity;
    this.timer = null;
  }

  /**
   * Notes what one person did.
   * @param {string} name who
   * @param {{verb: string, type: string, id: string}[]} actions
   */
  add(name, actions) {
    if (!actions.length) return;
    if (!this.pending.has(name)) this.pending.set(name, new Map());
    const mine = this.pending.get(name);
    for (const { verb, type, id } of actions) {
      const key = `${verb}:${type}`;
      if (!mine.has(key)) mine.set(key, new Set());
      mine.get(key).add(id);
    }
    this.schedule();
  }

  schedule() {
    if (this.timer !== null) return;
    const wait = Math.max(0, this.last + this.interval - this.now());
    this.timer = this.setTimer(() => {
      this.timer = null;
      this.flush();
    }, wait);
  }

  /** The summary of what is pending ('' when nothing). */
  summary() {
    const people = [];
    for (const [name, actions] of this.pending) {
      const parts = [];
      for (const [key, ids] of actions) {
        const [verb, type] = key.split(':');
        parts.push({ verb, what: this.plural(`a11yThing.${type}`, ids.size) });
      }
      // "Ana added 2 notes and a frame, moved a note"
      const byVerb = new Map();
      for (const p of parts) {
        if (!byVerb.has(p.verb)) byVerb.set(p.verb, []);
        byVerb.get(p.verb).push(p.what);
      }
      const phrases = [...byVerb].map(([verb, whats]) => this.t(`a11yVerb.${verb}`, { what: whats.join(', ') }));
      people.push(this.t('a11yPersonDid', { name, did: phrases.join(', ') }));
    }
    return people.join('; ');
  }

  /** Says what is pending now. */
  flush() {
    const message = this.summary();
    this.pending.clear();
    if (!message) return;
    this.last = this.now();
    this.say(message);
  }
}
