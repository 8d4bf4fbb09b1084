/**
 * What this person may do on the open board, from their role (welcome,
 * then live "role" frames) and their user id. Interaction, keyboard,
 * actions and the toolbar ask here before offering or doing anything; the
 * server still decides.
 * @module permissions
 */

import { canComment, canEdit, canManage } from './roles.js';

const ALWAYS = new Set(['select', 'hand']);

/**
 * The current role and user, with change notification.
 */
export class Permissions {
  constructor() {
    this.role = null;
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
   * Sets the role and user id; notifies when either changed.
   * @param {{role?: string|null, userId?: string|null}} next
   */
  update({ role = this.role, userId = this.userId }) {
    if (role === this.role && userId === this.userId) return;
    const previous = this.role;
    this.role = role;
    this.userId = userId;
    document.body.dataset.role = role || 'none';
    for (const fn of this.listeners) fn(this, previous);
  }

  /** Whether records may be created, changed and deleted. */
  get canEdit() {
    return canEdit(this.role);
  }

  /** Whether comments may be added. */
  get canComment() {
    return canComment(this.role);
  }

  /** Whether people may be invited and access changed (share dialog). */
  get canManage() {
    return canManage(this.role);
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
    if (ALWAYS.has(tool)) return true;
    if (tool === 'comment') return this.canComment;
    return this.canEdit;
  }

  /**
   * Whether a record may be moved, patched (other than its text) or removed.
   * Editors may do that to every record; commenters only to their own comments.
   * @param {object} record
   */
  canChange(record) {
    if (!record || record.type === 'board') return false;
    if (record.type === 'comment') return this.canEdit || (this.canComment && this.isOwn(record));
    return this.canEdit;
  }

  /**
   * Whether a record's text (or title, label) may be edited. A comment's
   * text only by its author.
   * @param {object} record
   */
  canEditText(record) {
    if (!record || record.type === 'board') return false;
    if (record.type === 'comment') return this.canComment && this.isOwn(record);
    return this.canEdit;
  }
}
