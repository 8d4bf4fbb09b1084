/**
 * The set of selected record ids, with change notification.
 * @module selection
 */

/**
 * Selected record ids.
 */
export class Selection {
  constructor() {
    this.ids = new Set();
    this.listeners = new Set();
  }

  /**
   * Calls fn after every change.
   * @param {Function} fn
   */
  onChange(fn) {
    this.listeners.add(fn);
  }

  notify() {
    for (const fn of this.listeners) fn(this);
  }

  /** @returns {boolean} */
  has(id) {
    return this.ids.has(id);
  }

  /** @returns {number} */
  get size() {
    return this.ids.size;
  }

  /** The only selected id, or null. */
  get single() {
    return this.ids.size === 1 ? [...this.ids][0] : null;
  }

  /**
   * Replaces the selection.
   * @param {Iterable<string>} ids
   */
  set(ids) {
    const next = new Set(ids);
    if (next.size === this.ids.size && [...next].every((id) => this.ids.has(id))) return;
    this.ids = next;
    this.notify();
  }

  /**
   * Adds or removes one id.
   * @param {string} id
   */
  toggle(id) {
    if (this.ids.has(id)) this.ids.delete(id);
    else this.ids.add(id);
    this.notify();
  }

  /** Selects nothing. */
  clear() {
    this.set([]);
  }

  /**
   * Drops ids that no longer exist in the view.
   * @param {Map<string, object>} view
   */
  prune(view) {
    const kept = [...this.ids].filter((id) => view.has(id));
    if (kept.length !== this.ids.size) this.set(kept);
  }
}
