/**
 * Small modal dialogs (native <dialog>: focus trap and Escape for free)
 * and the remembered display name.
 * @module dialogs
 */

import { t } from './i18n.js';

const NAME_KEY = 'crossboard.name';

/**
 * The stored display name, or null.
 * @returns {string|null}
 */
export function storedName() {
  try {
    const name = (localStorage.getItem(NAME_KEY) || '').trim();
    return name ? name.slice(0, 80) : null;
  } catch {
    return null;
  }
}

/**
 * Remembers the display name for next visits.
 * @param {string} name
 */
export function storeName(name) {
  try { localStorage.setItem(NAME_KEY, name); } catch { /* private mode: keep for this page only */ }
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

/**
 * Asks for a display name. Resolves with the trimmed name, or null when
 * dismissed (only possible when cancellable).
 * @param {object} [options]
 * @param {string} [options.initial]
 * @param {boolean} [options.cancellable]
 * @returns {Promise<string|null>}
 */
export function promptName({ initial = '', cancellable = false } = {}) {
  const input = el('input', {
    id: 'name-input', type: 'text', required: true, maxLength: 80, value: initial,
    placeholder: t('namePlaceholder'), autocomplete: 'nickname',
  });
  const hint = el('p', { className: 'hint', id: 'name-hint', textContent: t('nameHint') });
  input.setAttribute('aria-describedby', 'name-hint');
  const submit = el('button', { id: 'name-submit', type: 'submit', className: 'button primary', textContent: t('save') });
  const actions = el('div', { className: 'dialog-actions' }, [submit]);
  if (cancellable) {
    actions.prepend(el('button', { type: 'button', className: 'button', value: 'cancel', textContent: t('cancel'),
      onclick: () => dialog.close() }));
  }
  const form = el('form', { method: 'dialog' }, [
    el('h2', { id: 'name-title', textContent: t('nameDialogTitle') }),
    el('label', { htmlFor: 'name-input', textContent: t('nameLabel') }),
    input, hint, actions,
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
      result = name.slice(0, 80);
    });
    dialog.addEventListener('cancel', (event) => {
      if (!cancellable) event.preventDefault();
    });
    dialog.addEventListener('close', () => {
      dialog.remove();
      if (result) storeName(result);
      resolve(result);
    });
    openDialog(dialog);
    input.select();
  });
}

/**
 * The stored name, or asks for one first.
 * @returns {Promise<string>}
 */
export async function ensureName() {
  return storedName() || (await promptName());
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
