package org.crossboard.presence;

/**
 * Tunables of presence (SPEC.md S2, S3).
 *
 * @param tickMs how often coalesced presence is flushed (rooms up to {@code thinAbove} people)
 * @param timeoutMs a person not heard of for this long is gone
 * @param thinAbove above this many people the tick stretches (cursor thinning)
 */
public record PresenceSettings(long tickMs, long timeoutMs, int thinAbove) {
  public static final PresenceSettings DEFAULTS = new PresenceSettings(30, 15_000, 50);

  /** Hidden tabs get their timers throttled to about once a minute; give them room before they vanish. */
  static final long AWAY_TIMEOUT_MS = 90_000;

  /** The flush interval for a room of {@code people}: tick × ⌈people / thinAbove⌉, at most 250 ms. */
  public long interval(int people) {
    long factor = Math.max(1, (people + thinAbove - 1) / thinAbove);
    return Math.min(250, tickMs * factor);
  }

  /** How often a node re-announces its people: three times per timeout, so one lost message never makes anyone vanish. */
  long heartbeatMs() {
    return Math.max(100, Math.min(5_000, timeoutMs / 3));
  }
}
