/**
 * The notifications bell of every signed-in page's top bar: the unread
 * count, the list (newest first: who, why, an excerpt, which board), marked
 * read when opened or all at once, each leading to its board with its
 * thread open (board.html?b=…&thread=…). Live from the board socket's
 * "notification" frames on the board page; elsewhere by long-polling
 * GET /api/me/notifications (backing off on errors). Mutes for this board
 * and for threads (PUT /api/me/mutes).
 * @module notifications
 */

import { el, icon } from './dom.js';
import { t, tn } from './i18n.js';
import { getMutes, getNotifications, markNotificationsRead, setMute } from './api.js';
import { backoff, mergeNotifications, mutedSets, newestAt, normalizeNotification, notificationHref, readAnswer } from './notification-list.js';
import { excerpt, reasonKey } from './thread-text.js';
import { when } from './thread-i18n.js';

const BELL = 'M6 16V11a6 6 0 0 1 12 0v5l2 2H4zM10 20a2 2 0 0 0 4 0';
const WAIT_S = 25;

/**
 * The bell, its list and this person's mutes.
 */
export class NotificationBell {
  /**
   * @param {object} options
   * @param {HTMLElement} options.host where the bell goes (before options.before)
   * @param {Element|null} [options.before]
   * @param {string|null} [options.board] the open board (offers "mute this board"; its threads open in place)
   * @param {((id: string) => boolean)|null} [options.openThread] opens a thread of the open board
   * @param {boolean} [options.live] notifications come from the board socket (no long-poll)
   * @param {() => string} [options.boardTitle] the open board's title (notifications may not name it)
   */
  constructor({ host, before = null, board = null, openThread = null, live = false, boardTitle = () => '' }) {
    Object.assign(this, { board, openThread, live, boardTitle });
    this.list = [];
    this.unread = 0;
    this.failures = 0;
    this.mutes = { boards: new Set(), threads: new Set() };
    this.build(host, before);
    this.load();
    getMutes().then((answer) => {
      this.mutes = mutedSets(answer);
      this.renderMute();
    }).catch(() => { /* mutes stay unknown: shown unmuted */ });
    if (!live) this.poll();
  }

  build(host, before) {
    this.badge = el('span', { className: 'bell-badge', hidden: true, attrs: { 'aria-hidden': 'true' } });
    this.button = el('button', { type: 'button', id: 'notifications-button', className: 'tool-chip bell-button',
      attrs: { 'aria-haspopup': 'dialog', 'aria-expanded': 'false', 'aria-controls': 'notifications-popover' } }, [icon(BELL), this.badge]);
    this.heading = el('h2', { id: 'notifications-heading', textContent: t('notifications') });
    this.markAll = el('button', { type: 'button', id: 'notifications-read-all', className: 'button small subtle', textContent: t('markAllRead') });
    this.muteBoard = el('button', { type: 'button', id: 'mute-board', className: 'button small subtle', textContent: t('muteBoard'),
      hidden: !this.board, attrs: { 'aria-pressed': 'false' } });
    this.items = el('ul', { className: 'notification-list' });
    this.message = el('p', { className: 'notification-empty' });
    this.popover = el('div', { id: 'notifications-popover', className: 'notifications-popover', hidden: true,
      attrs: { role: 'dialog', 'aria-labelledby': 'notifications-heading' } }, [
      el('div', { className: 'notifications-head' }, [this.heading, this.markAll]),
      this.items, this.message, el('div', { className: 'notifications-foot' }, [this.muteBoard])]);
    this.wrap = el('div', { className: 'bell' }, [this.button, this.popover]);
    host.insertBefore(this.wrap, before && before.parentNode === host ? before : null);
    this.button.addEventListener('click', () => (this.popover.hidden ? this.openList() : this.closeList()));
    this.markAll.addEventListener('click', () => this.readAll());
    this.muteBoard.addEventListener('click', () => this.toggleBoardMute());
    this.popover.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        e.stopPropagation();
        this.closeList();
      }
    });
    this.items.addEventListener('click', (e) => {
      const link = e.target.closest('a[data-notification]');
      if (!link) return;
      const n = this.list.find((x) => x.id === link.dataset.notification);
      if (n && n.board === this.board && this.openThread && n.thread) {
        e.preventDefault();
        this.closeList({ refocus: false });
        this.openThread(n.thread);
      }
    });
    document.addEventListener('pointerdown', (e) => {
      if (!this.popover.hidden && !this.wrap.contains(e.target)) this.closeList({ refocus: false });
    });
    this.renderBadge();
  }

  async load() {
    try {
      this.take(await getNotifications());
      this.failures = 0;
    } catch {
      this.failures += 1;
    }
  }

  // Long-poll: each answer comes when something newer than the newest held arrives (or after WAIT_S).
  async poll() {
    const since = Date.now();
    const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
    for (;;) {
      const wait = backoff(this.failures);
      if (wait) await sleep(wait);
      const started = Date.now();
      const before = newestAt(this.list);
      try {
        this.take(await getNotifications({ after: newestAt(this.list, since), wait: WAIT_S }));
        this.failures = 0;
        // An answer at once with nothing new (a clock far off, a proxy cutting the wait): do not spin.
        if (Date.now() - started < 1000 && newestAt(this.list) === before) await sleep(5000);
      } catch {
        this.failures += 1;
      }
    }
  }

  take(answer) {
    const { items, unread } = readAnswer(answer);
    this.list = mergeNotifications(this.list, items);
    this.unread = unread ?? this.list.filter((n) => !n.read).length;
    this.renderBadge();
    if (!this.popover.hidden) this.renderList();
  }

  /**
   * A "notification" frame from the board socket.
   * @param {{notification: object, unread?: number}} message
   */
  receive(message) {
    const n = normalizeNotification(message?.notification);
    if (!n) return;
    this.list = mergeNotifications(this.list, [n]);
    this.unread = Number.isFinite(message.unread) ? message.unread : this.unread + 1;
    this.renderBadge();
    if (!this.popover.hidden) this.renderList();
  }

  renderBadge() {
    this.badge.hidden = this.unread <= 0;
    this.badge.textContent = this.unread > 99 ? '99+' : String(this.unread);
    const label = this.unread > 0 ? `${t('notifications')}: ${tn('unreadCount', this.unread)}` : t('notifications');
    this.button.setAttribute('aria-label', label);
    this.button.title = label;
  }

  renderList() {
    this.items.replaceChildren(...this.list.map((n) => {
      const from = n.from?.name || t('someone');
      return el('li', { className: `notification${n.read && !this.fresh?.has(n.id) ? '' : ' unread'}` }, [
        el('a', { href: notificationHref(n), className: 'notification-link', dataset: { notification: n.id } }, [
          el('span', { className: 'notification-reason', textContent: t(reasonKey(n.reason), { name: from }) }),
          n.excerpt ? el('span', { className: 'notification-excerpt', textContent: excerpt(n.excerpt, 140) }) : null,
          el('span', { className: 'notification-meta', textContent: [n.boardTitle || n.boardName || (n.board === this.board ? this.boardTitle() : ''), when(n.at)].filter(Boolean).join(' · ') }),
        ])]);
    }));
    this.message.hidden = this.list.length > 0;
    this.message.textContent = t('notificationsEmpty');
    this.markAll.disabled = !this.list.some((n) => !n.read) && this.unread === 0;
    this.renderMute();
  }

  renderMute() {
    if (!this.board) return;
    this.muteBoard.setAttribute('aria-pressed', String(this.mutes.boards.has(this.board)));
  }

  /** Opens the list; what it shows unread is marked read (still highlighted until it closes). */
  openList() {
    this.popover.hidden = false;
    this.button.setAttribute('aria-expanded', 'true');
    const unread = this.list.filter((n) => !n.read);
    this.fresh = new Set(unread.map((n) => n.id));
    this.renderList();
    (this.items.querySelector('a') || this.markAll).focus({ preventScroll: true });
    if (unread.length) this.markRead({ ids: unread.map((n) => n.id) });
  }

  closeList({ refocus = true } = {}) {
    if (this.popover.hidden) return;
    this.popover.hidden = true;
    this.fresh = null;
    this.button.setAttribute('aria-expanded', 'false');
    if (refocus) this.button.focus({ preventScroll: true });
  }

  readAll() {
    this.fresh = null;
    this.markRead({ all: true });
  }

  async markRead(body) {
    const ids = body.all ? null : new Set(body.ids);
    this.list = this.list.map((n) => (!ids || ids.has(n.id) ? { ...n, read: true } : n));
    this.unread = body.all ? 0 : Math.max(0, this.unread - ids.size);
    this.renderBadge();
    if (!this.popover.hidden) this.renderList();
    try {
      const answer = await markNotificationsRead(body);
      if (Number.isFinite(answer?.unread)) {
        this.unread = answer.unread;
        this.renderBadge();
      }
    } catch { /* marked again next time */ }
  }

  /** Whether a thread is muted. */
  threadMuted(id) {
    return this.mutes.threads.has(id);
  }

  /**
   * Mutes or unmutes a thread.
   * @param {string} id
   * @param {boolean} muted
   */
  async muteThread(id, muted) {
    const answer = await setMute({ thread: id, muted });
    if (answer?.mutes) this.mutes = mutedSets(answer);
    else if (muted) this.mutes.threads.add(id);
    else this.mutes.threads.delete(id);
  }

  async toggleBoardMute() {
    const muted = !this.mutes.boards.has(this.board);
    try {
      const answer = await setMute({ board: this.board, muted });
      if (answer?.mutes) this.mutes = mutedSets(answer);
      else if (muted) this.mutes.boards.add(this.board);
      else this.mutes.boards.delete(this.board);
      this.renderMute();
    } catch {
      this.message.hidden = false;
      this.message.textContent = t('threadError.other');
    }
  }
}

/**
 * Puts the bell in a page's top bar (signed-in pages; not for guests).
 * @param {object} [options] as NotificationBell, host defaulting to the header's actions
 * @returns {NotificationBell|null}
 */
export function installNotifications(options = {}) {
  const host = options.host || document.querySelector('.header-actions') || document.querySelector('.topbar');
  if (!host) return null;
  return new NotificationBell({ before: document.getElementById('account-link') || document.getElementById('whoami'), ...options, host });
}
