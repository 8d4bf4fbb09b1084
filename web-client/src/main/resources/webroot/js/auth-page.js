/**
 * The sign-in and sign-up pages (#signin-form, #signup-form). On success
 * the session is stored and the browser goes to ?next= (a same-origin path)
 * or the workspace list.
 * @module auth-page
 */

import './theme.js';
import { applyI18n, getLanguage, languageChosen, LANGUAGES, setLanguage, t } from './i18n.js';
import { getAuth, signinHref, storeAuth } from './auth.js';
import { safeNext } from './safe-next.js';
import { signIn, signUp } from './api.js';
import { errorText, setBusy, showFormError } from './dom.js';
import { fillCountryList } from './dialogs.js';
import { setupLanguageSelect } from './chrome.js';

const MIN_PASSWORD = 10;
const rawNext = new URLSearchParams(location.search).get('next');
const next = safeNext(rawNext) || './';

if (getAuth()) {
  location.replace(next);
  await new Promise(() => {});
}

const signinForm = document.getElementById('signin-form');
const signupForm = document.getElementById('signup-form');
const langField = document.getElementById('signup-lang');

function setTitle() {
  document.title = `${t(signupForm ? 'createAccount' : 'signIn')} — ${t('appName')}`;
}

function fillLanguages() {
  if (!langField) return;
  const value = langField.value || getLanguage();
  langField.replaceChildren(...Object.entries(LANGUAGES).map(([code, name]) => {
    const option = document.createElement('option');
    option.value = code;
    option.textContent = name;
    return option;
  }));
  langField.value = value;
}

// The links between the two pages keep where to go afterwards.
for (const link of document.querySelectorAll('[data-keep-next]')) {
  if (safeNext(rawNext)) link.href = signinHref(rawNext, link.getAttribute('href'));
}

/**
 * Marks fields invalid (aria-invalid) and shows the first problem.
 * @param {HTMLFormElement} form
 * @param {Array<[string, string]>} problems [field name, message]
 * @returns {boolean} whether the form is valid
 */
function check(form, problems) {
  for (const input of form.querySelectorAll('input, select')) input.removeAttribute('aria-invalid');
  if (!problems.length) return true;
  for (const [name] of problems) form.elements[name]?.setAttribute('aria-invalid', 'true');
  showFormError(form, problems[0][1]);
  form.elements[problems[0][0]]?.focus();
  return false;
}

function validEmail(email) {
  return email.length <= 254 && email.split('@').length === 2 && !/^@|@$/.test(email);
}

async function submit(form, call, body) {
  showFormError(form);
  setBusy(form, true);
  try {
    const session = await call(body);
    storeAuth(session);
    // the account's language, unless the person picked one with the switch here
    if (!languageChosen() && session.user?.lang && LANGUAGES[session.user.lang]) setLanguage(session.user.lang);
    location.replace(next);
  } catch (error) {
    showFormError(form, errorText(error));
    setBusy(form, false);
  }
}

signinForm?.addEventListener('submit', (event) => {
  event.preventDefault();
  const email = signinForm.elements.email.value.trim();
  const password = signinForm.elements.password.value;
  const problems = [];
  if (!validEmail(email)) problems.push(['email', t('emailInvalid')]);
  if (!password) problems.push(['password', t('passwordMissing')]);
  if (check(signinForm, problems)) submit(signinForm, signIn, { email, password });
});

signupForm?.addEventListener('submit', (event) => {
  event.preventDefault();
  const f = signupForm.elements;
  const body = {
    email: f.email.value.trim(),
    password: f.password.value,
    name: f.name.value.trim(),
    lang: f.lang.value,
  };
  const org = f.org.value.trim();
  const country = f.country.value.trim();
  if (org) body.org = org;
  if (country) body.country = country;
  const problems = [];
  if (!validEmail(body.email)) problems.push(['email', t('emailInvalid')]);
  if (body.password.length < MIN_PASSWORD) problems.push(['password', t('passwordTooShort', { n: MIN_PASSWORD })]);
  if (body.password.length > 200) problems.push(['password', t('passwordTooLong')]);
  if (!body.name) problems.push(['name', t('nameMissing')]);
  if (check(signupForm, problems)) submit(signupForm, signUp, body);
});

applyI18n(document);
setTitle();
fillLanguages();
const countries = document.getElementById('country-options');
if (countries) fillCountryList(countries);
setupLanguageSelect(() => {
  setTitle();
  if (countries) fillCountryList(countries);
});
