package org.crossboard.access;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Counts events per key within a sliding time window (failed sign-ins, sign-ups) and says how
 * long a key must wait before it is under a limit again. Memory is bounded: keys whose events all
 * left the window are dropped. Event-loop confined.
 */
final class SlidingWindow {
  private static final int PRUNE_ABOVE_KEYS = 100_000;
  private final long windowMs;
  private final Map<String, ArrayDeque<Long>> events = new HashMap<>();

  SlidingWindow(long windowMs) {
    this.windowMs = windowMs;
  }

  void add(String key, long now) {
    if (events.size() > PRUNE_ABOVE_KEYS) {
      events.values().removeIf(times -> times.isEmpty() || times.peekLast() <= now - windowMs);
    }
    events.computeIfAbsent(key, k -> new ArrayDeque<>()).addLast(now);
  }

  void clear(String key) {
    events.remove(key);
  }

  /** Milliseconds until {@code key} has fewer than {@code limit} events in the window; 0 if it has now. */
  long waitMs(String key, int limit, long now) {
    ArrayDeque<Long> times = events.get(key);
    if (times == null) {
      return 0;
    }
    while (!times.isEmpty() && times.peekFirst() <= now - windowMs) {
      times.pollFirst();
    }
    if (times.isEmpty()) {
      events.remove(key);
      return 0;
    }
    if (times.size() < limit) {
      return 0;
    }
    // under the limit again once enough of the oldest events have left the window
    Iterator<Long> it = times.iterator();
    long mustExpire = it.next();
    for (int i = 0; i < times.size() - limit; i++) {
      mustExpire = it.next();
    }
    return mustExpire + windowMs - now;
  }

  static long toSeconds(long ms) {
    return ms == 0 ? 0 : Math.max(1, (ms + 999) / 1000);
  }
}
