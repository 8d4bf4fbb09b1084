/**
 * Small modal dialogs (native <dialog>: focus trap and Escape for free)
 * and the suggested countries of profile forms.
 * @module dialogs
 */

import { t, locale } from './i18n.js';

// Suggested in country fields (any text is accepted).
const COUNTRIES = ['AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV',
  'LT', 'LU', 'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE', 'IS', 'LI', 'NO', 'CH', 'GB', 'UA', 'MD'];

function el(tag, props = {}, children = []) {
  const node = document.createElement(tag);
  Object.assign(node, props);
  node.append(...children);
  return node;
}

function openDialog(dialog) {
  dialog.setAttribute('aria-modal', 'true');
  document.body.append(dialog);
  dialog.showModal();
  return dialog;
}

/**
 * Fills a <datalist> with country codes, labelled in the page's language.
 * @param {HTMLDataListElement} list
 */
export function fillCountryList(list) {
  let names = null;
  try { names = new Intl.DisplayNames([locale()], { type: 'region' }); } catch { /* old browser */ }
  list.replaceChildren(...COUNTRIES.map((code) => el('option', { value: code, label: names?.of(code) || code })));
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
