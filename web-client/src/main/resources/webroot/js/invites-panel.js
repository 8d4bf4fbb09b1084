/**
 * The workspace's invitations panel (#invitations, owners and
 * facilitators): create a link for the workspace or one board, list and
 * revoke open invitations.
 * @module invites-panel
 */

import { t } from './i18n.js';
import { createInvite, listInvites, revokeInvite } from './api.js';
import { copyText, el, errorText } from './dom.js';
import { assignableRoles, roleName } from './roles.js';
import { bindInviteForm, inviteRow } from './invite-list.js';
import { toast } from './toast.js';

/**
 * Wires the panel; returns its loader (called when the tab opens).
 * @param {{ws: string, workspace: {role: string}, boards: object[]}} page
 * @returns {() => Promise<void>}
 */
export function installInvites(page) {
  const form = document.getElementById('new-invite');
  const roleField = document.getElementById('ws-invite-role');
  const boardField = document.getElementById('ws-invite-board');
  const result = document.getElementById('ws-invite-result');
  const linkField = document.getElementById('ws-invite-link');
  const list = document.getElementById('ws-invite-list');
  const empty = document.getElementById('ws-invite-empty');

  const fillFields = () => {
    const role = roleField.value || 'editor';
    roleField.replaceChildren(...assignableRoles(page.workspace.role)
      .map((r) => el('option', { value: r, textContent: roleName(r) })));
    roleField.value = role;
    const board = boardField.value;
    boardField.replaceChildren(el('option', { value: '', textContent: t('wholeWorkspace') }),
      ...page.boards.map((b) => el('option', { value: b.id, textContent: b.title })));
    boardField.value = page.boards.some((b) => b.id === board) ? board : '';
  };

  const revoke = async (invite, row) => {
    try {
      await revokeInvite(invite.id);
      row.remove();
      empty.hidden = list.children.length > 0;
      toast(t('inviteRevoked'));
    } catch (error) {
      toast(errorText(error), { kind: 'error' });
    }
  };

  const load = async () => {
    fillFields();
    try {
      const invites = (await listInvites(page.ws)).filter((i) => !i.revoked);
      const titles = new Map(page.boards.map((b) => [b.id, b.title]));
      list.replaceChildren(...invites.map((invite) => inviteRow(invite, {
        boardTitle: titles.get(invite.board) || null, showScope: true, onRevoke: revoke,
      })));
      empty.textContent = t('noInvites');
      empty.hidden = invites.length > 0;
    } catch (error) {
      empty.textContent = errorText(error);
      empty.hidden = false;
    }
  };

  bindInviteForm(form, { create: (value) => createInvite(page.ws, value), linkField, result, onCreated: load });

  document.getElementById('copy-ws-invite').addEventListener('click', async () => {
    if (!linkField.value) return;
    const ok = await copyText(linkField.value, linkField);
    toast(ok ? t('linkCopied') : t('copyManually'));
  });

  return load;
}
