/**
 * Editing operations on the board. Each builds protocol changes from the
 * current local view and performs them through the undo manager, leaving
 * out records the role may not change (permissions.js).
 * @module actions
 */

import { compareZ, descendantsOf, expandRemoval, maxOrder } from './model.js';
import { boundsOf, center, clamp, containsPoint, containsRect, hasBox, hasPosition, intersects } from './geometry.js';
import { keyBetween } from './fractional.js';
import { newRecordId } from './ids.js';
import { DEFAULT_COLORS, DEFAULT_FONT } from './record-boxes.js';
import { copyPayload, pasteRecords } from './clipboard.js';
import { resizeBox, scaleRecords } from './transform-box.js';
import { snapBox } from './snapping.js';

const POS = 1e6;
const SIZE = 1e5;
const DEFAULT_SIZE = { note: [200, 200], text: [240, 60], shape: [200, 140], frame: [800, 560] };
const PUSH_INTERVAL_MS = 50;
/** How far a duplicate lands from its original, world px. */
export const DUPLICATE_OFFSET = 24;

/**
 * The topmost frame containing (x, y), skipping some ids.
 * @param {Map<string, object>} view
 * @param {number} x
 * @param {number} y
 * @param {Set<string>} [skip]
 * @returns {object|null}
 */
export function frameAt(view, x, y, skip = new Set()) {
  let best = null;
  for (const r of view.values()) {
    if (r.type !== 'frame' || skip.has(r.id) || !containsPoint(r, x, y)) continue;
    if (!best || compareZ(r, best) > 0) best = r;
  }
  return best;
}

/**
 * Calls fn at most once per interval: at once when the last call is that
 * long ago, else once when the interval is over (the latest state wins, as
 * fn reads it when it runs).
 * @param {() => void} fn
 * @param {number} interval ms
 * @returns {{request(): void, cancel(): void}}
 */
function throttle(fn, interval) {
  let last = 0;
  let timer = 0;
  const run = () => {
    clearTimeout(timer);
    timer = 0;
    last = Date.now();
    fn();
  };
  return {
    request() {
      if (Date.now() - last >= interval) run();
      else if (!timer) timer = setTimeout(run, interval);
    },
    cancel() {
      clearTimeout(timer);
      timer = 0;
    },
  };
}

/**
 * High-level edits bound to a sync client and an undo manager.
 */
export class Actions {
  /**
   * @param {import('./sync.js').SyncClient} sync
   * @param {import('./undo.js').UndoManager} undo
   * @param {import('./permissions.js').Permissions} [perms] omitted: everything allowed
   */
  constructor(sync, undo, perms = null) {
    this.sync = sync;
    this.undo = undo;
    this.perms = perms;
  }

  get view() {
    return this.sync.view;
  }

  // Whether the role may create records.
  get mayEdit() {
    return !this.perms || this.perms.canEdit;
  }

  // Whether the role may move, patch or remove this record.
  mayChange(record) {
    return !!record && (!this.perms || this.perms.canChange(record));
  }

  /**
   * Creates a record centred on a world point, on top of everything and
   * inside the frame under that point.
   * @param {'note'|'text'|'shape'|'frame'} type
   * @param {number} x
   * @param {number} y
   * @param {object} [props] extra props (shape, text, w, h, ...)
   * @returns {string|null} the new id (null when the role does not allow it)
   */
  create(type, x, y, props = {}) {
    if (!this.mayEdit) return null;
    const [dw, dh] = DEFAULT_SIZE[type];
    const w = clamp(props.w ?? dw, 1, SIZE);
    const h = clamp(props.h ?? dh, 1, SIZE);
    const record = {
      id: newRecordId(),
      type,
      order: keyBetween(maxOrder(this.view), null),
      x: clamp(props.x ?? x - w / 2, -POS, POS),
      y: clamp(props.y ?? y - h / 2, -POS, POS),
      w,
      h,
      color: props.color || DEFAULT_COLORS[type],
    };
    if (type === 'shape') record.shape = props.shape || 'rectangle';
    if (type !== 'frame') record.fontSize = DEFAULT_FONT[type];
    if (props.text) record.text = props.text;
    if (props.title) record.title = props.title;
    // Notes are in their author's language unless said otherwise (SPEC N1; set by translation-view.js).
    if (type === 'note' && (props.lang || this.defaultLang)) record.lang = props.lang || this.defaultLang;
    const parent = frameAt(this.view, record.x + w / 2, record.y + h / 2);
    if (parent) record.parent = parent.id;
    const changes = [{ op: 'put', record }];
    if (type === 'frame') changes.push(...this.adopt(record));
    this.undo.perform(changes);
    return record.id;
  }

  // A frame drawn around records takes in those fully inside it that sit
  // at the same level (same parent) as the new frame.
  adopt(frame) {
    const changes = [];
    for (const r of this.view.values()) {
      if (!hasBox(r) || r.locked || (r.parent ?? null) !== (frame.parent ?? null)) continue;
      if (containsRect(frame, r)) changes.push({ op: 'patch', id: r.id, props: { parent: frame.id } });
    }
    return changes;
  }

  /**
   * Connects two boxed records with an arrow.
   * @param {string} from
   * @param {string} to
   * @returns {string|null} the connector id
   */
  connect(from, to) {
    if (!this.mayEdit || from === to || !hasBox(this.view.get(from)) || !hasBox(this.view.get(to))) return null;
    const record = { id: newRecordId(), type: 'connector', order: keyBetween(maxOrder(this.view), null), from, to };
    this.undo.perform([{ op: 'put', record }]);
    return record.id;
  }

  /**
   * Removes records and what the server would remove with them, leaving out
   * locked records and those the role may not change.
   * @param {Iterable<string>} ids
   * @returns {string[]} the given ids it removed (not what went with them)
   */
  remove(ids) {
    const unlocked = [...ids].filter((id) => this.mayChange(this.view.get(id)) && !this.view.get(id).locked);
    const removed = expandRemoval(this.view, unlocked, this.sync.schema);
    this.undo.perform(removed.map((id) => ({ op: 'remove', id })));
    const gone = new Set(removed);
    return unlocked.filter((id) => gone.has(id));
  }

  /**
   * Sets the same props on several records (e.g. colour).
   * @param {Iterable<string>} ids
   * @param {object} props
   */
  patch(ids, props) {
    const changes = [];
    for (const id of ids) {
      const record = this.view.get(id);
      if (this.mayChange(record) && !record.locked) changes.push({ op: 'patch', id, props });
    }
    this.undo.perform(changes);
  }

  /**
   * Locks or unlocks records. Unlocking is the one change the server
   * accepts on a locked record.
   * @param {Iterable<string>} ids
   * @param {boolean} locked
   */
  setLocked(ids, locked) {
    const changes = [...ids].filter((id) => this.mayChange(this.view.get(id)) && this.view.get(id).type !== 'comment')
      .map((id) => ({ op: 'patch', id, props: { locked } }));
    this.undo.perform(changes);
  }

  /**
   * Moves records to the top of the z-order, keeping their relative order.
   * @param {Iterable<string>} ids
   */
  bringToFront(ids) {
    const records = [...ids].map((id) => this.view.get(id)).filter((r) => this.mayChange(r) && !r.locked).sort(compareZ);
    let order = maxOrder(this.view);
    const changes = records.map((r) => {
      order = keyBetween(order, null);
      return { op: 'patch', id: r.id, props: { order } };
    });
    this.undo.perform(changes);
  }

  /**
   * The clipboard payload of some records (clipboard.js), or null.
   * @param {Iterable<string>} ids
   * @returns {object|null}
   */
  copy(ids) {
    return copyPayload(this.view, ids, this.sync.schema);
  }

  /**
   * Pastes a clipboard payload as new records on top of the board, centred
   * on a world point (or moved by an offset when no point is given). Pasted
   * records outside any pasted frame join the frame under them.
   * @param {{records: object[]}} payload
   * @param {{x: number, y: number}|null} at
   * @param {{dx: number, dy: number}} [offset]
   * @returns {string[]} ids of the new records (empty when the role may not create them)
   */
  paste(payload, at, offset = { dx: 0, dy: 0 }) {
    if (!this.mayEdit || !payload) return [];
    const allowed = payload.records.filter((r) => !this.perms || this.perms.canCreate(r.type));
    const box = boundsOf(allowed);
    let { dx, dy } = offset;
    if (at && box) {
      dx = Math.round(at.x - (box.x + box.w / 2));
      dy = Math.round(at.y - (box.y + box.h / 2));
    }
    let order = maxOrder(this.view);
    const records = pasteRecords({ records: allowed }, this.sync.schema,
      { newId: newRecordId, nextOrder: () => (order = keyBetween(order, null)), dx, dy });
    const pasted = new Set(records.map((r) => r.id));
    for (const r of records) {
      if (hasPosition(r)) {
        r.x = clamp(r.x, -POS, POS);
        r.y = clamp(r.y, -POS, POS);
      }
      if (hasBox(r) && !r.parent) {
        const c = center(r);
        const frame = frameAt(this.view, c.x, c.y, pasted);
        if (frame) r.parent = frame.id;
      }
    }
    this.undo.perform(records.map((record) => ({ op: 'put', record })));
    for (const r of records) this.perms?.markOwn(r.id);
    return records.map((r) => r.id);
  }

  /**
   * Duplicates records (with what is inside frames and the connectors
   * between them) a little below and right of the originals.
   * @param {Iterable<string>} ids
   * @returns {string[]} ids of the copies
   */
  duplicate(ids) {
    return this.paste(this.copy(ids), null, { dx: DUPLICATE_OFFSET, dy: DUPLICATE_OFFSET });
  }

  /**
   * Gives a text box the height its text needs (it grows as you type).
   * @param {string} id
   * @param {number} h world px
   */
  fitHeight(id, h) {
    const r = this.view.get(id);
    if (!hasBox(r) || r.locked || !this.mayChange(r) || r.h === h) return;
    this.undo.perform([{ op: 'patch', id, props: { h: clamp(h, 1, SIZE) } }]);
  }

  /**
   * Renames the board (the "board" record).
   * @param {string} title
   */
  renameBoard(title) {
    if (!this.mayEdit) return;
    this.undo.perform([{ op: 'patch', id: 'board', props: { title: title.slice(0, 200) } }]);
  }

  /**
   * Moves records by a world offset in one step (keyboard nudge).
   * @param {Iterable<string>} ids
   * @param {number} dx
   * @param {number} dy
   */
  nudge(ids, dx, dy) {
    const gesture = this.startMove(ids);
    gesture.update(dx, dy);
    gesture.finish();
  }

  /**
   * Starts a move gesture for the given records. Frames carry their
   * contents along; the gesture is one undo step. While moving, positions
   * show at once locally and are pushed at most every 50 ms.
   * @param {Iterable<string>} ids
   * @param {object} [options]
   * @param {number} [options.snap] snapping distance in world units (0: no snapping)
   * @param {{x: number, y: number, w: number, h: number}} [options.near] where to look for
   *   records to snap to (the visible area)
   * @returns {{update(dx: number, dy: number, snap?: boolean): {dx: number, dy: number, guides: object[]},
   *   finish(): void, moving: Set<string>}} update returns the move it made (snapped) and the guides
   */
  startMove(ids, { snap = 0, near = null } = {}) {
    const view = this.view;
    const movable = (id) => hasPosition(view.get(id)) && !view.get(id).locked && this.mayChange(view.get(id));
    const selected = new Set([...ids].filter(movable));
    const inside = descendantsOf(view, [...selected].filter((id) => view.get(id).type === 'frame'));
    const roots = [...selected].filter((id) => !inside.has(id));
    const moving = new Set([...roots, ...inside].filter(movable));
    const origin = new Map([...moving].map((id) => [id, view.get(id)]));
    let last = { dx: 0, dy: 0 };
    this.undo.begin();
    const changesFor = ({ dx, dy }) => [...origin.values()].map((r) => ({
      op: 'patch', id: r.id, props: { x: clamp(r.x + dx, -POS, POS), y: clamp(r.y + dy, -POS, POS) },
    }));
    const pushes = throttle(() => this.undo.perform(changesFor(last)), PUSH_INTERVAL_MS);
    // What the moving records may snap to: boxes nearby that do not move.
    const movingBoxes = [...roots].map((id) => origin.get(id)).filter(hasBox);
    const start = boundsOf(movingBoxes);
    const targets = snap && start ? [...view.values()].filter((r) => hasBox(r) && !moving.has(r.id)
      && (!near || intersects(r, near))).slice(0, 2000) : [];
    return {
      moving,
      update: (dx, dy, snapping = true) => {
        let guides = [];
        if (snapping && targets.length) {
          const snapped = snapBox({ ...start, x: start.x + dx, y: start.y + dy }, targets, snap);
          dx = Math.round((dx + snapped.dx) * 100) / 100;
          dy = Math.round((dy + snapped.dy) * 100) / 100;
          guides = snapped.guides;
        }
        last = { dx, dy };
        this.sync.setOverlay(changesFor(last));
        pushes.request();
        return { dx, dy, guides };
      },
      finish: () => {
        pushes.cancel();
        const changes = last.dx || last.dy ? changesFor(last) : [];
        if (changes.length) changes.push(...this.reparent(roots, origin, moving, last));
        this.undo.perform(changes);
        this.sync.setOverlay(null);
        this.undo.end();
      },
    };
  }

  // Dropping into a frame makes it the parent; dropping outside clears it.
  reparent(roots, origin, moving, { dx, dy }) {
    const changes = [];
    for (const id of roots) {
      const r = origin.get(id);
      if (!hasBox(r) || !this.view.has(id)) continue;
      const c = center({ ...r, x: r.x + dx, y: r.y + dy });
      const frame = frameAt(this.view, c.x, c.y, moving);
      const parent = frame ? frame.id : null;
      if ((r.parent ?? null) !== parent) changes.push({ op: 'patch', id, props: { parent } });
    }
    return changes;
  }

  /**
   * Starts a resize gesture on one record from a handle ("nw", "e", ...).
   * @param {string} id
   * @param {string} handle
   * @returns {{update(dx: number, dy: number): void, finish(): void}}
   */
  startResize(id, handle) {
    const r = this.view.get(id);
    if (!hasBox(r) || !this.mayChange(r)) return { update() {}, finish() {} };
    let box = null;
    this.undo.begin();
    const compute = (dx, dy) => {
      const { x, y, w, h } = resizeBox(r, handle, dx, dy);
      return { x: clamp(x, -POS, POS), y: clamp(y, -POS, POS), w: clamp(w, 1, SIZE), h: clamp(h, 1, SIZE) };
    };
    return {
      update: (dx, dy) => {
        box = compute(dx, dy);
        this.sync.setOverlay([{ op: 'patch', id, props: box }]);
      },
      finish: () => {
        if (box) this.undo.perform([{ op: 'patch', id, props: box }]);
        this.sync.setOverlay(null);
        this.undo.end();
      },
    };
  }

  /**
   * Starts scaling several records with a handle of the box around them:
   * they keep their places and proportions inside the box (frames carry
   * their contents along). One undo step; pushed at most every 50 ms.
   * @param {Iterable<string>} ids
   * @param {string} handle n, ne, e, se, s, sw, w or nw
   * @returns {{update(dx: number, dy: number): void, finish(): void}}
   */
  startScale(ids, handle) {
    const view = this.view;
    const selected = [...ids].map((id) => view.get(id)).filter((r) => hasPosition(r) && !r.locked && this.mayChange(r));
    const from = boundsOf(selected);
    if (!from) return { update() {}, finish() {} };
    const frames = selected.filter((r) => r.type === 'frame').map((r) => r.id);
    const all = new Map(selected.map((r) => [r.id, r]));
    for (const id of descendantsOf(view, frames)) {
      const r = view.get(id);
      if (hasPosition(r) && !r.locked && this.mayChange(r)) all.set(id, r);
    }
    let changes = [];
    this.undo.begin();
    const pushes = throttle(() => this.undo.perform(changes), PUSH_INTERVAL_MS);
    return {
      update: (dx, dy) => {
        const to = resizeBox(from, handle, dx, dy);
        changes = [...scaleRecords([...all.values()], from, to)].map(([id, props]) => ({ op: 'patch', id, props }));
        this.sync.setOverlay(changes);
        pushes.request();
      },
      finish: () => {
        pushes.cancel();
        if (changes.length) this.undo.perform(changes);
        this.sync.setOverlay(null);
        this.undo.end();
      },
    };
  }
}
