/**
 * The session strip everyone in the room sees while a session is scheduled
 * or live: its title, the phase, the countdown on the server's clock (with a
 * flash, an announcement and an optional beep at zero), raising a hand,
 * voting (dots left, voting on or off, the ranking at close), private mode's
 * banner, locks, and "don't move me".
 * @module session-bar
 */

import { t } from './i18n.js';
import { el } from './dom.js';
import { announce } from './announce.js';
import { formatCountdown, nextTick, timerRemaining } from './session-clock.js';
import { rankingRows, recordText, remainingDots } from './session-vote.js';
import { formatSessionTime, settle } from './session-ui.js';

const SOUND_KEY = 'crossboard.session.sound';
const STAY_KEY = 'crossboard.session.stay';

function stored(key) {
  try { return localStorage.getItem(key) === '1'; } catch { return false; }
}

function store(key, on) {
  try { localStorage.setItem(key, on ? '1' : '0'); } catch { /* private mode */ }
}

/**
 * A short beep through WebAudio.
 * @param {AudioContext} audio
 */
function beep(audio) {
  const osc = audio.createOscillator();
  const gain = audio.createGain();
  osc.type = 'sine';
  osc.frequency.value = 880;
  gain.gain.setValueAtTime(0.0001, audio.currentTime);
  gain.gain.exponentialRampToValueAtTime(0.25, audio.currentTime + 0.02);
  gain.gain.exponentialRampToValueAtTime(0.0001, audio.currentTime + 0.5);
  osc.connect(gain).connect(audio.destination);
  osc.start();
  osc.stop(audio.currentTime + 0.55);
}

/**
 * The phase text: "2/5 · Ideas".
 * @param {object} session
 * @returns {string}
 */
export function phaseText(session) {
  const phases = Array.isArray(session?.phases) ? session.phases : [];
  const i = session?.current ?? -1;
  if (i < 0 || i >= phases.length) return '';
  return t('phaseOf', { n: i + 1, total: phases.length, title: phases[i].title || '' });
}

/**
 * The participant strip.
 */
export class SessionBar {
  /**
   * @param {object} options
   * @param {import('./features/session.js').SessionClient} options.session
   * @param {import('./session-vote.js').VoteLayer} options.votes
   * @param {import('./sync.js').SyncClient} options.sync
   */
  constructor({ session, votes, sync }) {
    this.session = session;
    this.votes = votes;
    this.sync = sync;
    this.sound = stored(SOUND_KEY);
    this.stay = stored(STAY_KEY);
    this.audio = null;
    this.timer = 0;
    this.lastPhase = null;
    this.lastVote = null;
    this.build();
    session.onChange((kind, message) => {
      if (kind === 'state' || kind === 'clock') this.render();
      if (kind === 'cue') this.onCue(message);
    });
    sync.on('change', () => {
      if (!this.results.hidden) this.renderResults();
    });
    sync.on('role', () => this.render());
    this.render();
  }

  /** Whether summons and the followed view leave this person where they are (unless forced). */
  get stayPut() {
    return this.stay;
  }

  build() {
    const button = (className, label, onClick) => {
      const b = el('button', { type: 'button', className: `button small ${className}` });
      b.addEventListener('click', onClick);
      if (label) b.append(el('span', { className: 'label', textContent: label }));
      return b;
    };
    this.state = el('span', { className: 'session-state' });
    this.title = el('span', { className: 'session-title' });
    this.phase = el('span', { className: 'session-phase' });
    this.when = el('span', { className: 'session-when' });
    this.clock = el('span', { className: 'session-clock', attrs: { role: 'timer', 'aria-live': 'off' } });
    this.hand = button('session-hand', '', () => this.toggleHand());
    this.voteButton = button('session-vote', '', () => this.toggleVoting());
    this.resultsButton = button('session-results-button', t('showResults'), () => this.showResults(true));
    this.lockChip = el('span', { className: 'session-chip session-lock', attrs: { role: 'status' } });
    this.soundButton = button('session-sound', t('sound'), () => this.toggleSound());
    this.stayButton = button('session-stay', t('dontMoveMe'), () => this.toggleStay());
    this.privateBanner = el('p', { className: 'session-private', attrs: { role: 'status' } });
    this.results = el('section', { className: 'session-results', hidden: true, attrs: { 'aria-labelledby': 'session-results-heading' } });
    this.resultsList = el('ol', { className: 'session-ranking' });
    const closeResults = button('session-results-close', t('close'), () => this.showResults(false));
    const hideCounts = button('session-results-hide', t('hideCounts'), () => {
      this.votes.dismiss();
      this.showResults(false);
    });
    this.results.append(el('h2', { id: 'session-results-heading', textContent: t('voteResults') }), this.resultsList,
      el('div', { className: 'session-results-actions' }, [hideCounts, closeResults]));
    this.root = el('section', { id: 'session-bar', className: 'session-bar', hidden: true,
      attrs: { 'aria-label': t('sessionBarLabel') } }, [
      el('div', { className: 'session-row' }, [
        el('div', { className: 'session-info' }, [this.state, this.title, this.phase, this.when]),
        this.clock,
        el('div', { className: 'session-actions' }, [this.hand, this.voteButton, this.resultsButton, this.lockChip,
          this.soundButton, this.stayButton]),
      ]),
      this.privateBanner,
    ]);
    document.body.append(this.root, this.results);
    this.results.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') this.showResults(false);
    });
  }

  toggleHand() {
    const up = !this.handUp();
    settle(this.session.hand(up)).then((ok) => {
      if (ok) announce(up ? t('handRaised') : t('handLowered'));
    });
  }

  handUp() {
    const me = this.session.me;
    return !!this.session.session?.hands?.some((h) => h.user === me);
  }

  toggleVoting() {
    this.votes.setVoting(!this.votes.voting);
    this.render();
  }

  toggleSound() {
    this.sound = !this.sound;
    store(SOUND_KEY, this.sound);
    if (this.sound) this.ensureAudio();
    this.render();
  }

  ensureAudio() {
    const Audio = window.AudioContext || window.webkitAudioContext;
    if (!this.audio && Audio) this.audio = new Audio();
    this.audio?.resume?.();
  }

  toggleStay() {
    this.stay = !this.stay;
    store(STAY_KEY, this.stay);
    this.render();
  }

  onCue(message) {
    if (message.kind !== 'timerZero') return;
    const group = this.session.myGroup();
    if (message.group && message.group !== group?.id) return;
    this.root.classList.remove('flash');
    void this.root.offsetWidth; // restart the animation
    this.root.classList.add('flash');
    clearTimeout(this.flashTimer);
    this.flashTimer = setTimeout(() => this.root.classList.remove('flash'), 2500);
    announce(t('timeUp'));
    if (this.sound) {
      this.ensureAudio();
      if (this.audio) beep(this.audio);
    }
    this.render();
  }

  showResults(open) {
    this.results.hidden = !open;
    if (open) {
      this.renderResults();
      this.results.querySelector('.session-results-close').focus();
    } else if (this.results.contains(document.activeElement) || document.activeElement === document.body) {
      this.resultsButton.focus();
    }
  }

  renderResults() {
    const vote = this.session.session?.vote;
    const view = this.sync.getView();
    const rows = rankingRows(vote, (id) => recordText(view.get(id)));
    this.resultsList.replaceChildren(...(rows.length ? rows.map((row) => el('li', { dataset: { record: row.record } }, [
      el('span', { className: 'place', textContent: `${row.place}.` }),
      el('span', { className: 'what', textContent: row.label }),
      el('span', { className: 'count', textContent: t('dotsCount', { n: row.count }) }),
    ])) : [el('li', { className: 'empty', textContent: t('noVotes') })]));
  }

  render() {
    clearTimeout(this.timer);
    const s = this.session.session;
    const facilitator = this.session.isFacilitator;
    const visible = !!s && (s.state !== 'ended' || facilitator);
    this.root.hidden = !visible;
    document.body.classList.toggle('has-session', visible);
    if (!visible) {
      this.results.hidden = true;
      return;
    }
    this.root.dataset.state = s.state;
    this.state.textContent = t(`sessionState.${s.state}`);
    this.title.textContent = s.title || t('untitledSession');
    const phase = s.state === 'live' ? phaseText(s) : '';
    this.phase.textContent = phase;
    this.phase.hidden = !phase;
    if (s.state === 'live' && phase && this.lastPhase !== null && phase !== this.lastPhase) announce(t('phaseNow', { phase }));
    this.lastPhase = s.state === 'live' ? phase : null;
    if (s.state === 'scheduled') {
      const when = formatSessionTime(s.startsAt, s.timeZone);
      this.when.textContent = when.session ? t('startsAtBoth', { local: when.local, there: when.session }) : t('startsAt', { local: when.local });
      this.when.hidden = false;
    } else {
      this.when.hidden = true;
    }

    // The countdown, on the server's clock.
    const timer = this.session.myTimer();
    const left = s.state === 'live' ? timerRemaining(timer, this.session.serverNow()) : null;
    this.clock.hidden = left === null;
    this.clock.textContent = formatCountdown(left);
    this.clock.dataset.state = timer?.state || 'idle';
    this.clock.setAttribute('aria-label', left === null ? '' : t('timeLeft', { time: formatCountdown(left) }));
    if (timer?.state === 'running' && left > 0) this.timer = setTimeout(() => this.render(), nextTick(left));

    // Hands, votes, locks.
    const live = s.state === 'live';
    const up = this.handUp();
    this.hand.hidden = !live;
    this.hand.setAttribute('aria-pressed', String(up));
    this.hand.querySelector('.label')?.remove();
    this.hand.append(el('span', { className: 'label', textContent: up ? t('lowerHand') : t('raiseHand') }));
    const vote = s.vote;
    const open = live && vote?.state === 'open';
    this.voteButton.hidden = !open || !this.votes.canVote;
    if (open) {
      const left = remainingDots(vote, this.session.state.mine);
      this.voteButton.setAttribute('aria-pressed', String(this.votes.voting));
      this.voteButton.querySelector('.label')?.remove();
      this.voteButton.append(el('span', { className: 'label', textContent: t('votingDotsLeft', { n: left }) }));
      this.voteButton.title = this.votes.voting ? t('votingOnHint') : t('votingOffHint');
    }
    const closed = vote?.state === 'closed' && Array.isArray(vote.results?.ranking);
    this.resultsButton.hidden = !closed;
    if (closed && this.lastVote?.id === vote.id && this.lastVote.state === 'open') {
      announce(t('voteClosedAnnounce'));
      this.showResults(true);
    }
    this.lastVote = vote ? { id: vote.id, state: vote.state } : null;
    const lockedFrames = s.locks?.frames?.length || 0;
    const lockText = s.locks?.board ? t('boardLocked') : lockedFrames ? t('framesLocked', { n: lockedFrames }) : '';
    this.lockChip.textContent = lockText;
    this.lockChip.hidden = !live || !lockText;
    this.soundButton.setAttribute('aria-pressed', String(this.sound));
    this.stayButton.setAttribute('aria-pressed', String(this.stay));
    this.soundButton.hidden = !live;
    this.stayButton.hidden = !live || facilitator;

    // Private mode.
    const priv = live && s.privateMode?.on;
    this.privateBanner.hidden = !priv;
    if (priv) {
      const hidden = this.session.state.hidden;
      const who = s.privateMode.facilitatorsSee ? t('privateYouAndFacilitators') : t('privateOnlyYou');
      this.privateBanner.textContent = hidden ? `${who} ${t('privateHidden', { n: hidden })}` : who;
    }
  }
}
