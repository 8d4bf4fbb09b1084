/**
 * What this person may do on the open board: the board actions the server
 * says their role allows (welcome.allowed, then live "role" frames), read
 * against the record types of welcome.schema, and their user id.
 * Interaction, keyboard, actions and the toolbar ask here before offering or
 * doing anything; the server still decides. No permission table of its own.
 * @module permissions
 */

import { Schema } from './schema.js';

const ALWAYS = new Set(['select', 'hand']);

/**
 * The current role and user, with change notification.
 */
export class Permissions {
  constructor() {
    this.role = null;
    this.allowed = new Set();
    this.schema = new Schema();
    this.userId = null;
    this.created = new Set();
    this.listeners = new Set();
  }

  /**
   * Remembers a record this page created: it counts as own before the
   * server has stamped its createdBy.
   * @param {string} id
   */
  markOwn(id) {
    this.created.add(id);
  }

  /**
   * Calls fn(permissions, previousRole) after the role or user changed.
   * @param {Function} fn
   */
  onChange(fn) {
    this.listeners.add(fn);
  }

  /**
   * Sets the role, what it allows, the schema and the user id; notifies when
   * any changed.
   * @param {{role?: string|null, allowed?: Iterable<string>, schema?: Schema, userId?: string|null}} next
   */
  update({ role = this.role, allowed = this.allowed, schema = this.schema, userId = this.userId }) {
    const nextAllowed = new Set(allowed);
    const same = role === this.role && userId === this.userId && schema === this.schema
      && nextAllowed.size === this.allowed.size && [...nextAllowed].every((a) => this.allowed.has(a));
    if (same) return;
    const previous = this.role;
    this.role = role;
    this.allowed = nextAllowed;
    this.schema = schema;
    this.userId = userId;
    if (typeof document !== 'undefined') document.body.dataset.role = role || 'none';
    for (const fn of this.listeners) fn(this, previous);
  }

  /** Whether records may be created, changed and deleted (not only comments). */
  get canEdit() {
    return this.allowed.has('PUSH_EDIT');
  }

  /** Whether comments may be added. */
  get canComment() {
    return this.canCreate('comment');
  }

  /** Whether people may be invited and access changed (share dialog). */
  get canManage() {
    return this.allowed.has('MANAGE_BOARD_ROLES');
  }

  /**
   * Whether a record of the type may be created.
   * @param {string} type
   */
  canCreate(type) {
    const spec = this.schema.type(type);
    return !!spec && !spec.singleton && this.allowed.has(spec.action);
  }

  /**
   * Whether a record was made by this person.
   * @param {object} record
   */
  isOwn(record) {
    if (!record) return false;
    if (record.createdBy) return !!this.userId && record.createdBy === this.userId;
    return this.created.has(record.id);
  }

  /**
   * Whether a toolbar tool may be used.
   * @param {string} tool
   */
  canUseTool(tool) {
    return ALWAYS.has(tool) || this.canCreate(tool);
  }

  /**
   * Whether a record may be moved, patched (other than author-only props)
   * or removed: the type's action for one's own records, its othersAction
   * for everyone else's (a commenter changes only their own comments).
   * @param {object} record
   */
  canChange(record) {
    const spec = record && this.schema.type(record.type);
    if (!spec || spec.singleton) return false;
    return this.allowed.has(this.isOwn(record) ? spec.action : spec.othersAction);
  }

  /**
   * Whether a record's text (or title, label) may be edited: as canChange,
   * and only by its author where the schema says text is author-only.
   * @param {object} record
   */
  canEditText(record) {
    if (!this.canChange(record)) return false;
    return this.isOwn(record) || !this.schema.type(record.type).authorOnly?.includes('text');
  }
}
