/**
 * The thread panel (a side panel; a bottom sheet on phones): one thread —
 * its comments with author, role badge, time, "edited" (history on
 * request), tombstones, reactions, reply, resolve, edit and remove — a new
 * thread being written, or the comments list (thread-list.js). Keyboard:
 * Escape closes and the focus goes back where it was. User text is only
 * ever set as text; plain URLs become links to http(s) only. With a
 * display language chosen (translation-view.js), a comment in another
 * language shows its translation, labelled, the original one click away.
 * @module thread-panel
 */

import { el, icon, ICONS } from './dom.js';
import { t, tn } from './i18n.js';
import { toast } from './toast.js';
import { avatarColor, initials } from './whoami.js';
import { describeTarget } from './comments.js';
import { moveView } from './session-ui.js';
import { ThreadComposer } from './thread-composer.js';
import { threadErrorKey } from './features/threads.js';
import { isOrphaned, kindOf, pinPoint, REACTIONS, reactionState, threadRights } from './thread-model.js';
import { excerpt, isHttpUrl, linkify } from './thread-text.js';
import { fullTime, when } from './thread-i18n.js';

/**
 * Appends text to a node, with plain http(s) URLs as safe links.
 * @param {HTMLElement} node
 * @param {string} text
 */
export function appendLinkified(node, text) {
  for (const part of linkify(text)) {
    if (!part.href) {
      node.append(part.text);
      continue;
    }
    node.append(el('a', { href: part.href, textContent: part.text, target: '_blank', rel: 'noopener noreferrer nofollow' }));
  }
}

/**
 * The side panel of threads.
 */
export class ThreadPanel {
  /**
   * @param {object} options
   * @param {import('./features/threads.js').ThreadsClient} options.threads
   * @param {import('./sync.js').SyncClient} options.sync
   * @param {import('./permissions.js').Permissions} options.perms
   * @param {import('./viewport.js').Viewport} options.viewport
   * @param {import('./thread-pins.js').ThreadPins} options.pins
   * @param {() => object[]} options.people mention candidates
   * @param {HTMLElement} options.container the canvas (focus goes there when nothing else)
   * @param {{threadMuted: (id: string) => boolean, muteThread: (id: string, muted: boolean) => Promise<*>}|null} options.mutes
   */
  constructor({ threads, sync, perms, viewport, pins, people, container, mutes = null }) {
    Object.assign(this, { threads, sync, perms, viewport, pins, people, container, mutes });
    this.view = null; // 'thread', 'draft' or 'list'
    this.id = null;
    this.list = null;
    this.items = new Map();
    this.build();
    threads.onChange((kind, ids) => {
      if (kind !== 'threads') return;
      if (this.view === 'thread' && (!ids || ids.includes(this.id))) this.renderThread();
      if (this.view === 'list') this.list?.render();
    });
    perms.onChange(() => this.view === 'thread' && this.renderThread(true));
  }

  /**
   * Shows comments in the reader's display language (SPEC N2).
   * @param {{display: (comment: object) => (null|{text: string|null, label: string, original: boolean,
   *   pending: boolean, lang: string, editable: boolean}), toggle: (id: string) => void,
   *   edit: (id: string, opener: HTMLElement) => void, onUpdate: (fn: () => void) => void}} translations
   */
  useTranslations(translations) {
    this.translations = translations;
    if (this.list) this.list.translations = translations;
    translations.onUpdate(() => {
      if (this.view === 'thread') this.renderThread();
      else if (this.view === 'list') this.list?.render();
    });
    if (this.view === 'thread') this.renderThread(true);
  }

  /** Whether the panel is open. */
  get active() {
    return !this.panel.hidden;
  }

  build() {
    this.title = el('h2', { id: 'thread-panel-title' });
    this.backButton = el('button', { type: 'button', id: 'thread-back', className: 'button small subtle', hidden: true },
      [icon('M15 6l-6 6 6 6'), el('span', { textContent: t('allComments') })]);
    this.closeButton = el('button', { type: 'button', id: 'thread-close', className: 'icon-button small',
      attrs: { 'aria-label': t('close') }, title: t('close') }, [icon(ICONS.close)]);
    this.body = el('div', { className: 'thread-panel-body' });
    this.live = el('div', { className: 'visually-hidden', attrs: { role: 'status', 'aria-live': 'polite' } });
    this.panel = el('aside', { id: 'thread-panel', className: 'thread-panel', hidden: true,
      attrs: { role: 'dialog', 'aria-labelledby': 'thread-panel-title' } }, [
      el('div', { className: 'thread-panel-head' }, [this.backButton, this.title, this.closeButton]),
      this.body, this.live]);
    this.closeButton.addEventListener('click', () => this.close());
    this.backButton.addEventListener('click', () => this.openList());
    this.panel.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        e.stopPropagation();
        if (this.editing) {
          this.editing = null;
          this.renderThread(true);
        } else {
          this.close();
        }
      }
    });
    document.body.append(this.panel);
  }

  remember() {
    const active = document.activeElement;
    if (!this.active && active && active !== document.body && !this.panel.contains(active)) this.returnTo = active;
  }

  show(view) {
    this.remember();
    this.view = view;
    this.panel.hidden = false;
    this.panel.dataset.view = view;
    document.body.classList.add('thread-panel-open');
  }

  /**
   * Opens a thread.
   * @param {string} id
   * @param {{pan?: boolean, fromList?: boolean}} [options] pan: bring its pin into view
   * @returns {boolean} whether there is such a thread
   */
  open(id, { pan = false, fromList = false } = {}) {
    const thread = this.threads.get(id);
    if (!thread) return false;
    this.show('thread');
    this.fromList = fromList;
    if (this.id !== id) {
      this.id = id;
      this.threadRoot = null;
      this.renderedOnce = false;
      this.items = new Map();
      this.editing = null;
      this.composer = null;
    }
    this.pins.setDraft(null);
    this.pins.setOpen(id);
    this.renderThread(true);
    if (pan) this.reveal(thread);
    (this.composer?.field || this.closeButton).focus({ preventScroll: true });
    return true;
  }

  /** Moves the view to a thread's pin. */
  reveal(thread) {
    const point = pinPoint(thread, this.sync.getView());
    if (!point) return;
    const record = thread.anchor?.kind === 'record' ? this.sync.getView().get(thread.anchor.record) : null;
    const target = record && Number.isFinite(record.w) ? { x: record.x + record.w / 2, y: record.y + (record.h || 0) / 2 } : point;
    moveView(this.viewport, { ...target, zoom: Math.max(this.viewport.zoom, 0.6) });
  }

  /** Opens the board-wide comments list. */
  openList() {
    this.show('list');
    this.id = null;
    this.pins.setOpen(null);
    this.pins.setDraft(null);
    this.title.textContent = t('commentsList');
    delete this.title.dataset.kind;
    this.backButton.hidden = true;
    this.body.replaceChildren(this.list.root);
    this.list.render();
    this.list.focus();
  }

  /**
   * Starts a new thread at an anchor.
   * @param {{kind: 'record', record: string}|{kind: 'point', x: number, y: number}|{kind: 'region', x: number, y: number, w: number, h: number}} anchor
   */
  startDraft(anchor) {
    if (!this.perms.canComment) return;
    this.show('draft');
    this.id = null;
    this.draft = anchor;
    this.pins.setOpen(null);
    this.pins.setDraft(anchor);
    this.title.textContent = t('newThreadTitle');
    delete this.title.dataset.kind;
    this.backButton.hidden = true;
    const composer = new ThreadComposer({ mode: 'new', people: this.people,
      onSubmit: async (values) => {
        const ok = await this.threads.create({ anchor, ...values });
        this.live.textContent = t('threadPosted');
        if (ok?.thread) this.afterCreate(ok.thread);
      },
      onCancel: () => this.close() });
    this.body.replaceChildren(el('p', { className: 'thread-anchor', textContent: this.anchorText({ anchor }) }), composer.form);
    composer.focus();
  }

  // The thread frame may come before or after thread.ok: open it when it is there.
  afterCreate(id) {
    if (this.open(id)) return;
    const off = this.threads.onChange(() => {
      if (!this.threads.get(id)) return;
      off();
      if (this.view === 'draft') this.open(id);
    });
  }

  anchorText(thread) {
    const anchor = thread.anchor || {};
    if (thread.id && isOrphaned(thread, this.sync.getView())) return t('orphanedNote');
    if (anchor.kind === 'record') return t('anchorRecord', { target: describeTarget(this.sync.getView().get(anchor.record)) });
    return anchor.kind === 'region' ? t('anchorRegion') : t('anchorPoint');
  }

  who() {
    return { me: this.threads.me, role: this.sync.role, canComment: this.perms.canComment };
  }

  /**
   * Shows the open thread; comments are updated in place, keyed by id.
   * @param {boolean} [whole] rebuild every comment (rights changed)
   */
  renderThread(whole = false) {
    const thread = this.threads.get(this.id);
    if (!thread) {
      this.close({ refocus: false });
      return;
    }
    const rights = threadRights(thread, this.who());
    this.title.textContent = t(`kind.${kindOf(thread)}`);
    this.title.dataset.kind = kindOf(thread);
    this.backButton.hidden = !this.fromList;
    if (!this.threadRoot || whole) {
      this.head = el('div', { className: 'thread-head' });
      this.commentList = el('ol', { className: 'thread-comments' });
      this.replyArea = el('div', { className: 'thread-reply' });
      this.threadRoot = el('div', { className: 'thread-view' }, [this.head, this.commentList, this.replyArea]);
      this.items = new Map();
    }
    if (this.body.firstChild !== this.threadRoot) this.body.replaceChildren(this.threadRoot);
    this.renderHead(thread, rights);
    const me = this.threads.me;
    const seen = new Set();
    let previous = null;
    for (const comment of thread.comments) {
      seen.add(comment.id);
      const shown = comment.removed ? null : this.translations?.display(comment) ?? null;
      const key = JSON.stringify([comment, shown]) + (this.editing === comment.id ? ':editing' : '');
      let item = this.items.get(comment.id);
      if (!item) {
        item = { li: el('li', { className: 'thread-comment', dataset: { commentId: comment.id } }), key: null };
        this.items.set(comment.id, item);
        // A comment from someone else arriving while the thread is open is read out.
        if (this.renderedOnce && comment.author?.id !== me && !comment.removed) {
          this.live.textContent = t('newCommentAnnounce', { name: comment.author?.name || t('someone'), text: excerpt(comment.body, 200) });
        }
      }
      if (item.key !== key) {
        const focusKey = item.li.contains(document.activeElement) ? document.activeElement.dataset.focusKey : null;
        item.key = key;
        this.fillComment(item.li, thread, comment, rights, shown);
        if (focusKey) item.li.querySelector(`[data-focus-key="${focusKey}"]`)?.focus({ preventScroll: true });
      }
      const want = previous ? previous.nextSibling : this.commentList.firstChild;
      if (want !== item.li) this.commentList.insertBefore(item.li, want);
      previous = item.li;
    }
    for (const [id, item] of this.items) {
      if (!seen.has(id)) {
        item.li.remove();
        this.items.delete(id);
      }
    }
    this.renderedOnce = true;
    if (rights.reply && !this.composer) {
      this.composer = new ThreadComposer({ mode: 'reply', people: this.people,
        onSubmit: (values) => this.threads.reply(thread.id, values) });
      this.replyArea.replaceChildren(this.composer.form);
    } else if (!rights.reply) {
      this.composer = null;
      this.replyArea.replaceChildren();
    }
  }

  renderHead(thread, rights) {
    const resolved = thread.state === 'resolved';
    // The panel's title names the kind.
    const chips = el('div', { className: 'thread-chips' }, [
      el('span', { className: 'state-chip', dataset: { state: thread.state || 'open' },
        textContent: resolved ? t('threadResolvedBy', { name: thread.resolvedBy?.name || t('someone') }) : t('threadOpen') }),
      el('span', { className: 'thread-count', textContent: tn('commentCount', thread.comments.filter((c) => !c.removed).length) }),
    ]);
    const orphaned = isOrphaned(thread, this.sync.getView());
    const anchor = el('p', { className: `thread-anchor${orphaned ? ' orphaned' : ''}`, textContent: this.anchorText(thread) });
    const actions = el('div', { className: 'thread-actions' });
    if (!orphaned) {
      const show = el('button', { type: 'button', className: 'button small', textContent: t('showOnBoard'), dataset: { focusKey: 'show' } });
      show.addEventListener('click', () => this.reveal(thread));
      actions.append(show);
    }
    if (rights.resolve) {
      const toggle = el('button', { type: 'button', id: 'thread-resolve', className: 'button small', dataset: { focusKey: 'resolve' },
        textContent: resolved ? t('reopenThread') : t('resolveThread'), attrs: { 'aria-pressed': String(resolved) } });
      toggle.addEventListener('click', () => this.run(this.threads.resolve(thread.id, !resolved)));
      actions.append(toggle);
    }
    if (this.mutes) {
      const muted = this.mutes.threadMuted(thread.id);
      const mute = el('button', { type: 'button', className: 'button small subtle', dataset: { focusKey: 'mute' },
        textContent: t('muteThread'), attrs: { 'aria-pressed': String(muted) } });
      mute.addEventListener('click', async () => {
        await this.mutes.muteThread(thread.id, !muted).catch(() => toast(t('threadError.other'), { kind: 'error' }));
        this.renderHead(this.threads.get(thread.id) || thread, threadRights(thread, this.who()));
      });
      actions.append(mute);
    }
    const focusKey = this.head.contains(document.activeElement) ? document.activeElement.dataset.focusKey : null;
    this.head.replaceChildren(chips, anchor, actions);
    if (focusKey) this.head.querySelector(`[data-focus-key="${focusKey}"]`)?.focus({ preventScroll: true });
  }

  /**
   * @param {object|null} shown its translation for the reader (useTranslations), or null: the original
   */
  fillComment(li, thread, comment, rights, shown = null) {
    li.classList.toggle('removed', !!comment.removed);
    const author = comment.author || {};
    const head = el('div', { className: 'comment-head' }, [
      el('span', { className: 'avatar', textContent: initials(author.name || '?'),
        style: `background:${avatarColor({ id: author.id, name: author.name })}`, attrs: { 'aria-hidden': 'true' } }),
      el('span', { className: 'comment-name', textContent: author.name || t('someone') }),
      author.badge ? el('span', { className: 'badge-chip', dataset: { badge: author.badge }, textContent: t(`badge.${author.badge}`) }) : null,
      el('time', { className: 'comment-time', dateTime: new Date(Number(comment.createdAt) || 0).toISOString(),
        title: fullTime(comment.createdAt), textContent: when(comment.createdAt) }),
    ]);
    if (comment.removed) {
      li.replaceChildren(el('p', { className: 'comment-tombstone',
        textContent: t('commentRemovedBy', { name: comment.removed.by?.name || t('someone') }) }));
      return;
    }
    if (this.editing === comment.id) {
      const composer = new ThreadComposer({ mode: 'edit', people: this.people,
        initial: { body: comment.body, link: comment.link, lang: comment.lang },
        onSubmit: async (values) => {
          await this.threads.edit(thread.id, comment.id, values);
          this.editing = null;
          this.renderThread(true);
        },
        onCancel: () => {
          this.editing = null;
          this.renderThread(true);
        } });
      li.replaceChildren(head, composer.form);
      composer.focus();
      return;
    }
    const parts = [head];
    if (comment.editedAt) {
      const history = el('ol', { className: 'comment-history', hidden: true },
        (comment.history || []).map((h) => el('li', {}, [el('time', { textContent: when(h.at), title: fullTime(h.at) }),
          el('p', { textContent: h.body })])));
      const marker = el('button', { type: 'button', className: 'edited-marker', dataset: { focusKey: 'edited' },
        textContent: t('commentEdited'), title: fullTime(comment.editedAt), attrs: { 'aria-expanded': 'false' } });
      marker.addEventListener('click', () => {
        history.hidden = !history.hidden;
        marker.setAttribute('aria-expanded', String(!history.hidden));
      });
      head.append(marker);
      parts.push(history);
    }
    const body = el('p', { className: 'comment-text' });
    const translated = shown?.text != null && !shown.original;
    appendLinkified(body, translated ? shown.text : comment.body || '');
    const lang = translated ? shown.lang : comment.lang;
    if (lang) body.lang = lang;
    parts.push(body);
    if (shown) parts.push(this.translationTag(comment, shown));
    if (isHttpUrl(comment.link)) {
      parts.push(el('a', { className: 'reference-link', href: comment.link, target: '_blank', rel: 'noopener noreferrer nofollow' },
        [icon('M10 14l10-10M14 4h6v6M19 13v6H5V5h6'), el('span', { textContent: comment.link })]));
    }
    const me = this.threads.me;
    const reactions = el('div', { className: 'reactions', attrs: { role: 'group', 'aria-label': t('reactionsLabel') } });
    for (const [name, emoji] of REACTIONS) {
      const { count, mine } = reactionState(comment, name, me);
      if (!count && !rights.react) continue;
      const button = el('button', { type: 'button', className: `reaction${count ? ' given' : ''}`, disabled: !rights.react,
        dataset: { reaction: name, focusKey: `r-${name}` },
        attrs: { 'aria-pressed': String(mine), 'aria-label': t('reactionButton', { name: t(`reaction.${name}`), n: count }) } },
      [el('span', { textContent: emoji, attrs: { 'aria-hidden': 'true' } }), count ? el('span', { className: 'reaction-count', textContent: String(count) }) : null]);
      button.title = t(`reaction.${name}`);
      button.addEventListener('click', () => this.run(this.threads.react(thread.id, comment.id, name, !mine)));
      reactions.append(button);
    }
    const tools = el('div', { className: 'comment-tools' });
    if (rights.edit(comment)) {
      const edit = el('button', { type: 'button', className: 'button small subtle', textContent: t('editComment'), dataset: { focusKey: 'edit' } });
      edit.addEventListener('click', () => {
        this.editing = comment.id;
        this.renderThread();
      });
      tools.append(edit);
    }
    if (rights.remove(comment)) {
      const remove = el('button', { type: 'button', className: 'button small subtle-danger', textContent: t('removeComment'), dataset: { focusKey: 'remove' } });
      remove.addEventListener('click', () => this.run(this.threads.remove(thread.id, comment.id)));
      tools.append(remove);
    }
    parts.push(el('div', { className: 'comment-foot' }, [reactions, tools]));
    li.replaceChildren(...parts);
  }

  /** The label of a comment's translation, "Show original" (pressed while shown) and, for editors, "Edit translation". */
  translationTag(comment, shown) {
    const toggle = el('button', { type: 'button', className: 'translation-toggle', textContent: t('translation.showOriginal'),
      hidden: shown.pending, dataset: { focusKey: 'tr-toggle' }, attrs: { 'aria-pressed': String(shown.original) } });
    toggle.addEventListener('click', () => this.translations.toggle(comment.id));
    const parts = [el('span', { className: 'translation-label', textContent: shown.label }), toggle];
    if (shown.editable && !shown.pending) {
      const edit = el('button', { type: 'button', className: 'translation-edit', textContent: t('translation.edit'),
        dataset: { focusKey: 'tr-edit' } });
      edit.addEventListener('click', () => this.translations.edit(comment.id, edit));
      parts.push(edit);
    }
    return el('div', { className: 'translation-tag comment-translation',
      attrs: { role: 'group', 'aria-label': t('translation.tagLabel') } }, parts);
  }

  async run(promise) {
    try {
      await promise;
    } catch (error) {
      toast(t(threadErrorKey(error)), { kind: 'error' });
    }
  }

  /**
   * Closes the panel.
   * @param {{refocus?: boolean}} [options]
   */
  close({ refocus = true } = {}) {
    if (!this.active) return;
    const id = this.id;
    this.panel.hidden = true;
    this.view = null;
    this.id = null;
    this.threadRoot = null;
    this.composer = null;
    this.editing = null;
    this.fromList = false;
    this.renderedOnce = false;
    document.body.classList.remove('thread-panel-open');
    this.pins.setOpen(null);
    this.pins.setDraft(null);
    if (!refocus) return;
    const back = this.returnTo?.isConnected ? this.returnTo : this.pins.pinFor(id) || this.container;
    this.returnTo = null;
    back.focus({ preventScroll: true });
  }
}
