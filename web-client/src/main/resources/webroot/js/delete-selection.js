/**
 * Deleting and cutting the selection on the board page: the selected
 * records this person may remove go (actions.remove leaves out the rest),
 * the keyboard focus stays on the canvas (the removed record or the button
 * that removed it had it) and the deletion is announced (SPEC W10).
 * @module delete-selection
 */

import { announce } from './announce.js';
import { tn } from './i18n.js';

/**
 * Removes the selected records this person may remove, clears the selection
 * and gives the canvas the keyboard focus.
 * @param {object} ctx shared board page objects (selection, actions, container)
 * @returns {number} how many of the selected records were removed
 */
export function removeSelected({ selection, actions, container }) {
  const removed = actions.remove(selection.ids);
  selection.clear();
  container.focus({ preventScroll: true });
  return removed.length;
}

/**
 * Deletes the selected records this person may delete and announces how
 * many went (the Delete key and the selection bar's button).
 * @param {object} ctx shared board page objects (selection, actions, perms, container)
 */
export function deleteSelection(ctx) {
  if (!ctx.selection.size || !ctx.perms.canEdit) return;
  const n = removeSelected(ctx);
  announce(tn('deleted', n));
}
