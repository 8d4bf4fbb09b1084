/**
 * The board's share dialog (owners and facilitators): create an invitation
 * link, list and revoke this board's links, and the people with access
 * (share-people.js).
 * @module share-dialog
 */

import { t } from './i18n.js';
import { createInvite, listBoardInvites, revokeInvite } from './api.js';
import { copyText, errorText, focusBack, showFormError } from './dom.js';
import { BOARD_INVITE_ROLES, roleName } from './roles.js';
import { bindInviteForm, inviteRow } from './invite-list.js';
import { renderPeople } from './share-people.js';
import { toast } from './toast.js';

/**
 * Binds #share-button and #share-dialog of board.html.
 * @param {object} options
 * @param {string} options.boardId
 * @param {import('./permissions.js').Permissions} options.perms
 * @param {() => Promise<{workspace: string, workspaceName?: string}>} options.boardInfo
 */
export function installShare({ boardId, perms, boardInfo }) {
  const button = document.getElementById('share-button');
  const dialog = document.getElementById('share-dialog');
  const form = document.getElementById('invite-form');
  const roleField = document.getElementById('invite-role');
  const result = document.getElementById('invite-result');
  const linkField = document.getElementById('invite-link');
  const copyButton = document.getElementById('copy-invite');
  const list = document.getElementById('invite-list');
  const listEmpty = document.getElementById('invite-list-empty');
  const people = document.getElementById('access-list');

  const fillRoles = () => {
    const value = roleField.value || 'editor';
    roleField.replaceChildren(...BOARD_INVITE_ROLES.map((role) => {
      const option = document.createElement('option');
      option.value = role;
      option.textContent = roleName(role);
      return option;
    }));
    roleField.value = value;
  };

  const workspace = async () => (await boardInfo()).workspace;

  const loadInvites = async () => {
    try {
      const invites = (await listBoardInvites(boardId)).filter((i) => !i.revoked);
      list.replaceChildren(...invites.map((invite) => inviteRow(invite, { onRevoke: revoke })));
      listEmpty.hidden = invites.length > 0;
    } catch (error) {
      listEmpty.hidden = false;
      listEmpty.textContent = errorText(error);
    }
  };

  const revoke = async (invite, row) => {
    try {
      await revokeInvite(invite.id);
      row.remove();
      listEmpty.hidden = list.children.length > 0;
      toast(t('inviteRevoked'));
    } catch (error) {
      toast(errorText(error), { kind: 'error' });
    }
  };

  const loadPeople = () => renderPeople({ boardId, perms, list: people, workspace: boardInfo });

  const open = () => {
    if (!perms.canManage) return;
    fillRoles();
    showFormError(form);
    result.hidden = true;
    linkField.value = '';
    listEmpty.textContent = t('noInvites');
    listEmpty.hidden = true;
    dialog.showModal();
    roleField.focus();
    loadInvites();
    loadPeople();
  };

  button.addEventListener('click', open);
  document.getElementById('share-close').addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => focusBack(button));
  // Clicking the backdrop closes too.
  dialog.addEventListener('click', (e) => {
    if (e.target === dialog) dialog.close();
  });

  bindInviteForm(form, {
    create: async (value) => createInvite(await workspace(), { ...value, board: boardId }),
    linkField, result, onCreated: loadInvites,
  });

  copyButton.addEventListener('click', async () => {
    if (!linkField.value) return;
    const ok = await copyText(linkField.value, linkField);
    toast(ok ? t('linkCopied') : t('copyManually'));
  });

  // A role change that takes the right to share away closes the dialog.
  perms.onChange(() => {
    if (!perms.canManage && dialog.open) dialog.close();
  });
}
