/**
 * The facilitator's panel (role facilitator or owner): creating a session
 * (session-form.js), then running it — start and end, phases, the timer, locks,
 * private mode, dot votes, raised hands, breakouts, taking the room to a
 * view or frame, follow me — and the attendance and recap downloads.
 * A side panel on wide screens, a bottom sheet on phones.
 * @module session-panel
 */

import { errorMessage, getLanguage, t } from './i18n.js';
import { el, focusBack, icon, ICONS, saveBlob } from './dom.js';
import { toast } from './toast.js';
import { authFetch } from './auth.js';
import { button, check, field, formatSessionTime, section, settle, viewCenter } from './session-ui.js';
import { SessionForm } from './session-form.js';

const AT_ZERO = ['none', 'closeVote', 'reveal', 'lock', 'next'];
const SPLIT_BY = ['random', 'org', 'country'];

/**
 * The facilitator panel.
 */
export class SessionPanel {
  /**
   * @param {object} options
   * @param {import('./features/session.js').SessionClient} options.session
   * @param {import('./sync.js').SyncClient} options.sync
   * @param {import('./selection.js').Selection} options.selection
   * @param {import('./viewport.js').Viewport} options.viewport
   * @param {string} options.boardId
   */
  constructor({ session, sync, selection, viewport, boardId }) {
    this.session = session;
    this.sync = sync;
    this.selection = selection;
    this.viewport = viewport;
    this.boardId = boardId;
    this.sessionForm = new SessionForm({ session, sync });
    this.toggle = document.getElementById('session-button');
    this.build();
    this.toggle?.addEventListener('click', () => (this.isOpen ? this.close() : this.open()));
    session.onChange((kind) => {
      if (kind === 'state') this.render();
    });
    sync.on('role', () => this.render());
    sync.on('change', () => {
      if (this.isOpen) this.sessionForm.renderFrames();
    });
    selection.onChange(() => this.renderSelection());
  }

  /** Whether the panel is open. */
  get isOpen() {
    return !this.root.hidden;
  }

  /** Opens the panel and moves focus into it. */
  open() {
    if (!this.session.isFacilitator) return;
    this.opener = document.activeElement;
    this.root.hidden = false;
    this.toggle?.setAttribute('aria-expanded', 'true');
    document.body.classList.add('session-panel-open');
    this.render();
    this.root.querySelector('h2').focus();
  }

  /** Closes the panel; focus goes back where it came from. */
  close() {
    if (this.root.hidden) return;
    this.root.hidden = true;
    this.toggle?.setAttribute('aria-expanded', 'false');
    document.body.classList.remove('session-panel-open');
    focusBack(this.opener);
  }

  build() {
    const heading = el('h2', { id: 'session-panel-title', textContent: t('sessionPanelTitle'), tabIndex: -1 });
    const closeButton = el('button', { type: 'button', className: 'icon-button', attrs: { 'aria-label': t('close'), title: t('close') } });
    closeButton.append(icon(ICONS.close));
    closeButton.addEventListener('click', () => this.close());
    this.summary = el('div', { className: 'sp-summary', attrs: { 'aria-live': 'polite' } });
    this.root = el('aside', { id: 'session-panel', className: 'session-panel', hidden: true,
      attrs: { role: 'dialog', 'aria-modal': 'false', 'aria-labelledby': 'session-panel-title' } }, [
      el('div', { className: 'sp-head' }, [heading, closeButton]),
      this.summary,
      this.sessionForm.form,
      this.buildRun(),
      this.buildRecap(),
    ]);
    this.root.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        this.close();
      }
    });
    document.body.append(this.root);
  }

  // Running a session.
  buildRun() {
    this.startButton = button(t('startSession'), () => settle(this.session.start()), 'primary');
    this.endButton = button(t('endSession'), () => {
      if (confirm(t('endSessionConfirm'))) settle(this.session.end());
    }, 'subtle-danger');
    this.agenda = el('ol', { className: 'sp-agenda-live' });
    this.nextButton = button(t('nextPhase'), () => settle(this.session.next()), 'primary');

    this.timerMinutes = el('input', { type: 'number', min: 1, max: 600, step: 1, value: 5 });
    this.atZero = el('select', {}, AT_ZERO.map((a) => el('option', { value: a, textContent: t(`atZero.${a}`) })));
    const timerStart = button(t('timerStart'), () => settle(this.session.timer('start', {
      durationMs: Math.max(1, Number(this.timerMinutes.value) || 1) * 60000, atZero: this.atZero.value })), 'primary');
    this.pauseButton = button(t('timerPause'), () => {
      const state = this.session.session?.timers?.all?.state;
      settle(this.session.timer(state === 'paused' ? 'resume' : 'pause'));
    });
    const plus = button(t('timerAddMinute'), () => settle(this.session.timer('add', { ms: 60000 })));
    const reset = button(t('timerReset'), () => settle(this.session.timer('reset')));

    this.lockBoard = button(t('lockBoard'), () => {
      settle(this.session.lock('board', !this.session.session?.locks?.board));
    });
    this.lockFrame = button(t('lockFrame'), () => {
      const frame = this.selectedFrame();
      if (!frame) return;
      settle(this.session.lock(frame, !this.session.session?.locks?.frames?.includes(frame)));
    });

    this.privSee = check(t('facilitatorsSee'), true);
    this.privAnon = check(t('anonymousReveal'), false);
    this.privButton = button(t('privateOn'), () => {
      const on = !this.session.session?.privateMode?.on;
      settle(this.session.setPrivate(on, { facilitatorsSee: this.privSee.input.checked, anonymous: this.privAnon.input.checked }));
    });

    this.voteDots = el('input', { type: 'number', min: 1, max: 20, step: 1, value: 3 });
    this.voteCap = el('input', { type: 'number', min: 0, max: 20, step: 1, value: 0 });
    this.voteAnon = check(t('voteAnonymous'), false);
    this.voteLive = check(t('voteLiveCounts'), false);
    this.voteOnSelection = button(t('voteOnSelection'), () => this.openVote({ records: this.selectedRecords() }), 'primary');
    this.voteOnFrame = button(t('voteOnFrame'), () => this.openVote({ frame: this.selectedFrame() }));
    this.voteStatus = el('p', { className: 'sp-status', attrs: { role: 'status' } });
    this.voteClose = button(t('closeVote'), () => settle(this.session.closeVote()), 'primary');
    this.voteSetup = el('div', { className: 'sp-vote-setup' }, [
      el('div', { className: 'field-row' }, [field(t('voteDots'), this.voteDots), field(t('voteCap'), this.voteCap)]),
      this.voteAnon.row, this.voteLive.row,
      el('div', { className: 'sp-buttons' }, [this.voteOnSelection, this.voteOnFrame]),
    ]);

    this.hands = el('ul', { className: 'sp-hands' });

    this.splitBy = el('select', {}, SPLIT_BY.map((b) => el('option', { value: b, textContent: t(`splitBy.${b}`) })));
    this.splitCount = el('input', { type: 'number', min: 2, max: 50, step: 1, value: 3 });
    const split = button(t('splitGroups'), () => settle(this.session.breakouts({ action: 'split', by: this.splitBy.value,
      count: Math.max(2, Number(this.splitCount.value) || 2) })));
    this.endBreakouts = button(t('endBreakouts'), () => settle(this.session.breakouts({ action: 'end' })));
    this.groups = el('ul', { className: 'sp-groups' });

    this.force = check(t('forceMove'), false);
    const summon = button(t('summonAll'), () => settle(this.session.summon(viewCenter(this.viewport), this.force.input.checked)));
    this.spotlight = button(t('spotlightFrame'), () => {
      const frame = this.selectedFrame();
      if (frame) settle(this.session.spotlight(frame, this.force.input.checked));
    });
    this.followButton = button(t('followMe'), () => settle(this.session.follow(this.session.session?.follow !== this.session.me)));
    this.attendanceLive = button(t('attendance'), () => this.download('attendance'));

    this.run = el('div', { className: 'sp-run' }, [
      el('div', { className: 'sp-buttons sp-main-buttons' }, [this.startButton, this.endButton]),
      this.liveParts = el('div', { className: 'sp-live' }, [
        section(t('agenda'), [this.agenda, this.nextButton]),
        section(t('timer'), [
          el('div', { className: 'field-row' }, [field(t('minutes'), this.timerMinutes), field(t('atZeroLabel'), this.atZero)]),
          el('div', { className: 'sp-buttons' }, [timerStart, this.pauseButton, plus, reset]),
        ]),
        section(t('locks'), [el('div', { className: 'sp-buttons' }, [this.lockBoard, this.lockFrame])]),
        section(t('privateMode'), [this.privSee.row, this.privAnon.row, this.privButton]),
        section(t('dotVote'), [this.voteSetup, this.voteStatus, this.voteClose]),
        section(t('hands'), [this.hands]),
        section(t('breakouts'), [
          el('div', { className: 'field-row' }, [field(t('splitByLabel'), this.splitBy), field(t('groupCount'), this.splitCount)]),
          el('div', { className: 'sp-buttons' }, [split, this.endBreakouts]), this.groups,
        ]),
        section(t('moveRoom'), [this.force.row, el('div', { className: 'sp-buttons' }, [summon, this.spotlight, this.followButton])]),
        section(t('attendance'), [this.attendanceLive]),
      ]),
    ]);
    return this.run;
  }

  buildRecap() {
    this.recap = section(t('recap'), [
      el('p', { className: 'hint', textContent: t('recapHint') }),
      el('div', { className: 'sp-buttons' }, [
        button(t('recapMarkdown'), () => this.download('recap', 'md')),
        button(t('recapJson'), () => this.download('recap', 'json')),
        button(t('recapCsv'), () => this.download('recap', 'csv')),
        button(t('attendance'), () => this.download('attendance')),
      ]),
    ]);
    return this.recap;
  }

  openVote(target) {
    if (!target.records?.length && !target.frame) {
      toast(t('voteNeedsTarget'));
      return;
    }
    const cap = Math.round(Number(this.voteCap.value) || 0);
    settle(this.session.openVote({
      ...target,
      dots: Math.min(20, Math.max(1, Math.round(Number(this.voteDots.value) || 1))),
      ...(cap > 0 ? { cap } : {}),
      anonymous: this.voteAnon.input.checked,
      liveCounts: this.voteLive.input.checked,
    }));
  }

  /** The selected records a vote can be on (not frames, connectors or comments). */
  selectedRecords() {
    const view = this.sync.getView();
    return [...this.selection.ids].filter((id) => ['note', 'text', 'shape'].includes(view.get(id)?.type));
  }

  /** The selected frame, or the frame the selection is on. */
  selectedFrame() {
    const view = this.sync.getView();
    for (const id of this.selection.ids) {
      const record = view.get(id);
      if (record?.type === 'frame') return id;
      if (record?.parent && view.get(record.parent)?.type === 'frame') return record.parent;
    }
    return null;
  }

  async download(kind, format) {
    const sid = this.session.session?._id || this.session.session?.id;
    if (!sid) return;
    const base = `/api/boards/${encodeURIComponent(this.boardId)}/sessions/${encodeURIComponent(sid)}`;
    // a Markdown recap is written in the page's language (CSV and JSON are data, the same in all)
    const path = kind === 'recap' ? `${base}/recap?format=${format}&lang=${getLanguage()}` : `${base}/attendance`;
    try {
      const response = await authFetch(path, {}, { redirect: false });
      if (!response.ok) throw Object.assign(new Error('download failed'), { status: response.status });
      saveBlob(await response.blob(), kind === 'recap' ? `recap-${sid}.${format}` : `attendance-${sid}.json`);
    } catch (error) {
      toast(t('downloadFailed', { message: errorMessage(error) }), { kind: 'error' });
    }
  }

  renderSelection() {
    if (this.root.hidden) return;
    const frame = this.selectedFrame();
    this.lockFrame.disabled = !frame;
    this.spotlight.disabled = !frame;
    this.voteOnFrame.disabled = !frame;
    this.voteOnSelection.disabled = this.selectedRecords().length === 0;
    const locked = frame && this.session.session?.locks?.frames?.includes(frame);
    this.lockFrame.textContent = locked ? t('unlockFrame') : t('lockFrame');
    this.lockFrame.setAttribute('aria-pressed', String(!!locked));
  }

  render() {
    if (this.toggle) {
      this.toggle.hidden = !this.session.isFacilitator;
      this.toggle.dataset.state = this.session.session?.state ?? 'none';
    }
    if (!this.session.isFacilitator) {
      this.close();
      return;
    }
    if (this.root.hidden) return;
    const s = this.session.session;
    const state = s?.state ?? 'none';
    this.root.dataset.state = state;
    // The summary.
    if (s) {
      const when = formatSessionTime(s.startsAt, s.timeZone);
      this.summary.replaceChildren(...[
        el('p', { className: 'sp-title' }, [el('strong', { textContent: s.title || t('untitledSession') }),
          el('span', { className: 'session-chip', textContent: t(`sessionState.${s.state}`) })]),
        s.state === 'scheduled' ? el('p', { className: 'hint', textContent: when.session
          ? t('startsAtBoth', { local: when.local, there: when.session }) : t('startsAt', { local: when.local }) }) : null,
      ].filter(Boolean));
    } else {
      this.summary.replaceChildren(el('p', { className: 'hint', textContent: t('noSessionYet') }));
    }
    // The form: a new session (none, or the last one ended), or editing one not started.
    this.sessionForm.form.hidden = state === 'live';
    if (state !== 'live') this.sessionForm.show(state === 'scheduled' ? s : null);
    this.run.hidden = state !== 'scheduled' && state !== 'live';
    this.startButton.hidden = state !== 'scheduled';
    this.endButton.hidden = state !== 'live';
    this.liveParts.hidden = state !== 'live';
    this.recap.hidden = state !== 'ended';
    if (state === 'live') this.renderLive(s);
    this.renderSelection();
  }

  renderLive(s) {
    const phases = s.phases || [];
    this.agenda.replaceChildren(...phases.map((p, i) => {
      const current = i === s.current;
      const go = button(current ? t('phaseCurrent') : t('phaseGo'), () => settle(this.session.phase(i)));
      go.disabled = current;
      go.setAttribute('aria-label', t('phaseGoTo', { title: p.title || t('phaseN', { n: i + 1 }) }));
      return el('li', { className: current ? 'current' : '', attrs: current ? { 'aria-current': 'step' } : {} }, [
        el('span', { className: 'sp-phase-name', textContent: `${p.title || t('phaseN', { n: i + 1 })} · ${t('minutesShort', { n: p.minutes })}` }),
        go,
      ]);
    }));
    this.nextButton.disabled = s.current >= phases.length - 1;
    const timer = s.timers?.all;
    this.pauseButton.textContent = timer?.state === 'paused' ? t('timerResume') : t('timerPause');
    this.pauseButton.disabled = !['running', 'paused'].includes(timer?.state);
    this.lockBoard.setAttribute('aria-pressed', String(!!s.locks?.board));
    this.lockBoard.textContent = s.locks?.board ? t('unlockBoard') : t('lockBoard');
    const priv = !!s.privateMode?.on;
    this.privButton.textContent = priv ? t('privateOffReveal') : t('privateOn');
    this.privButton.setAttribute('aria-pressed', String(priv));
    this.privSee.input.disabled = priv;
    this.privAnon.input.disabled = priv;
    const vote = s.vote;
    const open = vote?.state === 'open';
    this.voteSetup.hidden = open;
    this.voteClose.hidden = !open;
    const head = this.session.state.head;
    this.voteStatus.textContent = open ? t('voteOpenStatus', { n: head?.vote === vote.id ? head.count : vote.chain?.count ?? 0 })
      : vote?.state === 'closed' ? t('voteClosedStatus') : '';
    this.voteStatus.hidden = !this.voteStatus.textContent;
    const hands = Array.isArray(s.hands) ? s.hands : [];
    this.hands.replaceChildren(...(hands.length ? hands.map((h) => el('li', {}, [
      el('span', { textContent: h.name || '?' }),
      (() => {
        const lower = button(t('lowerHandOf'), () => settle(this.session.hand(false, h.user)));
        lower.setAttribute('aria-label', t('lowerHandName', { name: h.name || '?' }));
        return lower;
      })(),
    ])) : [el('li', { className: 'hint', textContent: t('noHands') })]));
    const groups = s.breakouts?.groups || [];
    this.endBreakouts.disabled = !groups.length;
    this.groups.replaceChildren(...groups.map((g) => el('li', { textContent: t('groupMembers', { name: g.name, n: g.members?.length || 0 }) })));
    const leading = s.follow === this.session.me;
    this.followButton.setAttribute('aria-pressed', String(leading));
    this.followButton.textContent = leading ? t('followMeOff') : t('followMe');
  }
}
