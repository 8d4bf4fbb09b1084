/**
 * Helpers the session's panel, form, bar and vote layer share: what a
 * refused request says, dates in the viewer's and the session's time zones,
 * moving the view where a facilitator sends it, and the panel's labelled
 * controls.
 * @module session-ui
 */

import { el } from './dom.js';
import { errorMessage, locale, t } from './i18n.js';
import { toast } from './toast.js';
import { MAX_ZOOM, MIN_ZOOM } from './viewport.js';

const KNOWN_ERRORS = new Set(['ERR_NO_SESSION', 'ERR_SESSION_STATE', 'ERR_VOTE_LIMIT', 'ERR_INVALID', 'ERR_FORBIDDEN',
  'ERR_UNAVAILABLE', 'ERR_DISCONNECTED', 'ERR_TIMEOUT', 'ERR_PRIVATE_MODE', 'ERR_UNKNOWN_TYPE']);

/**
 * What to tell the person about a refused session request.
 * @param {{code?: string, message?: string}} error
 * @returns {string}
 */
export function sessionErrorText(error) {
  if (KNOWN_ERRORS.has(error?.code)) return t(`sessionError.${error.code}`);
  return errorMessage(error);
}

/**
 * Runs a session request and shows a toast when it is refused.
 * @param {Promise<*>} promise
 * @returns {Promise<boolean>} whether it succeeded
 */
export async function settle(promise) {
  try {
    await promise;
    return true;
  } catch (error) {
    toast(t('sessionRequestFailed', { message: sessionErrorText(error) }), { kind: 'error' });
    return false;
  }
}

/** This browser's time zone (IANA name). */
export function localTimeZone() {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/**
 * Whether a name is a time zone Intl knows.
 * @param {string} zone
 */
export function isTimeZone(zone) {
  if (!zone || typeof zone !== 'string') return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * A session's start in the viewer's zone and, when it differs, in the session's own.
 * @param {number} ms epoch ms
 * @param {string} sessionZone
 * @param {object} [options]
 * @param {string} [options.lang]
 * @param {string} [options.viewerZone]
 * @returns {{local: string, session: string|null}} session is null when both zones show the same time
 */
export function formatSessionTime(ms, sessionZone, { lang = locale(), viewerZone = localTimeZone() } = {}) {
  if (!Number.isFinite(ms)) return { local: '—', session: null };
  const format = (timeZone) => new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short', timeZone })
    .format(new Date(ms));
  const local = format(viewerZone);
  if (!isTimeZone(sessionZone) || sessionZone === viewerZone) return { local, session: null };
  const there = format(sessionZone);
  return { local, session: there === local ? null : `${there} (${sessionZone.replace(/_/g, ' ')})` };
}

/**
 * The local date-time text (YYYY-MM-DDTHH:mm) of an instant in a time zone,
 * for an <input type=datetime-local>.
 * @param {number} ms
 * @param {string} zone
 * @returns {string}
 */
export function toZonedInput(ms, zone) {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-CA', {
    timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/**
 * The instant a wall-clock time (YYYY-MM-DDTHH:mm) names in a time zone.
 * @param {string} text
 * @param {string} zone
 * @returns {number|null} epoch ms
 */
export function fromZonedInput(text, zone) {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(text || '');
  if (!m || !isTimeZone(zone)) return null;
  const wall = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]);
  // The zone's offset at that instant, found by formatting a guess (twice, across a change of offset).
  let guess = wall;
  for (let i = 0; i < 2; i++) {
    const shown = toZonedInput(guess, zone);
    const [d, time] = shown.split('T');
    const [y, mo, da] = d.split('-').map(Number);
    const [h, mi] = time.split(':').map(Number);
    guess += wall - Date.UTC(y, mo - 1, da, h, mi);
  }
  return guess;
}

/**
 * The view as a session sends it: the world point at the centre and the zoom.
 * @param {import('./viewport.js').Viewport} viewport
 * @returns {{x: number, y: number, zoom: number}}
 */
export function viewCenter(viewport) {
  const c = viewport.centerWorld();
  return { x: Math.round(c.x * 10) / 10, y: Math.round(c.y * 10) / 10, zoom: Math.round(viewport.zoom * 1000) / 1000 };
}

/**
 * The Viewport pan (x, y) and zoom that put a world point at the centre.
 * @param {{x: number, y: number, zoom: number}} target
 * @param {{width: number, height: number}} rect the visible area
 * @returns {{x: number, y: number, zoom: number}}
 */
export function panFor(target, rect) {
  const zoom = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, Number.isFinite(target.zoom) ? target.zoom : 1));
  return { x: rect.width / 2 - target.x * zoom, y: rect.height / 2 - target.y * zoom, zoom };
}

/**
 * Moves the view to centre a world point at a zoom: briefly animated, at
 * once when the person prefers reduced motion (or for a followed view).
 * @param {import('./viewport.js').Viewport} viewport
 * @param {{x: number, y: number, zoom: number}} target
 * @param {{animate?: boolean}} [options]
 * @returns {Promise<void>} when it is there
 */
export function moveView(viewport, target, { animate = true } = {}) {
  if (![target?.x, target?.y].every(Number.isFinite)) return Promise.resolve();
  const end = panFor(target, viewport.rect());
  const reduced = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
  viewport.sessionMoving = (viewport.sessionMoving || 0) + 1;
  const done = () => {
    viewport.sessionMoving -= 1;
  };
  if (!animate || reduced) {
    Object.assign(viewport, end);
    viewport.apply();
    done();
    return Promise.resolve();
  }
  const start = { x: viewport.x, y: viewport.y, zoom: viewport.zoom };
  const started = performance.now();
  const MS = 350;
  return new Promise((resolve) => {
    const step = (now) => {
      const k = Math.min(1, (now - started) / MS);
      const e = 1 - (1 - k) ** 3;
      // Interpolating the zoom geometrically keeps the motion even.
      const zoom = start.zoom * (end.zoom / start.zoom) ** e;
      const rect = viewport.rect();
      const from = { x: (rect.width / 2 - start.x) / start.zoom, y: (rect.height / 2 - start.y) / start.zoom };
      const cx = from.x + (target.x - from.x) * e;
      const cy = from.y + (target.y - from.y) * e;
      Object.assign(viewport, panFor({ x: cx, y: cy, zoom }, rect));
      viewport.apply();
      if (k < 1) requestAnimationFrame(step);
      else {
        done();
        resolve();
      }
    };
    requestAnimationFrame(step);
  });
}

/**
 * The centre and zoom that show a world box whole (a spotlighted frame).
 * @param {{x: number, y: number, w: number, h: number}} box
 * @param {{width: number, height: number}} rect
 * @returns {{x: number, y: number, zoom: number}}
 */
export function targetForBox(box, rect) {
  const margin = Math.min(64, Math.min(rect.width, rect.height) / 10);
  const zoom = Math.min((rect.width - margin * 2) / Math.max(box.w, 1), (rect.height - margin * 2) / Math.max(box.h, 1));
  return { x: box.x + box.w / 2, y: box.y + box.h / 2, zoom: Math.min(2, Math.max(MIN_ZOOM, zoom)) };
}

// The panel's controls: each labelled, ids unique on the page.
let fieldCount = 0;
/**
 * A labelled control.
 * @param {string} label
 * @param {HTMLElement} control
 * @param {string} [className]
 * @returns {HTMLElement}
 */
export function field(label, control, className = 'field') {
  control.id ||= `sp-field-${++fieldCount}`;
  return el('div', { className }, [el('label', { htmlFor: control.id, textContent: label }), control]);
}

/**
 * A labelled checkbox.
 * @param {string} label
 * @param {boolean} [checked]
 * @returns {{input: HTMLInputElement, row: HTMLLabelElement}}
 */
export function check(label, checked = false) {
  const input = el('input', { type: 'checkbox', checked, id: `sp-check-${++fieldCount}` });
  return { input, row: el('label', { className: 'check', htmlFor: input.id }, [input, el('span', { textContent: label })]) };
}

/**
 * A small button.
 * @param {string} label
 * @param {() => *} onClick
 * @param {string} [className]
 * @returns {HTMLButtonElement}
 */
export function button(label, onClick, className = '') {
  const b = el('button', { type: 'button', className: `button small ${className}`, textContent: label });
  b.addEventListener('click', onClick);
  return b;
}

/**
 * A titled section of the panel.
 * @param {string} title
 * @param {Node[]} children
 * @returns {HTMLElement}
 */
export function section(title, children) {
  const id = `sp-section-${++fieldCount}`;
  return el('section', { className: 'sp-section', attrs: { 'aria-labelledby': id } },
    [el('h3', { id, textContent: title }), ...children]);
}
