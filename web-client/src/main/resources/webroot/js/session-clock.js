/**
 * The server's clock as seen from this page, and countdowns on it
 * (docs/SESSIONS.md "Timer: the server is the clock"). Pure: no DOM, no
 * timers; the session feature feeds it ping/pong round trips.
 * @module session-clock
 */

/** How many round trips the offset is the median of. */
export const CLOCK_SAMPLES = 5;

/**
 * The offset of one ping/pong round trip: the server's time at the middle
 * of the trip minus this page's.
 * @param {number} sent local ms when the ping left
 * @param {number} received local ms when the pong came
 * @param {number} at the pong's server ms
 * @returns {number} ms to add to local time to get server time
 */
export function sampleOffset(sent, received, at) {
  return at - (sent + received) / 2;
}

/**
 * The median of numbers (the mean of the middle two for an even count).
 * @param {number[]} values
 * @returns {number}
 */
export function median(values) {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * The offset between this page's clock and the server's: the median of the
 * last five samples, so one slow round trip does not move it.
 */
export class ServerClock {
  constructor() {
    this.samples = [];
  }

  /**
   * Adds one round trip.
   * @param {number} sent
   * @param {number} received
   * @param {number} at
   * @returns {number} the offset now
   */
  add(sent, received, at) {
    if (![sent, received, at].every(Number.isFinite) || received < sent) return this.offset;
    this.samples.push(sampleOffset(sent, received, at));
    if (this.samples.length > CLOCK_SAMPLES) this.samples.shift();
    return this.offset;
  }

  /** ms to add to local time (0 before any sample). */
  get offset() {
    return Math.round(median(this.samples));
  }

  /** Whether at least one sample came. */
  get measured() {
    return this.samples.length > 0;
  }

  /**
   * The server's time now.
   * @param {number} [local] this page's ms (default: now)
   * @returns {number}
   */
  now(local = Date.now()) {
    return local + this.offset;
  }
}

/**
 * What is left of a session timer at a server time.
 * @param {{state: string, endsAt?: number, remainingMs?: number, durationMs?: number}|null} timer
 * @param {number} serverNow
 * @returns {number|null} ms left (never below 0), or null for no timer (idle or none)
 */
export function timerRemaining(timer, serverNow) {
  if (!timer || typeof timer !== 'object') return null;
  switch (timer.state) {
    case 'running': return Number.isFinite(timer.endsAt) ? Math.max(0, timer.endsAt - serverNow) : null;
    case 'paused': return Number.isFinite(timer.remainingMs) ? Math.max(0, timer.remainingMs) : null;
    case 'done': return 0;
    default: return null;
  }
}

/**
 * A countdown as text: m:ss, h:mm:ss from an hour up. Rounds up, so 0:00
 * shows only when the time is over (and 0:01 during the last second).
 * @param {number|null} ms
 * @returns {string} '' for null
 */
export function formatCountdown(ms) {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '';
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/**
 * How long until the next whole second of a countdown changes: when to draw again.
 * @param {number|null} ms what is left
 * @returns {number} ms (at least 20, at most 1000)
 */
export function nextTick(ms) {
  if (ms === null || !Number.isFinite(ms) || ms <= 0) return 1000;
  const into = ms % 1000;
  return Math.max(20, Math.min(1000, into === 0 ? 1000 : into + 5));
}
