/**
 * Dot voting on the board (docs/SESSIONS.md "Dot voting"): the pure rules
 * (dots left, what a click may do, counts and the ranking to show) and the
 * layer that draws dots and counts on the records of the vote and turns
 * clicks on them into ballots.
 * @module session-vote
 */

import { t } from './i18n.js';
import { descendantsOf } from './model.js';
import { announce } from './announce.js';
import { toast } from './toast.js';
import { settle } from './session-ui.js';

/**
 * The ids of the records in a vote: its records, or what is in its frame.
 * @param {object|null} vote
 * @param {Map<string, object>} [view] the board (for a frame vote without records)
 * @returns {Set<string>}
 */
export function voteRecords(vote, view) {
  if (!vote) return new Set();
  if (Array.isArray(vote.records) && vote.records.length) return new Set(vote.records);
  if (vote.frame && view) {
    return new Set([...descendantsOf(view, [vote.frame])].filter((id) => view.get(id)?.type !== 'connector'));
  }
  return new Set();
}

/**
 * This person's dots on a record in the vote.
 * @param {object|null} mine {vote, dots, left}
 * @param {object|null} vote
 * @param {string} record
 * @returns {number}
 */
export function myDotsOn(mine, vote, record) {
  if (!mine || !vote || mine.vote !== vote.id) return 0;
  return mine.dots[record] || 0;
}

/**
 * How many dots this person has left in the open vote.
 * @param {object|null} vote
 * @param {object|null} mine
 * @returns {number} 0 when no vote is open
 */
export function remainingDots(vote, mine) {
  if (!vote || vote.state !== 'open') return 0;
  const dots = Number.isFinite(vote.dots) ? vote.dots : 0;
  if (!mine || mine.vote !== vote.id) return dots;
  if (Number.isFinite(mine.left)) return Math.max(0, Math.min(dots, mine.left));
  const used = Object.values(mine.dots).reduce((sum, n) => sum + n, 0);
  return Math.max(0, dots - used);
}

/**
 * Whether a dot may be added to (delta 1) or taken from (delta -1) a record:
 * null when it may, else the reason ('closed', 'notInVote', 'noDotsLeft',
 * 'capReached', 'noDot'). The server decides; this only spares a refusal.
 * @param {object|null} vote
 * @param {object|null} mine
 * @param {string} record
 * @param {1|-1} delta
 * @param {Set<string>} [records] the vote's records (default from the vote)
 * @returns {string|null}
 */
export function castRefusal(vote, mine, record, delta, records = voteRecords(vote)) {
  if (!vote || vote.state !== 'open') return 'closed';
  if (records.size && !records.has(record)) return 'notInVote';
  const on = myDotsOn(mine, vote, record);
  if (delta < 0) return on > 0 ? null : 'noDot';
  if (remainingDots(vote, mine) <= 0) return 'noDotsLeft';
  if (Number.isFinite(vote.cap) && vote.cap > 0 && on >= vote.cap) return 'capReached';
  return null;
}

/**
 * The counts to show on records: the results once closed, the live counts
 * while open when the vote has them, else none.
 * @param {object|null} vote
 * @param {object|null} head the latest chain head (from the session views)
 * @returns {Map<string, number>|null}
 */
export function visibleCounts(vote, head) {
  if (!vote) return null;
  if (vote.state === 'closed' && Array.isArray(vote.results?.ranking)) {
    return new Map(vote.results.ranking.map((r) => [r.record, r.count]));
  }
  if (vote.state === 'open' && vote.liveCounts) {
    const counts = (head?.vote === vote.id && head.counts) || vote.counts;
    if (counts && typeof counts === 'object') return new Map(Object.entries(counts));
  }
  return null;
}

/**
 * The rows of a closed vote's ranking, most dots first, ties sharing a
 * place (1, 2, 2, 4), records with no dots left out.
 * @param {object|null} vote
 * @param {(id: string) => string} labelOf a record's text for the list
 * @returns {{place: number, record: string, count: number, label: string}[]}
 */
export function rankingRows(vote, labelOf) {
  const ranking = Array.isArray(vote?.results?.ranking) ? vote.results.ranking : [];
  const sorted = ranking.filter((r) => r && typeof r.record === 'string' && r.count > 0)
    .map((r, i) => ({ ...r, i }))
    .sort((a, b) => b.count - a.count || a.i - b.i);
  const rows = [];
  sorted.forEach((r, index) => {
    const place = index > 0 && sorted[index - 1].count === r.count ? rows[index - 1].place : index + 1;
    rows.push({ place, record: r.record, count: r.count, label: labelOf(r.record) });
  });
  return rows;
}

/**
 * A record's text for lists and labels: its text or title, one line, short.
 * @param {object|undefined} record
 * @returns {string}
 */
export function recordText(record) {
  const text = (record?.text ?? record?.title ?? record?.label ?? '').replace(/\s+/g, ' ').trim();
  if (!text) return record ? t('untitledRecord') : t('removedRecord');
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

/**
 * Draws the vote on the board: an outline around each record in it, this
 * person's dots and the visible counts; while voting, a click on a record
 * in the vote adds a dot (Shift- or Alt-click, or its "−" button, takes one
 * back). Every record's badge has buttons, so voting works from the keyboard.
 */
export class VoteLayer {
  /**
   * @param {object} options
   * @param {import('./features/session.js').SessionClient} options.session
   * @param {import('./sync.js').SyncClient} options.sync
   * @param {import('./permissions.js').Permissions} options.perms
   * @param {HTMLElement} options.container the canvas (clicks)
   * @param {HTMLElement} options.world the world layer (the badges live in it)
   */
  constructor({ session, sync, perms, container, world }) {
    this.session = session;
    this.sync = sync;
    this.perms = perms;
    this.voting = true;
    this.dismissed = null;
    this.layer = document.createElement('div');
    this.layer.className = 'vote-layer';
    this.layer.id = 'vote-layer';
    world.insertBefore(this.layer, document.getElementById('overlay-layer'));
    session.onChange((kind) => {
      if (kind === 'state') this.render();
    });
    sync.on('change', () => this.render());
    container.addEventListener('pointerdown', (e) => this.onPointerDown(e), { capture: true });
    container.addEventListener('click', (e) => {
      if (this.swallowClick) {
        e.stopPropagation();
        e.preventDefault();
        this.swallowClick = false;
      }
    }, { capture: true });
  }

  /** The vote (open, or closed with results not dismissed), or null. */
  get vote() {
    const vote = this.session.session?.vote;
    if (!vote) return null;
    if (vote.state === 'closed' && this.dismissed === vote.id) return null;
    return vote;
  }

  /** Whether this person may cast (commenter and up). */
  get canVote() {
    return !!this.perms.role && this.perms.role !== 'viewer';
  }

  /** Voting mode: clicks on records in the vote cast dots. */
  setVoting(on) {
    this.voting = on;
    this.render();
  }

  /** Hides a closed vote's counts from the board. */
  dismiss() {
    this.dismissed = this.session.session?.vote?.id ?? null;
    this.render();
  }

  onPointerDown(e) {
    const vote = this.vote;
    if (!vote || vote.state !== 'open' || !this.voting || !this.canVote || e.button !== 0) return;
    if (e.target.closest('.vote-badge')) return;
    const el = e.target.closest('.record[data-record-id]');
    const id = el?.dataset.recordId;
    if (!id || !voteRecords(vote, this.sync.getView()).has(id)) return;
    e.preventDefault();
    e.stopPropagation();
    this.swallowClick = true;
    this.cast(id, e.shiftKey || e.altKey ? -1 : 1);
  }

  /**
   * Adds or takes back one dot, saying why not when it may not.
   * @param {string} record
   * @param {1|-1} delta
   */
  async cast(record, delta) {
    const state = this.session.state;
    const vote = this.vote;
    const refusal = castRefusal(vote, state.mine, record, delta, voteRecords(vote, this.sync.getView()));
    if (refusal) {
      toast(t(`voteRefused.${refusal}`));
      return;
    }
    if (await settle(this.session.cast(record, delta))) {
      announce(t('dotsLeft', { n: remainingDots(this.session.session?.vote, this.session.state.mine) }));
    }
  }

  render() {
    const vote = this.vote;
    const view = this.sync.getView();
    const records = voteRecords(vote, view);
    const counts = visibleCounts(vote, this.session.state.head);
    const mine = this.session.state.mine;
    const open = vote?.state === 'open';
    this.layer.dataset.voting = String(open && this.voting && this.canVote);
    const keep = new Set();
    for (const id of records) {
      const record = view.get(id);
      if (!record || !Number.isFinite(record.x) || !Number.isFinite(record.w)) continue;
      keep.add(id);
      let item = this.layer.querySelector(`[data-vote-record="${CSS.escape(id)}"]`);
      if (!item) item = this.createItem(id);
      item.style.left = `${record.x}px`;
      item.style.top = `${record.y}px`;
      item.style.width = `${record.w}px`;
      item.style.height = `${record.h}px`;
      const dots = myDotsOn(mine, vote, id);
      const count = counts?.get(id) ?? null;
      const label = recordText(record);
      const badge = item.querySelector('.vote-badge');
      badge.querySelector('.vote-mine').textContent = dots ? '●'.repeat(Math.min(dots, 5)) + (dots > 5 ? `×${dots}` : '') : '';
      badge.querySelector('.vote-count').textContent = count !== null ? String(count) : '';
      badge.querySelector('.vote-count').hidden = count === null;
      badge.dataset.count = count ?? '';
      badge.dataset.mine = String(dots);
      const add = badge.querySelector('.vote-add');
      const remove = badge.querySelector('.vote-remove');
      add.hidden = !open || !this.canVote;
      remove.hidden = !open || !this.canVote || dots === 0;
      add.setAttribute('aria-label', t('addDotTo', { label }));
      add.title = add.getAttribute('aria-label');
      remove.setAttribute('aria-label', t('removeDotFrom', { label }));
      remove.title = remove.getAttribute('aria-label');
      badge.setAttribute('aria-label', count !== null ? t('dotsOnRecord', { n: count, label }) : t('myDotsOnRecord', { n: dots, label }));
    }
    for (const item of [...this.layer.children]) {
      if (!keep.has(item.dataset.voteRecord)) item.remove();
    }
  }

  createItem(id) {
    const item = document.createElement('div');
    item.className = 'vote-item';
    item.dataset.voteRecord = id;
    const badge = document.createElement('div');
    badge.className = 'vote-badge';
    badge.setAttribute('role', 'group');
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.className = 'vote-remove';
    remove.textContent = '−';
    remove.addEventListener('click', () => this.cast(id, -1));
    const mineDots = document.createElement('span');
    mineDots.className = 'vote-mine';
    mineDots.setAttribute('aria-hidden', 'true');
    const count = document.createElement('span');
    count.className = 'vote-count';
    const add = document.createElement('button');
    add.type = 'button';
    add.className = 'vote-add';
    add.textContent = '+';
    add.addEventListener('click', () => this.cast(id, 1));
    for (const button of [remove, add]) {
      button.addEventListener('pointerdown', (e) => e.stopPropagation());
    }
    badge.append(remove, mineDots, count, add);
    item.append(badge);
    this.layer.append(item);
    return item;
  }
}
