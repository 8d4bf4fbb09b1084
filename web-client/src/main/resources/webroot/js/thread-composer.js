/**
 * The form that writes a comment: a new thread (with the kind picker and,
 * for a reference, its link), a reply, or an edit. Mentions come from
 * thread-mentions.js; a refused request shows its error here, by code. The
 * language it is written in (SPEC N1) is the UI language unless the writer
 * picks another (an edit starts from the comment's).
 * @module thread-composer
 */

import { el } from './dom.js';
import { getLanguage, t } from './i18n.js';
import { MentionBox } from './thread-mentions.js';
import { MAX_BODY, THREAD_KINDS } from './thread-model.js';
import { isHttpUrl } from './thread-text.js';
import { threadErrorKey } from './features/threads.js';
import { LANGUAGE_CHOICES, languageName } from './translations.js';

let forms = 0;

/**
 * One comment form.
 */
export class ThreadComposer {
  /**
   * @param {object} options
   * @param {'new'|'reply'|'edit'} options.mode
   * @param {() => object[]} options.people mention candidates
   * @param {(values: {body: string, kind?: string, lang: string, link: string|null, mentions: object[]}) => Promise<*>} options.onSubmit
   * @param {() => void} [options.onCancel] shows a Cancel button
   * @param {{body?: string, link?: string|null, kind?: string, lang?: string|null}} [options.initial]
   */
  constructor({ mode, people, onSubmit, onCancel = null, initial = {} }) {
    const n = ++forms;
    this.mode = mode;
    this.onSubmit = onSubmit;
    this.kind = initial.kind || 'question';
    this.field = el('textarea', { id: `thread-field-${n}`, className: 'thread-field', maxLength: MAX_BODY,
      rows: mode === 'reply' ? 2 : 3, value: initial.body || '',
      placeholder: mode === 'reply' ? t('replyPlaceholder') : t('commentPlaceholder') });
    const label = el('label', { htmlFor: this.field.id, className: 'visually-hidden',
      textContent: mode === 'reply' ? t('replyLabel') : t('commentBodyLabel') });
    this.kinds = null;
    if (mode === 'new') {
      this.kinds = el('div', { className: 'kind-picker', attrs: { role: 'radiogroup', 'aria-label': t('kindLabel') } },
        THREAD_KINDS.map((kind) => el('button', { type: 'button', className: 'kind-chip', textContent: t(`kind.${kind}`),
          dataset: { kind }, attrs: { role: 'radio', 'aria-checked': String(kind === this.kind) } })));
      this.kinds.addEventListener('click', (e) => {
        const button = e.target.closest('[data-kind]');
        if (button) this.setKind(button.dataset.kind, true);
      });
      this.kinds.addEventListener('keydown', (e) => this.onKindKey(e));
    }
    this.link = el('input', { id: `thread-link-${n}`, type: 'url', className: 'thread-link-field', value: initial.link || '',
      placeholder: 'https://', maxLength: 2000, autocomplete: 'off', spellcheck: false });
    this.linkRow = el('div', { className: 'thread-link-row' }, [
      el('label', { htmlFor: this.link.id, textContent: t('linkLabel') }), this.link]);
    this.language = languageChooser(`thread-lang-${n}`, initial.lang || getLanguage());
    this.error = el('p', { className: 'thread-form-error', hidden: true, attrs: { role: 'alert' } });
    this.submitButton = el('button', { type: 'submit', className: 'button small primary',
      textContent: mode === 'reply' ? t('send') : mode === 'edit' ? t('save') : t('postThread') });
    const cancel = onCancel ? el('button', { type: 'button', className: 'button small', textContent: t('cancel') }) : null;
    cancel?.addEventListener('click', () => onCancel());
    this.form = el('form', { className: `thread-form thread-form-${mode}`, noValidate: true }, [
      this.kinds, label, el('div', { className: 'mention-anchor' }, [this.field]), this.linkRow, this.error,
      el('div', { className: 'thread-form-actions' }, [el('span', { className: 'thread-form-hint', textContent: t('commentHintKeys') }),
        this.language.label, cancel, this.submitButton]),
    ]);
    this.mentions = new MentionBox(this.field, people);
    this.field.addEventListener('input', () => this.renderState());
    this.link.addEventListener('input', () => this.renderState());
    this.field.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        this.submit();
      }
    });
    this.form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.submit();
    });
    this.renderState();
  }

  setKind(kind, focus = false) {
    this.kind = kind;
    for (const b of this.kinds?.querySelectorAll('[data-kind]') || []) {
      b.setAttribute('aria-checked', String(b.dataset.kind === kind));
      b.tabIndex = b.dataset.kind === kind ? 0 : -1;
      if (focus && b.dataset.kind === kind) b.focus();
    }
    this.renderState();
  }

  onKindKey(e) {
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[e.key];
    if (!step) return;
    e.preventDefault();
    const i = THREAD_KINDS.indexOf(this.kind);
    this.setKind(THREAD_KINDS[(i + step + THREAD_KINDS.length) % THREAD_KINDS.length], true);
  }

  /** Whether a link is asked for: a new reference, or an edit of a comment with one. */
  get wantsLink() {
    return this.mode === 'new' ? this.kind === 'reference' : this.mode === 'edit' && !!this.link.value;
  }

  renderState() {
    if (this.kinds) this.setKindTabs();
    this.linkRow.hidden = !this.wantsLink;
    const body = this.field.value.trim();
    const link = this.link.value.trim();
    this.submitButton.disabled = this.busy || !body || (this.mode === 'new' && this.kind === 'reference' && !isHttpUrl(link));
  }

  setKindTabs() {
    for (const b of this.kinds.querySelectorAll('[data-kind]')) b.tabIndex = b.dataset.kind === this.kind ? 0 : -1;
  }

  showError(key) {
    this.error.hidden = !key;
    this.error.textContent = key ? t(key) : '';
  }

  async submit() {
    const body = this.field.value.trim();
    const link = this.wantsLink ? this.link.value.trim() : '';
    if (!body || this.busy) return;
    if (link && !isHttpUrl(link)) {
      this.showError('linkInvalid');
      this.link.focus();
      return;
    }
    this.busy = true;
    this.renderState();
    this.showError(null);
    try {
      await this.onSubmit({ body, kind: this.kinds ? this.kind : undefined, lang: this.language.select.value,
        link: link || null, mentions: this.mentions.mentions() });
      this.field.value = '';
      this.link.value = '';
      this.mentions.reset();
    } catch (error) {
      this.showError(threadErrorKey(error));
    } finally {
      this.busy = false;
      this.renderState();
    }
  }

  focus() {
    this.field.focus({ preventScroll: true });
  }
}

/**
 * The "Written in" chooser: the offered languages, plus `lang` when it is
 * not among them (a comment written elsewhere in another language).
 * @param {string} id
 * @param {string} lang selected
 */
function languageChooser(id, lang) {
  const tags = LANGUAGE_CHOICES.includes(lang) ? LANGUAGE_CHOICES : [...LANGUAGE_CHOICES, lang];
  const select = el('select', { id, className: 'thread-lang' },
    tags.map((tag) => el('option', { value: tag, textContent: languageName(tag), lang: tag })));
  select.value = lang;
  const label = el('label', { className: 'thread-lang-control', title: t('translation.commentLanguage') }, [
    el('span', { className: 'visually-hidden', textContent: t('translation.commentLanguage') }), select]);
  return { select, label };
}
