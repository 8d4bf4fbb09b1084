/**
 * Deleting and cutting the selection on the board page: the selected
 * records this person may remove go (actions.remove leaves out the rest),
 * the keyboard focus goes to the next record in reading order (else the
 * canvas) and the deletion is announced (SPEC W10).
 * @module delete-selection
 */

import { announce } from './announce.js';
import { tn } from './i18n.js';
import { readingSequence } from './outline-model.js';

/**
 * Removes the selected records this person may remove, clears the selection
 * and gives the canvas the keyboard focus.
 * @param {object} ctx shared board page objects (selection, actions, container)
 * @returns {number} how many of the selected records were removed
 */
export function removeSelected({ selection, actions, container, sync, renderer }) {
  const sequence = sync ? readingSequence(sync.getView().values()) : [];
  const removed = actions.remove(selection.ids);
  selection.clear();
  // The focus goes to the next record in reading order (else the one before, else the canvas).
  const gone = sync ? new Set(sequence.filter((r) => !sync.getView().has(r.id)).map((r) => r.id)) : new Set();
  const next = focusAfterRemoval(sequence, gone);
  renderer?.render();
  // Deleting from the outline: the focus stays there (it moves to the neighbouring row).
  if (document.activeElement?.closest?.('#outline-panel')) return removed.length;
  const el = next && renderer?.elements.get(next);
  if (el) el.focus({ preventScroll: true });
  else container.focus({ preventScroll: true });
  return removed.length;
}

/**
 * The record to focus once `removed` are gone: the next record in reading
 * order after the first removed one, else the one before.
 * @param {object[]} sequence reading sequence before the removal
 * @param {Set<string>} removed ids
 * @returns {string|null}
 */
export function focusAfterRemoval(sequence, removed) {
  const first = sequence.findIndex((r) => removed.has(r.id));
  if (first < 0) return null;
  for (let i = first + 1; i < sequence.length; i++) if (!removed.has(sequence[i].id)) return sequence[i].id;
  for (let i = first - 1; i >= 0; i--) if (!removed.has(sequence[i].id)) return sequence[i].id;
  return null;
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
