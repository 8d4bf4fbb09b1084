/**
 * The start page: the signed-in person's workspaces, and a form to create one.
 * @module workspaces-page
 */

import './theme.js';
import { applyI18n, t } from './i18n.js';
import { keepSessionFresh, requireAuth } from './auth.js';
import { createWorkspace, listWorkspaces } from './api.js';
import { el, errorText, roleBadge, setBusy, showFormError } from './dom.js';
import { installAccountChrome, setupLanguageSelect } from './chrome.js';
import { installNotifications } from './notifications.js';

const auth = await requireAuth();
const list = document.getElementById('workspace-list');
const message = document.getElementById('workspaces-message');
const form = document.getElementById('new-workspace');
const nameInput = document.getElementById('new-workspace-name');

const ACCENTS = ['#4263EB', '#0CA678', '#F76707', '#AE3EC9', '#1098AD', '#E03131', '#5C940D', '#D6336C'];

function accentFor(id) {
  let hash = 0;
  for (const c of id) hash = (hash * 31 + c.charCodeAt(0)) >>> 0;
  return ACCENTS[hash % ACCENTS.length];
}

function workspaceItem(workspace) {
  const initial = [...(workspace.name || '?').trim()][0]?.toUpperCase() || '?';
  const mark = el('span', { className: 'workspace-mark', textContent: initial, attrs: { 'aria-hidden': 'true' } });
  mark.style.background = accentFor(workspace.id);
  const link = el('a', { className: 'workspace-link', href: `workspace.html?ws=${encodeURIComponent(workspace.id)}` }, [
    mark,
    el('span', { className: 'workspace-text' }, [
      el('span', { className: 'workspace-name', textContent: workspace.name }),
      el('span', { className: 'workspace-meta' }, [roleBadge(workspace.role)]),
    ]),
  ]);
  return el('li', { className: 'workspace-card', dataset: { workspaceId: workspace.id } }, [link]);
}

async function refresh() {
  try {
    const workspaces = await listWorkspaces();
    list.replaceChildren(...workspaces.map(workspaceItem));
    message.textContent = workspaces.length ? '' : t('noWorkspaces');
  } catch (error) {
    message.textContent = `${t('workspacesLoadFailed')} ${errorText(error)}`;
  }
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  showFormError(form);
  const name = nameInput.value.trim().slice(0, 200);
  if (!name) {
    showFormError(form, t('workspaceNameMissing'));
    nameInput.focus();
    return;
  }
  setBusy(form, true);
  try {
    const workspace = await createWorkspace(name);
    nameInput.value = '';
    message.textContent = '';
    const item = workspaceItem(workspace);
    item.classList.add('fresh');
    list.prepend(item);
    item.querySelector('a').focus();
  } catch (error) {
    showFormError(form, errorText(error));
  } finally {
    setBusy(form, false);
  }
});

applyI18n(document);
document.title = `${t('workspacesHeading')} — ${t('appName')}`;
setupLanguageSelect(() => {
  document.title = `${t('workspacesHeading')} — ${t('appName')}`;
  refresh();
});
installAccountChrome(auth);
installNotifications();
keepSessionFresh();
refresh();
