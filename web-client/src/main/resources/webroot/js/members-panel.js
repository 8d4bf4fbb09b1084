/**
 * The workspace's members panel (#members): name, organisation, country and
 * role of everyone; owners change roles and remove people.
 * @module members-panel
 */

import { t } from './i18n.js';
import { listMembers, removeMember, setMemberRole } from './api.js';
import { el, errorText, icon, ICONS, roleBadge, roleSelect } from './dom.js';
import { ROLES, isOwner, roleName } from './roles.js';
import { confirmDialog } from './dialogs.js';
import { avatarColor, initials } from './whoami.js';
import { toast } from './toast.js';

function nameCell(user, self) {
  const name = user.name || '?';
  const avatar = el('span', { className: 'avatar', textContent: initials(name), attrs: { 'aria-hidden': 'true' } });
  avatar.style.background = avatarColor({ id: user.id, name });
  return el('td', {}, [el('span', { className: 'member-name' }, [
    avatar,
    el('span', { className: 'person-text' }, [
      el('span', { className: 'person-name', textContent: self ? t('nameYou', { name }) : name }),
      user.email ? el('span', { className: 'person-details', textContent: user.email }) : null,
    ]),
  ])]);
}

function memberRow(entry, { page, owner, onRole, onRemove }) {
  const user = entry.user || {};
  const self = user.id === page.userId;
  const roleCell = el('td');
  const actions = el('td', { className: 'actions-cell' });
  if (owner && !self) {
    const select = roleSelect(ROLES, entry.role, { className: 'compact-select' });
    select.dataset.roleSelect = user.id;
    select.setAttribute('aria-label', t('roleOf', { name: user.name || '?' }));
    select.addEventListener('change', () => onRole(entry, select));
    roleCell.append(select);
    const remove = el('button', { type: 'button', className: 'icon-button danger-hover', title: t('removeMemberNamed', { name: user.name }) },
      [icon(ICONS.trash)]);
    remove.dataset.removeMember = user.id;
    remove.setAttribute('aria-label', t('removeMemberNamed', { name: user.name }));
    remove.addEventListener('click', () => onRemove(entry, row));
    actions.append(remove);
  } else {
    roleCell.append(roleBadge(entry.role));
  }
  const row = el('tr', { dataset: { memberId: user.id, role: entry.role } }, [
    nameCell(user, self),
    el('td', { textContent: user.org || '—' }),
    el('td', { textContent: user.country || '—' }),
    roleCell,
    actions,
  ]);
  return row;
}

/**
 * Loads and renders the members.
 * @param {{ws: string, workspace: {name: string, role: string}, userId: string}} page
 * @returns {Promise<void>}
 */
export async function loadMembers(page) {
  const body = document.getElementById('member-rows');
  const message = document.getElementById('members-message');
  const owner = isOwner(page.workspace?.role);
  const onRole = async (entry, select) => {
    try {
      await setMemberRole(page.ws, entry.user.id, select.value);
      entry.role = select.value;
      select.closest('tr').dataset.role = select.value;
      toast(t('roleChanged', { name: entry.user.name, role: roleName(select.value) }));
    } catch (error) {
      select.value = entry.role;
      toast(errorText(error), { kind: 'error' });
    }
  };
  const onRemove = async (entry, row) => {
    const ok = await confirmDialog({
      title: t('removeMemberTitle'),
      message: t('removeFromWorkspaceConfirm', { name: entry.user.name || '?', workspace: page.workspace.name }),
      confirmLabel: t('removeFromWorkspace'),
    });
    if (!ok) return;
    try {
      await removeMember(page.ws, entry.user.id);
      row.remove();
      toast(t('accessRemoved', { name: entry.user.name || '?' }));
    } catch (error) {
      toast(errorText(error), { kind: 'error' });
    }
  };
  try {
    const members = await listMembers(page.ws);
    members.sort((a, b) => ROLES.indexOf(a.role) - ROLES.indexOf(b.role) || (a.user?.name || '').localeCompare(b.user?.name || ''));
    body.replaceChildren(...members.map((entry) => memberRow(entry, { page, owner, onRole, onRemove })));
    message.textContent = members.length ? '' : t('noMembers');
  } catch (error) {
    message.textContent = errorText(error);
  }
}
