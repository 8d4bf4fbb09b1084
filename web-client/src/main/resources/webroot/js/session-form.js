/**
 * The facilitator's form for a session not started yet: a new one (none
 * yet, or the last one ended) or the scheduled one — title, start in a time
 * zone, and the agenda's phases with minutes, a frame and rules. Part of
 * the session panel (session-panel.js).
 * @module session-form
 */

import { t } from './i18n.js';
import { el } from './dom.js';
import { toast } from './toast.js';
import { button, check, field, fromZonedInput, formatSessionTime, isTimeZone, localTimeZone, settle, toZonedInput }
  from './session-ui.js';

/**
 * Creating a session, or editing one before it starts.
 */
export class SessionForm {
  /**
   * @param {object} options
   * @param {import('./features/session.js').SessionClient} options.session
   * @param {import('./sync.js').SyncClient} options.sync
   */
  constructor({ session, sync }) {
    this.session = session;
    this.sync = sync;
    this.filledFor = null;
    this.build();
  }

  /**
   * Shows the form for the scheduled session, or for a new one (null):
   * filled again only when that changed, so what is being typed stays.
   * @param {object|null} scheduled
   */
  show(scheduled) {
    const key = scheduled ? scheduled._id || scheduled.id || 'current' : 'new';
    if (this.filledFor !== key) {
      this.fill(scheduled);
      this.filledFor = key;
    }
    this.form.querySelector('h3').textContent = scheduled ? t('editSession') : t('newSession');
    this.submit.textContent = scheduled ? t('saveSession') : t('createSession');
  }

  build() {
    this.titleInput = el('input', { type: 'text', maxLength: 200, required: true, autocomplete: 'off' });
    this.startInput = el('input', { type: 'datetime-local', required: true });
    this.zoneInput = el('input', { type: 'text', autocomplete: 'off', spellcheck: false, value: localTimeZone(),
      attrs: { list: 'sp-zones' } });
    const zones = el('datalist', { id: 'sp-zones' });
    try {
      for (const zone of Intl.supportedValuesOf('timeZone')) zones.append(el('option', { value: zone }));
    } catch { /* older browsers: free text */ }
    this.zoneHint = el('p', { className: 'hint' });
    const updateHint = () => {
      const ms = fromZonedInput(this.startInput.value, this.zoneInput.value.trim());
      this.zoneInput.setAttribute('aria-invalid', String(!isTimeZone(this.zoneInput.value.trim())));
      this.zoneHint.textContent = ms === null ? '' : t('yourTime', { time: formatSessionTime(ms, localTimeZone()).local });
    };
    this.startInput.addEventListener('input', updateHint);
    this.zoneInput.addEventListener('input', updateHint);
    this.updateZoneHint = updateHint;
    this.phaseList = el('ol', { className: 'sp-phases' });
    const addPhase = button(t('addPhase'), () => {
      this.addPhaseRow({});
      this.phaseList.lastElementChild.querySelector('input').focus();
    });
    this.submit = el('button', { type: 'submit', className: 'button primary', textContent: t('createSession') });
    this.formError = el('p', { className: 'form-error', hidden: true, attrs: { role: 'alert' } });
    this.form = el('form', { className: 'sp-form', noValidate: true }, [
      el('h3', { id: 'sp-form-heading', textContent: t('newSession') }),
      field(t('sessionTitle'), this.titleInput),
      el('div', { className: 'field-row' }, [field(t('sessionStart'), this.startInput), field(t('timeZone'), this.zoneInput)]),
      zones, this.zoneHint,
      el('fieldset', { className: 'sp-agenda' }, [el('legend', { textContent: t('agenda') }), this.phaseList, addPhase]),
      this.formError,
      this.submit,
    ]);
    this.form.setAttribute('aria-labelledby', 'sp-form-heading');
    this.form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.save();
    });
  }

  addPhaseRow(phase) {
    const title = el('input', { type: 'text', maxLength: 200, value: phase.title || '', className: 'sp-phase-title' });
    const minutes = el('input', { type: 'number', min: 1, max: 600, step: 1, value: phase.minutes || 10, className: 'sp-phase-minutes' });
    const frame = el('select', { className: 'sp-phase-frame' });
    frame.dataset.value = phase.frame || '';
    const notes = el('select', { className: 'sp-phase-notes' }, [
      el('option', { value: 'everyone', textContent: t('notesEveryone') }),
      el('option', { value: 'facilitators', textContent: t('notesFacilitators') }),
    ]);
    notes.value = phase.rules?.notes || 'everyone';
    const voting = check(t('ruleVoting'), phase.rules?.voting ?? true);
    const comments = check(t('ruleComments'), phase.rules?.comments ?? true);
    const row = el('li', { className: 'sp-phase' });
    const remove = button(t('removePhase'), () => {
      const next = row.nextElementSibling || row.previousElementSibling;
      row.remove();
      this.renumber();
      next?.querySelector('input')?.focus();
    }, 'subtle-danger');
    row.append(
      el('div', { className: 'sp-phase-main' }, [field(t('phaseTitle'), title), field(t('minutes'), minutes, 'field sp-minutes')]),
      field(t('phaseFrame'), frame),
      el('div', { className: 'sp-rules' }, [field(t('ruleNotes'), notes), voting.row, comments.row]),
      remove,
    );
    row.fields = { title, minutes, frame, notes, voting: voting.input, comments: comments.input, remove };
    this.phaseList.append(row);
    this.renderFrames();
    this.renumber();
  }

  renumber() {
    [...this.phaseList.children].forEach((row, i) => {
      row.fields.remove.setAttribute('aria-label', t('removePhaseN', { n: i + 1 }));
      row.fields.title.placeholder = t('phaseN', { n: i + 1 });
    });
  }

  /** The frames of the board, for the phase pickers. */
  frames() {
    return [...this.sync.getView().values()].filter((r) => r.type === 'frame')
      .map((r) => ({ id: r.id, title: r.title || t('defaultFrameTitle') }));
  }

  /** The phases' frame pickers, after the board's frames changed. */
  renderFrames() {
    const frames = this.frames();
    const key = JSON.stringify(frames);
    for (const row of this.phaseList.children) {
      const select = row.fields.frame;
      if (select.dataset.framesKey === key) continue;
      const value = select.value || select.dataset.value || '';
      select.replaceChildren(el('option', { value: '', textContent: t('noFrame') }),
        ...frames.map((f) => el('option', { value: f.id, textContent: f.title })));
      select.value = frames.some((f) => f.id === value) ? value : '';
      select.dataset.framesKey = key;
    }
  }

  readForm() {
    const title = this.titleInput.value.trim();
    const timeZone = this.zoneInput.value.trim();
    const startsAt = fromZonedInput(this.startInput.value, timeZone);
    const phases = [...this.phaseList.children].map((row, i) => {
      const f = row.fields;
      const phase = {
        title: f.title.value.trim() || t('phaseN', { n: i + 1 }),
        minutes: Math.max(1, Math.round(Number(f.minutes.value) || 1)),
        rules: { notes: f.notes.value, voting: f.voting.checked, comments: f.comments.checked },
      };
      if (f.frame.value) phase.frame = f.frame.value;
      return phase;
    });
    if (!title) return { error: t('sessionTitleMissing'), focus: this.titleInput };
    if (!isTimeZone(timeZone)) return { error: t('timeZoneInvalid'), focus: this.zoneInput };
    if (startsAt === null) return { error: t('sessionStartMissing'), focus: this.startInput };
    if (!phases.length) return { error: t('agendaEmpty'), focus: this.form.querySelector('.sp-agenda button') };
    return { body: { title, startsAt, timeZone, phases } };
  }

  async save() {
    const { error, focus, body } = this.readForm();
    this.formError.hidden = !error;
    this.formError.textContent = error || '';
    if (error) {
      focus?.focus();
      return;
    }
    const editing = this.session.session?.state === 'scheduled';
    this.submit.disabled = true;
    const ok = await settle(editing ? this.session.update(body) : this.session.create(body));
    this.submit.disabled = false;
    if (ok) toast(editing ? t('sessionSaved') : t('sessionCreated'));
  }

  fill(s) {
    this.filledFor = s ? s._id || s.id || 'current' : null;
    this.titleInput.value = s?.title || '';
    const zone = s?.timeZone && isTimeZone(s.timeZone) ? s.timeZone : localTimeZone();
    this.zoneInput.value = zone;
    const start = Number.isFinite(s?.startsAt) ? s.startsAt : Math.ceil((Date.now() + 5 * 60000) / 300000) * 300000;
    this.startInput.value = toZonedInput(start, zone);
    this.phaseList.replaceChildren();
    const phases = s?.phases?.length ? s.phases : [{ title: '', minutes: 10 }];
    for (const phase of phases) this.addPhaseRow(phase);
    this.updateZoneHint();
  }
}
