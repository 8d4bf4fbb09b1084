/**
 * The comments list: every thread of the board, filtered by state, kind,
 * author, "mentions me" and the selected item; orphaned threads are marked
 * "its note was removed". Choosing one pans to its pin and opens it. Each
 * thread's first comment is shown in the reader's display language when it
 * has a translation (the thread panel labels it).
 * @module thread-list
 */

import { el } from './dom.js';
import { t, tn } from './i18n.js';
import { authorsOf, commentCount, filterThreads, isOrphaned, kindOf, lastActivity, THREAD_KINDS } from './thread-model.js';
import { excerpt } from './thread-text.js';
import { when } from './thread-i18n.js';

/**
 * The list view of the thread panel.
 */
export class ThreadList {
  /**
   * @param {object} options
   * @param {import('./features/threads.js').ThreadsClient} options.threads
   * @param {import('./sync.js').SyncClient} options.sync
   * @param {import('./selection.js').Selection} options.selection
   * @param {(id: string) => void} options.onOpen
   */
  constructor({ threads, sync, selection, onOpen }) {
    Object.assign(this, { threads, sync, selection, onOpen });
    this.filter = { state: 'open', kind: '', author: '', mentionsMe: false, record: false };
    this.state = el('select', { id: 'thread-filter-state' }, [['open', 'filterOpen'], ['resolved', 'filterResolved'], ['all', 'filterAll']]
      .map(([value, key]) => el('option', { value, textContent: t(key) })));
    this.kind = el('select', { id: 'thread-filter-kind' }, [el('option', { value: '', textContent: t('filterAnyKind') }),
      ...THREAD_KINDS.map((kind) => el('option', { value: kind, textContent: t(`kind.${kind}`) }))]);
    this.author = el('select', { id: 'thread-filter-author' });
    this.mentionsMe = el('input', { type: 'checkbox', id: 'thread-filter-mentions' });
    this.record = el('input', { type: 'checkbox', id: 'thread-filter-record' });
    const field = (id, key, control) => el('label', { className: 'thread-filter', htmlFor: id }, [el('span', { textContent: t(key) }), control]);
    const check = (key, control) => el('label', { className: 'thread-filter check' }, [control, el('span', { textContent: t(key) })]);
    this.count = el('p', { className: 'thread-list-count', attrs: { role: 'status' } });
    this.items = el('ul', { className: 'thread-list' });
    this.root = el('div', { className: 'thread-list-view' }, [
      el('div', { className: 'thread-filters', attrs: { role: 'group', 'aria-label': t('filtersLabel') } }, [
        field('thread-filter-state', 'filterState', this.state), field('thread-filter-kind', 'filterKind', this.kind),
        field('thread-filter-author', 'filterAuthor', this.author),
        check('filterMentionsMe', this.mentionsMe), check('filterRecord', this.record)]),
      this.count, this.items]);
    this.root.addEventListener('change', () => {
      Object.assign(this.filter, { state: this.state.value, kind: this.kind.value, author: this.author.value,
        mentionsMe: this.mentionsMe.checked, record: this.record.checked });
      this.render();
    });
    this.items.addEventListener('click', (e) => {
      const item = e.target.closest('[data-thread-id]');
      if (item) this.onOpen(item.dataset.threadId);
    });
  }

  focus() {
    this.state.focus({ preventScroll: true });
  }

  render() {
    const all = [...this.threads.threads.values()];
    const authors = authorsOf(all);
    const chosen = this.author.value;
    this.author.replaceChildren(el('option', { value: '', textContent: t('filterAnyAuthor') }),
      ...[...authors].sort((a, b) => a[1].localeCompare(b[1])).map(([id, name]) => el('option', { value: id, textContent: name })));
    this.author.value = authors.has(chosen) ? chosen : '';
    const selected = this.selection.single;
    this.record.disabled = !selected;
    const filter = { ...this.filter, author: this.author.value, record: this.filter.record && selected ? selected : '' };
    const shown = filterThreads(all, filter, { me: this.threads.me, role: this.sync.role });
    this.count.textContent = tn('threadCount', shown.length);
    const view = this.sync.getView();
    this.items.replaceChildren(...shown.map((thread) => {
      const first = thread.comments.find((c) => !c.removed) || thread.comments[0];
      const orphaned = isOrphaned(thread, view);
      return el('li', {}, [el('button', { type: 'button', className: 'thread-item', dataset: { threadId: thread.id, state: thread.state || 'open' } }, [
        el('span', { className: 'thread-item-top' }, [
          el('span', { className: 'kind-chip static', dataset: { kind: kindOf(thread) }, textContent: t(`kind.${kindOf(thread)}`) }),
          thread.state === 'resolved' ? el('span', { className: 'state-chip', dataset: { state: 'resolved' }, textContent: t('threadResolved') }) : null,
          el('span', { className: 'thread-item-time', textContent: when(lastActivity(thread)) })]),
        this.excerptOf(first),
        el('span', { className: 'thread-item-meta', textContent: `${thread.createdBy?.name || t('someone')} · ${tn('commentCount', commentCount(thread))}` }),
        orphaned ? el('span', { className: 'thread-item-orphaned', textContent: t('orphanedNote') }) : null,
      ])]);
    }));
    if (!shown.length) this.items.append(el('li', { className: 'thread-list-empty', textContent: t('noThreads') }));
  }

  /** A comment's first words, translated when the panel has a translation for the reader (useTranslations). */
  excerptOf(comment) {
    const translation = comment && !comment.removed ? this.translations?.display(comment) : null;
    const translated = translation?.text != null && !translation.original;
    const lang = translated ? translation.lang : comment?.lang;
    const text = el('span', { className: 'thread-item-text', textContent: excerpt((translated ? translation.text : comment?.body) || '', 140) });
    if (lang) text.lang = lang; // else the page's language, not "unknown"
    return text;
  }
}
