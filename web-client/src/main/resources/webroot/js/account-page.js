/**
 * The account page (account.html): who you are, a password change (which
 * signs out your other sessions) and "sign out everywhere".
 * @module account-page
 */

import './theme.js';
import { applyI18n, t, tn } from './i18n.js';
import { clearAuth, keepSessionFresh, requireAuth } from './auth.js';
import { changePassword, downloadAudit, getAudit, signOutEverywhere } from './api.js';
import { el, errorText, saveBlob, setBusy, showFormError } from './dom.js';
import { installAccountChrome, setupLanguageSelect } from './chrome.js';
import { installNotifications } from './notifications.js';

const MIN_PASSWORD = 10;
const auth = await requireAuth();
const form = document.getElementById('password-form');
const done = document.getElementById('password-done');

function renderDetails() {
  const user = auth.user || {};
  const rows = [['detailName', user.name], ['detailEmail', user.email], ['detailOrg', user.org],
    ['detailCountry', user.country]].filter(([, value]) => value);
  const details = document.getElementById('account-details');
  details.replaceChildren(...rows.flatMap(([key, value]) => [el('dt', { textContent: t(key) }),
    el('dd', { textContent: value })]));
  if (user.admin) details.append(el('dt', { textContent: t('detailAdmin') }), el('dd', { textContent: '✓' }));
  document.title = `${t('accountHeading')} — ${t('appName')}`;
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  showFormError(form);
  done.hidden = true;
  const { current, password, repeat } = form.elements;
  if (password.value.length < MIN_PASSWORD) {
    showFormError(form, t('passwordTooShort', { n: MIN_PASSWORD }));
    return;
  }
  if (password.value !== repeat.value) {
    showFormError(form, t('passwordsDiffer'));
    return;
  }
  setBusy(form, true);
  try {
    await changePassword(current.value, password.value);
    form.reset();
    done.hidden = false;
  } catch (error) {
    showFormError(form, errorText(error));
  } finally {
    setBusy(form, false);
  }
});

document.getElementById('signout-everywhere').addEventListener('click', async (event) => {
  event.currentTarget.disabled = true;
  try {
    await signOutEverywhere();
  } catch { /* this browser signs out either way */ }
  clearAuth();
  location.replace('signin.html');
});

/** The administrator's view of the server audit chain: whether it verifies, and exports. */
async function installServerAudit() {
  if (!auth.user?.admin) return;
  document.getElementById('server-audit').hidden = false;
  const badge = document.getElementById('server-audit-chain');
  try {
    const audit = await getAudit(null);
    badge.dataset.valid = String(audit.valid !== false);
    badge.textContent = audit.valid !== false ? t('chainValid') : t('chainBroken', { seq: audit.brokenAt ?? '?' });
    document.getElementById('server-audit-count').textContent = tn('serverAuditEntries', audit.entries.length);
  } catch (error) {
    badge.textContent = errorText(error);
  }
  for (const format of ['json', 'csv']) {
    const button = document.getElementById(`server-audit-${format}`);
    button.addEventListener('click', async () => {
      button.disabled = true;
      try {
        saveBlob(await downloadAudit(null, format), `crossboard-audit-server-${new Date().toISOString().slice(0, 10)}.${format}`);
      } catch (error) {
        badge.textContent = errorText(error);
      } finally {
        button.disabled = false;
      }
    });
  }
}

applyI18n(document);
setupLanguageSelect(renderDetails);
installAccountChrome(auth);
installNotifications();
keepSessionFresh();
renderDetails();
installServerAudit();
