/**
 * The board list page: list, create, open and delete boards.
 * @module boards-page
 */

import { applyI18n, getLanguage, LANGUAGES, setLanguage, t } from './i18n.js';
import { createBoard, deleteBoard, listBoards } from './api.js';
import { confirmDialog, promptName, storedName } from './dialogs.js';
import { renderWhoAmI } from './whoami.js';
import { toast } from './toast.js';

const list = document.getElementById('board-list');
const message = document.getElementById('boards-message');
const form = document.getElementById('create-board-form');
const titleInput = document.getElementById('new-board-title');
const whoami = document.getElementById('whoami');

const ACCENTS = ['#FFD43B', '#FF8787', '#74C0FC', '#8CE99A', '#FFA94D', '#B197FC', '#63E6BE', '#F783AC'];

// Two different accent colours per board, stable for its id.
function accentsFor(id) {
  let hash = 0;
  for (const c of id) hash = (hash * 31 + c.charCodeAt(0)) >>> 0;
  const first = hash % ACCENTS.length;
  const second = (first + 1 + ((hash >>> 5) % (ACCENTS.length - 1))) % ACCENTS.length;
  return [ACCENTS[first], ACCENTS[second]];
}

function formatDate(ms) {
  try {
    return new Intl.DateTimeFormat(getLanguage(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(ms));
  } catch {
    return new Date(ms).toISOString();
  }
}

function boardItem(board) {
  const item = document.createElement('li');
  item.className = 'board-card';
  item.dataset.boardId = board.id;
  const [accent, accent2] = accentsFor(board.id);
  item.style.setProperty('--accent', accent);
  item.style.setProperty('--accent-2', accent2);

  const link = document.createElement('a');
  link.className = 'board-link';
  link.href = `board.html?id=${encodeURIComponent(board.id)}`;
  const title = document.createElement('span');
  title.className = 'board-title-text';
  title.textContent = board.title;
  const meta = document.createElement('span');
  meta.className = 'board-meta';
  meta.textContent = t('createdOn', { date: formatDate(board.createdAt) });
  const preview = document.createElement('span');
  preview.className = 'board-preview';
  preview.setAttribute('aria-hidden', 'true');
  link.append(preview, title, meta);

  const remove = document.createElement('button');
  remove.type = 'button';
  remove.className = 'icon-button board-delete';
  remove.dataset.boardId = board.id;
  remove.setAttribute('aria-label', t('deleteBoard', { title: board.title }));
  remove.title = remove.getAttribute('aria-label');
  remove.append(trashIcon());
  remove.addEventListener('click', () => onDelete(board, item));

  item.append(link, remove);
  return item;
}

function trashIcon() {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  const path = document.createElementNS(ns, 'path');
  path.setAttribute('d', 'M4 7h16M9 7V4h6v3M6 7l1 13h10l1-13M10 11v6M14 11v6');
  svg.append(path);
  return svg;
}

async function refresh() {
  try {
    const boards = await listBoards();
    list.replaceChildren(...boards.map(boardItem));
    message.textContent = boards.length ? '' : t('noBoards');
  } catch {
    message.textContent = t('loadFailed');
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
    item.remove();
    if (!list.children.length) message.textContent = t('noBoards');
  } catch (error) {
    if (error.status === 404) item.remove();
    else toast(t('deleteFailed', { message: error.message }), { kind: 'error' });
  }
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const title = titleInput.value.trim();
  if (!title) return;
  try {
    const board = await createBoard(title.slice(0, 200));
    location.href = `board.html?id=${encodeURIComponent(board.id)}`;
  } catch (error) {
    toast(t('createFailed', { message: error.message }), { kind: 'error' });
  }
});

function setupLanguages() {
  const select = document.getElementById('language-select');
  for (const [code, name] of Object.entries(LANGUAGES)) {
    const option = document.createElement('option');
    option.value = code;
    option.textContent = name;
    select.append(option);
  }
  select.value = getLanguage();
  select.addEventListener('change', () => {
    setLanguage(select.value);
    renderWhoAmI(whoami, storedName());
    refresh();
  });
}

whoami.addEventListener('click', async () => {
  const name = await promptName({ initial: storedName() || '', cancellable: true });
  if (name) renderWhoAmI(whoami, name);
});

applyI18n(document);
setupLanguages();
renderWhoAmI(whoami, storedName());
refresh();
