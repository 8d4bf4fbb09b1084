/**
 * Follows the role on the board page: the role from the welcome and live
 * "role" frames goes into Permissions; the title field, the role badge and
 * an open text edit follow at once.
 * @module role-ui
 */

import { t } from './i18n.js';
import { roleName } from './roles.js';
import { toast } from './toast.js';

/**
 * @param {object} options
 * @param {import('./sync.js').SyncClient} options.sync
 * @param {import('./permissions.js').Permissions} options.perms
 * @param {import('./editor.js').TextEditor} options.editor
 * @param {import('./canvas.js').CanvasRenderer} options.renderer
 * @param {HTMLInputElement} options.titleInput
 */
export function installRoleUi({ sync, perms, editor, renderer, titleInput }) {
  const badge = document.getElementById('role-badge');

  sync.on('welcome', (message) => perms.update({ userId: message.you?.id ?? null, schema: sync.schema }));
  sync.on('role', ({ role, allowed }) => perms.update({ role, allowed }));

  const render = () => {
    titleInput.readOnly = !perms.canEdit;
    titleInput.setAttribute('aria-readonly', String(!perms.canEdit));
    const limited = perms.role && !perms.canEdit;
    badge.hidden = !limited;
    if (limited) {
      badge.dataset.role = perms.role;
      badge.textContent = perms.role === 'commenter' ? t('badgeCommenter') : t('badgeViewer');
      badge.title = perms.role === 'commenter' ? t('commentOnly') : t('readOnly');
    }
  };

  perms.onChange((p, previous) => {
    render();
    if (editor.active && !p.canEditText(sync.view.get(editor.id))) editor.cancel();
    // Comment pins name their author through perms (isOwn): drawn again. The
    // render this schedules also decides resize handles from the new role.
    renderer.refreshComments();
    if (!p.role || previous === p.role) return;
    if (previous) toast(t('roleChangedYou', { role: roleName(p.role) }));
    else if (p.role === 'viewer') toast(t('readOnly'));
    else if (p.role === 'commenter') toast(t('commentOnly'));
  });
  render();
}
