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
    const view = sync.getView();
    const empty = !!sync.welcome && ![...view.values()].some((r) => r.type !== 'board');
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
