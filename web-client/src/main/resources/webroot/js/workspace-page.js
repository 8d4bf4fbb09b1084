/**
 * One workspace (workspace.html?ws=ID): its boards, and for those allowed,
 * members, invitations and the audit log, as tabs.
 * @module workspace-page
 */

import './theme.js';
import { applyI18n, t } from './i18n.js';
import { keepSessionFresh, requireAuth } from './auth.js';
import { createBoard, deleteBoard, getWorkspace, listBoards } from './api.js';
import { el, errorText, formatDate, icon, ICONS, roleBadge, setBusy, showFormError } from './dom.js';
import { canEdit, canManage, isOwner } from './roles.js';
import { confirmDialog } from './dialogs.js';
import { installAccountChrome, setupLanguageSelect } from './chrome.js';
import { installNotifications } from './notifications.js';
import { toast } from './toast.js';
import { loadMembers } from './members-panel.js';
import { installInvites } from './invites-panel.js';
import { installAudit } from './audit-panel.js';

const auth = await requireAuth();
const wsId = new URLSearchParams(location.search).get('ws');
if (!wsId) {
  location.replace('./');
  await new Promise(() => {});
}

const list = document.getElementById('board-list');
const boardsMessage = document.getElementById('boards-message');
const form = document.getElementById('new-board');
const titleInput = document.getElementById('new-board-title');
const pageMessage = document.getElementById('workspace-message');

const ACCENTS = ['#FFD43B', '#FF8787', '#74C0FC', '#8CE99A', '#FFA94D', '#B197FC', '#63E6BE', '#F783AC'];

// Two different accent colours per board, stable for its id.
function accentsFor(id) {
  let hash = 0;
  for (const c of id) hash = (hash * 31 + c.charCodeAt(0)) >>> 0;
  const first = hash % ACCENTS.length;
  const second = (first + 1 + ((hash >>> 5) % (ACCENTS.length - 1))) % ACCENTS.length;
  return [ACCENTS[first], ACCENTS[second]];
}

/** The page state shared with the panels. */
const page = { ws: wsId, workspace: null, boards: [], userId: auth.user?.id ?? null };

function boardItem(board) {
  const [accent, accent2] = accentsFor(board.id);
  const link = el('a', { className: 'board-link', href: `board.html?board=${encodeURIComponent(board.id)}` }, [
    el('span', { className: 'board-preview', attrs: { 'aria-hidden': 'true' } }),
    el('span', { className: 'board-title-text', textContent: board.title }),
    el('span', { className: 'board-meta' }, [
      roleBadge(board.role),
      el('span', { textContent: t('createdOn', { date: formatDate(board.createdAt) }) }),
    ]),
  ]);
  const item = el('li', { className: 'board-card', dataset: { boardId: board.id, role: board.role || 'none' } }, [link]);
  item.style.setProperty('--accent', accent);
  item.style.setProperty('--accent-2', accent2);
  if (canManage(board.role)) {
    const remove = el('button', { type: 'button', className: 'icon-button board-delete', title: t('deleteBoard', { title: board.title }) },
      [icon(ICONS.trash)]);
    remove.dataset.deleteBoard = board.id;
    remove.setAttribute('aria-label', t('deleteBoard', { title: board.title }));
    remove.addEventListener('click', () => onDelete(board, item));
    item.append(remove);
  }
  return item;
}

function renderBoards() {
  list.replaceChildren(...page.boards.map(boardItem));
  boardsMessage.textContent = page.boards.length ? '' : t(canEdit(page.workspace?.role) ? 'noBoards' : 'noBoardsYet');
}

async function loadBoards() {
  try {
    page.boards = await listBoards(wsId);
    renderBoards();
  } catch (error) {
    boardsMessage.textContent = `${t('loadFailed')} ${errorText(error)}`;
  }
}

async function onDelete(board, item) {
  const ok = await confirmDialog({
    title: t('deleteBoardTitle'),
    message: t('deleteBoardConfirm', { title: board.title }),
    confirmLabel: t('delete'),
  });
  if (!ok) return;
  try {
    await deleteBoard(board.id);
  } catch (error) {
    if (error.status !== 404) {
      toast(t('deleteFailed', { message: errorText(error) }), { kind: 'error' });
      return;
    }
  }
  item.remove();
  page.boards = page.boards.filter((b) => b.id !== board.id);
  if (!page.boards.length) renderBoards();
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  showFormError(form);
  const title = titleInput.value.trim().slice(0, 200);
  if (!title) {
    showFormError(form, t('boardTitleMissing'));
    titleInput.focus();
    return;
  }
  setBusy(form, true);
  try {
    const board = await createBoard(wsId, title);
    titleInput.value = '';
    page.boards.unshift(board);
    renderBoards();
    list.querySelector(`[data-board-id="${CSS.escape(board.id)}"]`)?.classList.add('fresh');
    list.querySelector(`[data-board-id="${CSS.escape(board.id)}"] a`)?.focus();
  } catch (error) {
    showFormError(form, t('createFailed', { message: errorText(error) }));
  } finally {
    setBusy(form, false);
  }
});

// Tabs (WAI-ARIA tabs pattern: arrows move between them).
const tabs = [...document.querySelectorAll('[role=tab]')];
const loaders = { members: () => loadMembers(page), invitations: null, audit: null };

function selectTab(tab, { focus = false } = {}) {
  for (const other of tabs) {
    const selected = other === tab;
    other.setAttribute('aria-selected', String(selected));
    other.tabIndex = selected ? 0 : -1;
    document.getElementById(other.getAttribute('aria-controls')).hidden = !selected;
  }
  if (focus) tab.focus();
  const panel = tab.getAttribute('aria-controls');
  history.replaceState(null, '', panel === 'boards' ? location.pathname + location.search : `#${panel}`);
  loaders[panel]?.();
}

for (const tab of tabs) {
  tab.addEventListener('click', () => selectTab(tab));
  tab.addEventListener('keydown', (e) => {
    const visible = tabs.filter((x) => !x.hidden);
    const i = visible.indexOf(tab);
    const next = { ArrowRight: visible[(i + 1) % visible.length], ArrowLeft: visible[(i - 1 + visible.length) % visible.length],
      Home: visible[0], End: visible[visible.length - 1] }[e.key];
    if (!next) return;
    e.preventDefault();
    selectTab(next, { focus: true });
  });
}

function renderHeader() {
  const ws = page.workspace;
  const name = ws?.name || '';
  document.getElementById('workspace-name').textContent = name;
  document.getElementById('crumb-name').textContent = name;
  document.getElementById('workspace-role').replaceChildren(ws?.role !== undefined ? roleBadge(ws.role) : '');
  document.title = `${name || t('tabBoards')} — ${t('appName')}`;
}

async function start() {
  try {
    page.workspace = await getWorkspace(wsId);
  } catch (error) {
    pageMessage.textContent = error.status === 404 || error.status === 403 ? t('workspaceNotFound') : errorText(error);
    document.getElementById('workspace-name').textContent = t('tabBoards');
    return;
  }
  const role = page.workspace.role ?? null;
  document.body.dataset.role = role || 'none';
  renderHeader();
  form.hidden = !canEdit(role);
  document.getElementById('tab-members').hidden = !role;
  document.getElementById('tab-invitations').hidden = !canManage(role);
  document.getElementById('tab-audit').hidden = !isOwner(role);
  if (canManage(role)) loaders.invitations = installInvites(page);
  if (isOwner(role)) loaders.audit = installAudit(page);
  await loadBoards();
  const wanted = tabs.find((tab) => `#${tab.getAttribute('aria-controls')}` === location.hash && !tab.hidden);
  if (wanted) selectTab(wanted);
}

applyI18n(document);
setupLanguageSelect(() => {
  renderHeader();
  renderBoards();
  const open = tabs.find((tab) => tab.getAttribute('aria-selected') === 'true');
  if (open) loaders[open.getAttribute('aria-controls')]?.();
});
installAccountChrome(auth);
installNotifications();
keepSessionFresh();
start();
