/**
 * The header shared by signed-in pages: language, who is signed in and
 * the sign-out button.
 * @module chrome
 */

import { getLanguage, LANGUAGES, setLanguage, t } from './i18n.js';
import { getAuth, signOut } from './auth.js';
import { setAccountLanguage } from './api.js';
import { renderWhoAmI } from './whoami.js';

/**
 * Fills #language-select and switches language on change; a signed-in
 * account keeps the choice too (its e-mails follow it, SPEC K7).
 * @param {Function} [onChange] called after the language changed
 */
export function setupLanguageSelect(onChange = () => {}) {
  const select = document.getElementById('language-select');
  if (!select) return;
  for (const [code, name] of Object.entries(LANGUAGES)) {
    const option = document.createElement('option');
    option.value = code;
    option.textContent = name;
    option.lang = code;
    select.append(option);
  }
  select.value = getLanguage();
  select.addEventListener('change', () => {
    setLanguage(select.value);
    if (getAuth()) setAccountLanguage(select.value).catch(() => { /* the page's language changed all the same */ });
    onChange();
  });
}

/**
 * Shows the signed-in person in #whoami and wires #sign-out.
 * @param {{user: object}|null} auth the session, or null (hides both)
 */
export function installAccountChrome(auth) {
  const whoami = document.getElementById('whoami');
  const button = document.getElementById('sign-out');
  if (whoami) {
    whoami.hidden = !auth;
    if (auth) renderWhoAmI(whoami, auth.user?.name || auth.user?.email || null, undefined, auth.user?.email, auth.user?.id);
  }
  // the name chip leads to the account page (password, sessions), except on that page itself
  if (whoami && auth && !location.pathname.endsWith('/account.html') && !whoami.closest('a')) {
    const link = document.createElement('a');
    link.id = 'account-link';
    link.href = 'account.html';
    link.className = 'account-link';
    link.title = t('account');
    whoami.replaceWith(link);
    link.append(whoami);
  }
  if (button) {
    button.hidden = !auth;
    button.addEventListener('click', () => {
      button.disabled = true;
      signOut();
    });
  }
}
