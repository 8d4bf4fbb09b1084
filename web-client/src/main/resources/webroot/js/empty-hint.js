/**
 * The hint on an empty board: what to do first, for the role at hand.
 * @module empty-hint
 */

import { t } from './i18n.js';

/**
 * Shows #empty-hint while the board has no records (after the first welcome).
 * @param {object} options
 * @param {import('./sync.js').SyncClient} options.sync
 * @param {import('./permissions.js').Permissions} options.perms
 * @param {HTMLElement} options.hint
 */
export function installEmptyHint({ sync, perms, hint }) {
  const title = hint.querySelector('.empty-hint-title');
  const text = hint.querySelector('.empty-hint-text');
  const render = () => {
    const empty = !!sync.welcome && !hasRecords(sync.getView());
    hint.hidden = !empty;
    if (!empty) return;
    title.textContent = t('emptyBoardTitle');
    text.textContent = perms.canEdit ? t('emptyBoardEdit') : perms.canComment ? t('emptyBoardComment') : t('emptyBoardView');
  };
  sync.on('change', render);
  sync.on('welcome', render);
  perms.onChange(render);
  render();
}

// Stops at the first record: this runs on every change of the board.
function hasRecords(view) {
  for (const record of view.values()) if (record.type !== 'board') return true;
  return false;
}
