/**
 * Notes in several languages on the board page (SPEC N): the reader's
 * "Show notes in" control in the top bar (remembered on this device), each
 * rendered note, text, shape and frame title shown in that language in
 * place of its original — never changing the record — with a tag saying
 * who translated it ("Machine-translated by <engine>", "Translated by
 * <name>", "Outdated translation"), a "Show original" toggle (aria-pressed)
 * and, for editors, "Edit translation" (a dialog with the original and the
 * translation, saved as a human one). In the selection bar: the language
 * of the selected records, and "Edit translation" for one of them.
 * Comments are translated too: the thread panel asks `comments` what to
 * show. The logic is in translations.js; this module only draws and wires
 * it, after each render of the canvas (renderer.afterRender).
 * @module translation-view
 */

import { errorMessage, getLanguage, t } from './i18n.js';
import { el } from './dom.js';
import { toast } from './toast.js';
import {
  LANGUAGE_CHOICES, TranslationsClient, commentText, commentTexts, labelFor, languageName, rememberReaderLanguage,
  rememberedReaderLanguage, translatedProp, translationApi,
} from './translations.js';

const MISSING = '\u0000';

/**
 * Wires translations into the board page.
 * @param {object} ctx
 * @param {string} ctx.boardId
 * @param {() => string|null} ctx.token the board's bearer token
 * @param {import('./sync.js').SyncClient} ctx.sync
 * @param {import('./canvas.js').CanvasRenderer} ctx.renderer
 * @param {import('./permissions.js').Permissions} ctx.perms
 * @param {import('./selection.js').Selection} ctx.selection
 * @param {import('./actions.js').Actions} ctx.actions
 * @param {import('./features/threads.js').ThreadsClient} ctx.threads
 * @returns {{client: TranslationsClient, setReaderLanguage: Function, showOriginal: Set<string>,
 *   comments: object}} comments: what ThreadPanel.useTranslations takes
 */
export function installTranslations({ boardId, token, sync, renderer, perms, selection, actions, threads }) {
  // New notes are written in the author's language (SPEC N1): the UI language until they say otherwise.
  actions.defaultLang = getLanguage();
  const comments = () => commentTexts(threads.threads.values());
  // The texts translated: the board's records and the comments, read as records (translations.js).
  const texts = () => new Map([...sync.getView(), ...comments()]);
  const textOf = (id) => sync.getView().get(id) || comments().get(id);
  const client = new TranslationsClient({ api: translationApi({ board: boardId, token }), view: texts });
  const showOriginal = new Set();
  const mayTranslate = () => perms.canEdit || perms.allowed.has('TRANSLATE');
  const updated = new Set(); // the thread panel's redraw

  // Each decorated element remembers what it shows, so only changes touch the DOM.
  const decorate = () => {
    const notes = [];
    for (const [id, box] of renderer.elements) {
      const record = box.record;
      if (!record || !translatedProp(record) || record.id !== id) continue;
      const display = client.displayFor(record, showOriginal);
      const key = display ? JSON.stringify([display.text, labelFor(display, client.engine), display.original, mayTranslate()]) : '';
      if (box.trRecord === record && box.trKey === key) continue;
      const fresh = box.trRecord !== record; // updateBox put the original text back
      box.trRecord = record;
      box.trKey = key;
      applyDisplay(box, record, display, fresh);
      if (record.type === 'note') notes.push(box);
    }
    if (notes.length) refit(notes);
  };

  // A note gets the font at which what it shows fits (note-fit.js fits its record's own text).
  const refit = (notes) => {
    for (const box of notes) {
      const record = box.record;
      const shown = box.querySelector('.record-text')?.textContent ?? '';
      box.record = shown === (record.text || '') ? record : { ...record, text: shown };
      box.fitFor = null;
      renderer.noteFitter.fit([box]);
      box.record = record;
      box.fitFor = record;
    }
  };

  const applyDisplay = (box, record, display, fresh) => {
    const prop = translatedProp(record);
    const target = prop === 'title' ? box.querySelector('.frame-title') : box.querySelector('.record-text');
    if (!target) return;
    const original = record[prop] ?? (prop === 'title' ? t('defaultFrameTitle') : '');
    const text = display?.text ?? original;
    if (fresh || target.textContent !== text) target.textContent = text;
    const lang = display?.text != null && !display.original ? display.lang : record.lang;
    if (lang) target.lang = lang;
    else target.removeAttribute('lang');
    box.setAttribute('aria-label', (text || t('emptyText')).slice(0, 120));
    let tag = box.querySelector(':scope > .translation-tag');
    if (!display) {
      tag?.remove();
      box.classList.remove('translated');
      return;
    }
    if (!tag) {
      tag = buildTag(record.id);
      box.append(tag);
    }
    box.classList.add('translated');
    const { key, params } = labelFor(display, client.engine);
    tag.querySelector('.translation-label').textContent = t(key, params);
    const toggle = tag.querySelector('.translation-toggle');
    toggle.hidden = display.pending;
    toggle.setAttribute('aria-pressed', String(display.original));
    const edit = tag.querySelector('.translation-edit');
    edit.hidden = display.pending || !mayTranslate();
  };

  // The tag under a translated box: its own clicks and keys never reach the canvas's gestures.
  const buildTag = (id) => {
    const toggle = el('button', { type: 'button', className: 'translation-toggle', textContent: t('translation.showOriginal'),
      attrs: { 'aria-pressed': 'false' } });
    toggle.addEventListener('click', () => {
      if (showOriginal.has(id)) showOriginal.delete(id);
      else showOriginal.add(id);
      renderer.schedule();
    });
    const edit = el('button', { type: 'button', className: 'translation-edit', textContent: t('translation.edit') });
    edit.addEventListener('click', () => openEditor(id, edit));
    const tag = el('div', { className: 'translation-tag', attrs: { role: 'group', 'aria-label': t('translation.tagLabel') } }, [
      el('span', { className: 'translation-label' }), toggle, edit,
    ]);
    for (const type of ['pointerdown', 'dblclick', 'wheel']) tag.addEventListener(type, (e) => e.stopPropagation());
    tag.addEventListener('keydown', (e) => {
      if (e.key !== 'Tab' && e.key !== 'Escape') e.stopPropagation();
    });
    return tag;
  };

  // "Edit translation": the original beside the translation shown now; saved as a human one.
  const openEditor = (id, opener) => {
    const record = textOf(id);
    const prop = translatedProp(record);
    if (!record || !prop || !client.lang) return;
    const display = client.displayFor(record, new Set());
    const language = languageName(client.lang);
    const field = el('textarea', { id: 'translation-text', className: 'translation-field', rows: 5, maxLength: 10000,
      value: display?.text ?? '', lang: client.lang, required: true });
    const alert = el('p', { className: 'form-error', attrs: { role: 'alert' } });
    const save = el('button', { type: 'submit', className: 'button primary', textContent: t('save'), id: 'translation-save' });
    const cancel = el('button', { type: 'button', className: 'button', textContent: t('cancel') });
    const form = el('form', { method: 'dialog' }, [
      el('h2', { id: 'translation-title', textContent: t('translation.dialogTitle', { language }) }),
      el('h3', { className: 'translation-subhead', textContent: t('translation.originalHeading') }),
      el('blockquote', { className: 'translation-original', textContent: record[prop] || '', lang: record.lang || '' }),
      el('label', { htmlFor: 'translation-text', textContent: t('translation.textLabel') }),
      field, alert,
      el('div', { className: 'dialog-actions' }, [cancel, save]),
    ]);
    const dialog = el('dialog', { id: 'translation-dialog', className: 'dialog translation-dialog',
      attrs: { 'aria-labelledby': 'translation-title', 'aria-modal': 'true' } }, [form]);
    const close = () => {
      dialog.close();
      dialog.remove();
      if (opener?.isConnected) opener.focus();
    };
    cancel.addEventListener('click', close);
    dialog.addEventListener('cancel', (e) => {
      e.preventDefault();
      close();
    });
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const text = field.value.trim();
      if (!text) {
        field.focus();
        return;
      }
      save.disabled = true;
      alert.textContent = '';
      try {
        await client.saveHuman(textOf(id) || record, text);
        showOriginal.delete(id);
        close();
        toast(t('translation.saved'));
      } catch (error) {
        alert.textContent = errorMessage(error);
        save.disabled = false;
      }
    });
    document.body.append(dialog);
    dialog.showModal();
    field.focus();
  };

  // The reader's display language, in the top bar.
  const readerSelect = el('select', { id: 'read-language' }, [
    el('option', { value: '', textContent: t('translation.originalOption') }),
    ...LANGUAGE_CHOICES.map((tag) => el('option', { value: tag, textContent: languageName(tag), lang: tag })),
  ]);
  const readerControl = el('label', { className: 'read-language', title: t('translation.showIn') }, [
    el('span', { className: 'read-language-text', textContent: t('translation.showIn') }), readerSelect,
  ]);
  const topbarLanguage = document.querySelector('.topbar-language');
  if (topbarLanguage) topbarLanguage.before(readerControl);
  else document.querySelector('.topbar')?.append(readerControl);

  const setReaderLanguage = (lang) => {
    const value = lang && LANGUAGE_CHOICES.includes(lang) ? lang : (lang || '');
    if (value && ![...readerSelect.options].some((o) => o.value === value)) {
      readerSelect.append(el('option', { value, textContent: languageName(value), lang: value }));
    }
    readerSelect.value = value;
    rememberReaderLanguage(value || null);
    showOriginal.clear();
    document.body.dataset.readLanguage = value || 'original';
    client.setLanguage(value || null);
    updateBar();
  };
  readerSelect.addEventListener('change', () => setReaderLanguage(readerSelect.value));

  client.onChange((kind, error) => {
    if (kind === 'update') {
      renderer.schedule();
      for (const fn of updated) fn();
    }
    else if (kind === 'error' && error?.status !== 401) {
      toast(t('translation.fetchFailed', { message: errorMessage(error) }), { kind: 'error' });
    }
  });
  sync.on('change', () => client.boardChanged());
  threads.onChange((kind) => kind === 'threads' && client.boardChanged());
  renderer.afterRender.push(decorate);

  // The selection bar: the language the selected records are written in, and "Edit translation".
  const bar = document.getElementById('context-bar');
  const langSelect = el('select', { id: 'record-language', className: 'record-language' }, [
    el('option', { value: MISSING, textContent: t('translation.mixed'), disabled: true, hidden: true }),
    el('option', { value: '', textContent: t('translation.notSet') }),
    ...LANGUAGE_CHOICES.map((tag) => el('option', { value: tag, textContent: languageName(tag), lang: tag })),
  ]);
  const langControl = el('label', { className: 'record-language-control', title: t('translation.recordLanguage') }, [
    el('span', { className: 'visually-hidden', textContent: t('translation.recordLanguage') }), langSelect,
  ]);
  const editButton = el('button', { type: 'button', id: 'edit-translation', className: 'button small translation-bar-edit',
    textContent: t('translation.edit') });
  const deleteButton = document.getElementById('delete-selection');
  if (bar) {
    if (deleteButton?.parentElement === bar) deleteButton.before(langControl, editButton);
    else bar.append(langControl, editButton);
  }
  const selectedTranslatable = () => [...selection.ids].map((id) => sync.getView().get(id))
    .filter((r) => r && translatedProp(r) && perms.canChange(r));
  const updateBar = () => {
    const records = perms.canEdit ? selectedTranslatable() : [];
    langControl.hidden = records.length === 0;
    const langs = new Set(records.map((r) => r.lang || ''));
    const common = langs.size === 1 ? [...langs][0] : MISSING;
    if (common && common !== MISSING && ![...langSelect.options].some((o) => o.value === common)) {
      langSelect.append(el('option', { value: common, textContent: languageName(common), lang: common }));
    }
    if (document.activeElement !== langSelect) langSelect.value = common;
    const one = records.length === 1 ? records[0] : null;
    editButton.hidden = !(one && client.lang && mayTranslate() && (one[translatedProp(one)] || '').trim()
      && (one.lang || '') !== client.lang);
  };
  langSelect.addEventListener('change', () => {
    if (langSelect.value === MISSING) return;
    actions.patch(selectedTranslatable().map((r) => r.id), { lang: langSelect.value || null });
  });
  editButton.addEventListener('click', () => {
    const [one] = selectedTranslatable();
    if (one) openEditor(one.id, editButton);
  });
  selection.onChange(updateBar);
  perms.onChange(updateBar);
  renderer.afterRender.push(updateBar);

  // What the thread panel shows of a comment (ThreadPanel.useTranslations).
  const commentView = {
    display: (comment) => {
      const text = commentText(comment);
      const display = text ? client.displayFor(text, showOriginal) : null;
      if (!display) return null;
      const { key, params } = labelFor(display, client.engine);
      return { text: display.text, label: t(key, params), original: display.original, pending: display.pending,
        lang: display.lang, editable: mayTranslate() };
    },
    toggle: (id) => {
      if (showOriginal.has(id)) showOriginal.delete(id);
      else showOriginal.add(id);
      for (const fn of updated) fn();
    },
    edit: (id, opener) => openEditor(id, opener),
    onUpdate: (fn) => updated.add(fn),
  };

  setReaderLanguage(rememberedReaderLanguage());
  return { client, setReaderLanguage, showOriginal, comments: commentView };
}
