/**
 * The invitation page (join.html#CODE). The code is read from the fragment
 * (never sent in a URL, only in POST bodies) and kept in sessionStorage
 * while the person signs in or signs up, which come back here.
 * @module join-page
 */

import './theme.js';
import { applyI18n, t } from './i18n.js';
import { getAuth, keepSessionFresh, signinHref, storeGuest } from './auth.js';
import { acceptInvite, joinAsGuest, previewInvite } from './api.js';
import { errorText, formatDate, roleBadge, setBusy, showFormError } from './dom.js';
import { fillCountryList } from './dialogs.js';
import { installAccountChrome, setupLanguageSelect } from './chrome.js';

const CODE_KEY = 'crossboard.invite';
const $ = (id) => document.getElementById(id);

function readCode() {
  let code = '';
  try { code = decodeURIComponent(location.hash.slice(1)).trim(); } catch { /* malformed escape */ }
  try {
    if (code) sessionStorage.setItem(CODE_KEY, code);
    else code = sessionStorage.getItem(CODE_KEY) || '';
  } catch { /* storage unavailable */ }
  // Put it back in the fragment (after a sign-in round trip), so a reload still works.
  if (code && !location.hash) history.replaceState(null, '', `${location.pathname}${location.search}#${code}`);
  return code;
}

function forgetCode() {
  try { sessionStorage.removeItem(CODE_KEY); } catch { /* storage unavailable */ }
}

function showError(message) {
  $('invite-loading').hidden = true;
  $('invite-preview').hidden = true;
  $('join-account').hidden = true;
  $('guest-form').hidden = true;
  const box = $('invite-error');
  box.textContent = message;
  box.hidden = false;
}

function failureText(error) {
  if (error.status === 410 || error.code === 'ERR_INVITE_INVALID') {
    forgetCode(); // a dead code is not worth keeping for the next visit
    return t('inviteInvalid');
  }
  return errorText(error);
}

const code = readCode();
const auth = getAuth();
let preview = null;

function render() {
  if (!preview) return;
  const isBoard = !!preview.boardTitle;
  $('invite-loading').hidden = true;
  $('invite-preview').hidden = false;
  $('preview-board').hidden = !isBoard;
  $('preview-board').textContent = preview.boardTitle || '';
  $('preview-workspace').textContent = isBoard ? t('inWorkspace', { name: preview.workspaceName }) : preview.workspaceName;
  const role = !auth && isBoard ? preview.guestRole || preview.role : preview.role;
  $('preview-role').replaceChildren(roleBadge(role));
  $('preview-expires').textContent = formatDate(preview.expiresAt);
  $('join-account').hidden = !auth;
  if (auth) $('join-account-text').textContent = t('joinAs', { name: auth.user?.name || auth.user?.email || '' });
  $('guest-form').hidden = !!auth || !isBoard;
  $('join-links').hidden = !!auth;
  $('join-links-text').textContent = isBoard ? t('haveAccountJoin') : t('signInToJoin');
  // Come back here after signing in; the code waits in sessionStorage.
  $('join-signin').href = signinHref('/join.html', 'signin.html');
  $('join-signup').href = signinHref('/join.html', 'signup.html');
}

async function start() {
  if (!code) {
    showError(t('inviteMissing'));
    return;
  }
  try {
    preview = await previewInvite(code);
    render();
  } catch (error) {
    showError(failureText(error));
  }
}

$('accept-invite').addEventListener('click', async () => {
  const button = $('accept-invite');
  button.disabled = true;
  try {
    const joined = await acceptInvite(code);
    forgetCode();
    location.replace(joined.board
      ? `board.html?board=${encodeURIComponent(joined.board)}`
      : `workspace.html?ws=${encodeURIComponent(joined.workspace)}`);
  } catch (error) {
    showError(failureText(error));
    button.disabled = false;
  }
});

$('guest-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = $('guest-form');
  const name = form.elements.name.value.trim().slice(0, 80);
  const org = form.elements.org.value.trim().slice(0, 80);
  const country = form.elements.country.value.trim().slice(0, 80);
  form.elements.name.removeAttribute('aria-invalid');
  if (!name) {
    form.elements.name.setAttribute('aria-invalid', 'true');
    showFormError(form, t('nameMissing'));
    form.elements.name.focus();
    return;
  }
  showFormError(form);
  setBusy(form, true);
  const body = { code, name };
  if (org) body.org = org;
  if (country) body.country = country;
  try {
    const guest = await joinAsGuest(body);
    storeGuest(guest.board, { token: guest.token, expiresAt: guest.expiresAt, board: guest.board, role: guest.role, name,
      userId: guest.user?.id || null });
    forgetCode();
    location.replace(`board.html?board=${encodeURIComponent(guest.board)}`);
  } catch (error) {
    if (error.status === 410) showError(failureText(error));
    else showFormError(form, failureText(error));
    setBusy(form, false);
  }
});

applyI18n(document);
document.title = `${t('joinHeading')} — ${t('appName')}`;
fillCountryList($('country-options'));
setupLanguageSelect(() => {
  document.title = `${t('joinHeading')} — ${t('appName')}`;
  render();
});
installAccountChrome(auth);
if (auth) keepSessionFresh({ onSignedOut: () => location.reload() });
start();
