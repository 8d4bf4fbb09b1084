/**
 * Small modal dialogs (native <dialog>: focus trap and Escape for free)
 * and the remembered display name, organisation and country.
 * @module dialogs
 */

import { t, getLanguage } from './i18n.js';

const NAME_KEY = 'crossboard.name';
const ORG_KEY = 'crossboard.org';
const COUNTRY_KEY = 'crossboard.country';
const MAX_PROFILE = 80;
// Suggested in the country field (any text is accepted).
const COUNTRIES = ['AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV',
  'LT', 'LU', 'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE', 'IS', 'LI', 'NO', 'CH', 'GB', 'UA', 'MD'];

function storedValue(key) {
  try {
    const value = (localStorage.getItem(key) || '').trim();
    return value ? value.slice(0, MAX_PROFILE) : null;
  } catch {
    return null;
  }
}

function storeValue(key, value) {
  try {
    if (value) localStorage.setItem(key, value);
    else localStorage.removeItem(key);
  } catch { /* private mode: keep for this page only */ }
}

/**
 * The stored display name, or null.
 * @returns {string|null}
 */
export function storedName() {
  return storedValue(NAME_KEY);
}

/**
 * Remembers the display name for next visits.
 * @param {string} name
 */
export function storeName(name) {
  storeValue(NAME_KEY, name);
}

/**
 * The stored profile. Organisation and country are optional (null when unset).
 * @returns {{name: string|null, org: string|null, country: string|null}}
 */
export function storedProfile() {
  return { name: storedName(), org: storedValue(ORG_KEY), country: storedValue(COUNTRY_KEY) };
}

function el(tag, props = {}, children = []) {
  const node = document.createElement(tag);
  Object.assign(node, props);
  node.append(...children);
  return node;
}

function openDialog(dialog) {
  document.body.append(dialog);
  dialog.showModal();
  return dialog;
}

function countryList() {
  const list = el('datalist', { id: 'country-options' });
  let names = null;
  try { names = new Intl.DisplayNames([getLanguage()], { type: 'region' }); } catch { /* old browser */ }
  for (const code of COUNTRIES) list.append(el('option', { value: code, label: names?.of(code) || code }));
  return list;
}

function field(id, label, props) {
  const input = el('input', { id, type: 'text', maxLength: MAX_PROFILE, ...props });
  return [el('label', { htmlFor: id, textContent: label }), input];
}

/**
 * Asks for a display name and, optionally, organisation and country; all
 * three are remembered. Resolves with the profile, or null when dismissed
 * (only possible when cancellable).
 * @param {object} [options]
 * @param {{name?: string, org?: string, country?: string}} [options.initial]
 * @param {boolean} [options.cancellable]
 * @returns {Promise<{name: string, org: string|null, country: string|null}|null>}
 */
export function promptProfile({ initial = {}, cancellable = false } = {}) {
  const [nameLabel, input] = field('name-input', t('nameLabel'), {
    required: true, value: initial.name || '', placeholder: t('namePlaceholder'), autocomplete: 'nickname',
  });
  const hint = el('p', { className: 'hint', id: 'name-hint', textContent: t('nameHint') });
  input.setAttribute('aria-describedby', 'name-hint');
  const [orgLabel, org] = field('org-input', t('orgLabel'), {
    value: initial.org || '', placeholder: t('orgPlaceholder'), autocomplete: 'organization',
  });
  const [countryLabel, country] = field('country-input', t('countryLabel'), {
    value: initial.country || '', placeholder: t('countryPlaceholder'), autocomplete: 'off',
  });
  country.setAttribute('list', 'country-options');
  const submit = el('button', { id: 'name-submit', type: 'submit', className: 'button primary', textContent: t('save') });
  const actions = el('div', { className: 'dialog-actions' }, [submit]);
  if (cancellable) {
    actions.prepend(el('button', { type: 'button', className: 'button', value: 'cancel', textContent: t('cancel'),
      onclick: () => dialog.close() }));
  }
  const form = el('form', { method: 'dialog' }, [
    el('h2', { id: 'name-title', textContent: t('nameDialogTitle') }),
    nameLabel, input, hint,
    el('div', { className: 'dialog-row' }, [
      el('div', {}, [orgLabel, org]),
      el('div', {}, [countryLabel, country, countryList()]),
    ]),
    actions,
  ]);
  const dialog = el('dialog', { id: 'name-dialog', className: 'dialog' }, [form]);
  dialog.setAttribute('aria-labelledby', 'name-title');
  return new Promise((resolve) => {
    let result = null;
    form.addEventListener('submit', (event) => {
      const name = input.value.trim();
      if (!name) {
        event.preventDefault();
        input.focus();
        return;
      }
      const optional = (value) => value.trim().slice(0, MAX_PROFILE) || null;
      result = { name: name.slice(0, MAX_PROFILE), org: optional(org.value), country: optional(country.value) };
    });
    dialog.addEventListener('cancel', (event) => {
      if (!cancellable) event.preventDefault();
    });
    dialog.addEventListener('close', () => {
      dialog.remove();
      if (result) {
        storeName(result.name);
        storeValue(ORG_KEY, result.org);
        storeValue(COUNTRY_KEY, result.country);
      }
      resolve(result);
    });
    openDialog(dialog);
    input.select();
  });
}

/**
 * Asks for a display name (with organisation and country, see
 * promptProfile). Resolves with the trimmed name, or null when dismissed.
 * @param {object} [options]
 * @param {string} [options.initial]
 * @param {boolean} [options.cancellable]
 * @returns {Promise<string|null>}
 */
export async function promptName({ initial = '', cancellable = false } = {}) {
  const profile = await promptProfile({ initial: { ...storedProfile(), name: initial }, cancellable });
  return profile ? profile.name : null;
}

/**
 * The stored name, or asks for one first.
 * @returns {Promise<string>}
 */
export async function ensureName() {
  return storedName() || (await promptName());
}

/**
 * The stored profile, or asks for one first when no name is stored (a
 * stored name alone is enough: organisation and country stay optional).
 * @returns {Promise<{name: string, org: string|null, country: string|null}>}
 */
export async function ensureProfile() {
  const profile = storedProfile();
  return profile.name ? profile : await promptProfile({ initial: profile });
}

/**
 * A yes/no question. Resolves true when confirmed.
 * @param {object} options
 * @param {string} options.title
 * @param {string} options.message
 * @param {string} options.confirmLabel
 * @returns {Promise<boolean>}
 */
export function confirmDialog({ title, message, confirmLabel }) {
  const ok = el('button', { id: 'confirm-ok', type: 'submit', value: 'ok', className: 'button danger', textContent: confirmLabel });
  const cancel = el('button', { id: 'confirm-cancel', type: 'submit', value: 'cancel', className: 'button', textContent: t('cancel') });
  const dialog = el('dialog', { id: 'confirm-dialog', className: 'dialog' }, [
    el('form', { method: 'dialog' }, [
      el('h2', { id: 'confirm-title', textContent: title }),
      el('p', { textContent: message }),
      el('div', { className: 'dialog-actions' }, [cancel, ok]),
    ]),
  ]);
  dialog.setAttribute('aria-labelledby', 'confirm-title');
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => {
      dialog.remove();
      resolve(dialog.returnValue === 'ok');
    });
    openDialog(dialog);
    cancel.focus();
  });
}
