/**
 * "People with access" in the share dialog: everyone who can open the
 * board, with a role select and a remove button. A board-level role is
 * dropped on the board; someone who has access through the workspace is
 * removed from the whole workspace (owners only, after a confirmation).
 * @module share-people
 */

import { t } from './i18n.js';
import { listBoardMembers, removeBoardRole, removeMember, setBoardRole } from './api.js';
import { confirmDialog } from './dialogs.js';
import { el, errorText, icon, ICONS, roleBadge, roleSelect } from './dom.js';
import { assignableRoles, isOwner } from './roles.js';
import { initials, avatarColor } from './whoami.js';
import { toast } from './toast.js';

function details(user) {
  return [user.org, user.country, user.email].filter(Boolean).join(' · ');
}

function personRow(entry, { self, perms, onRole, onRemove }) {
  const user = entry.user || {};
  const name = user.name || '?';
  const avatar = el('span', { className: 'avatar', textContent: initials(name), attrs: { 'aria-hidden': 'true' } });
  avatar.style.background = avatarColor({ id: user.id, name });
  const source = el('span', {
    className: 'badge source-badge',
    textContent: entry.source === 'board' ? t('accessBoard') : t('accessWorkspace'),
    dataset: { source: entry.source || 'workspace' },
  });
  const text = el('span', { className: 'person-text' }, [
    el('span', { className: 'person-name', textContent: self ? t('nameYou', { name }) : name }),
    el('span', { className: 'person-details', textContent: details(user) }),
  ]);
  const row = el('li', { className: 'access-row', dataset: { accessUser: user.id, source: entry.source || 'workspace' } },
    [avatar, text, source]);
  // Nobody changes their own role here, nor the role of someone above them.
  if (self || !assignableRoles(perms.role).includes(entry.role)) {
    row.append(roleBadge(entry.role));
    return row;
  }
  const select = roleSelect(assignableRoles(perms.role), entry.role, { className: 'compact-select' });
  select.dataset.accessRole = user.id;
  select.setAttribute('aria-label', t('roleOf', { name }));
  select.addEventListener('change', () => onRole(entry, select));
  row.append(select);
  // Removing someone from the workspace is for owners.
  if (entry.source === 'board' || isOwner(perms.role)) {
    const remove = el('button', { type: 'button', className: 'icon-button danger-hover', title: t('removeAccessFor', { name }) },
      [icon(ICONS.close)]);
    remove.dataset.revokeUser = user.id;
    remove.setAttribute('aria-label', t('removeAccessFor', { name }));
    remove.addEventListener('click', () => onRemove(entry, row));
    row.append(remove);
  }
  return row;
}

/**
 * Loads and renders the people with access into a list.
 * @param {object} options
 * @param {string} options.boardId
 * @param {import('./permissions.js').Permissions} options.perms
 * @param {HTMLElement} options.list the <ul>
 * @param {() => Promise<{workspace: string, workspaceName?: string}>} options.workspace
 * @returns {Promise<void>}
 */
export async function renderPeople({ boardId, perms, list, workspace }) {
  const reload = () => renderPeople({ boardId, perms, list, workspace });
  list.setAttribute('aria-busy', 'true');
  let entries;
  try {
    entries = await listBoardMembers(boardId);
  } catch (error) {
    list.replaceChildren(el('li', { className: 'list-message', textContent: errorText(error) }));
    list.removeAttribute('aria-busy');
    return;
  }
  const onRole = async (entry, select) => {
    try {
      await setBoardRole(boardId, entry.user.id, select.value);
      toast(t('roleChanged', { name: entry.user.name, role: t(`role.${select.value}`) }));
      reload();
    } catch (error) {
      select.value = entry.role;
      toast(errorText(error), { kind: 'error' });
    }
  };
  const onRemove = async (entry, row) => {
    const name = entry.user.name || '?';
    try {
      if (entry.source === 'board') {
        await removeBoardRole(boardId, entry.user.id);
      } else {
        const info = await workspace();
        const ok = await confirmDialog({
          title: t('removeFromWorkspaceTitle'),
          message: t('removeFromWorkspaceConfirm', { name, workspace: info.workspaceName || t('thisWorkspace') }),
          confirmLabel: t('removeFromWorkspace'),
        });
        if (!ok) return;
        await removeMember(info.workspace, entry.user.id);
      }
      row.remove();
      toast(entry.source === 'board' ? t('boardRoleRemoved', { name }) : t('accessRemoved', { name }));
      reload();
    } catch (error) {
      toast(errorText(error), { kind: 'error' });
    }
  };
  const sorted = [...entries].sort((a, b) => (a.user?.name || '').localeCompare(b.user?.name || ''));
  list.replaceChildren(...sorted.map((entry) => personRow(entry, {
    self: entry.user?.id === perms.userId, perms, onRole, onRemove,
  })));
  list.removeAttribute('aria-busy');
}
