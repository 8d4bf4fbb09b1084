package org.crossboard.access;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Counts failed sign-ins per account and per address in a sliding window and refuses further
 * attempts once either is over its limit, until the oldest failure leaves the window (SPEC.md A3).
 * A success clears the account's failures. Per node, in memory: behind a board-affine balancer
 * an attacker spreading over N nodes gets at most N times the limit, which is still slow.
 * Event-loop confined.
 */
public final class LoginThrottle {
  private static final int MAX_KEYS = 100_000;
  private final int perAccount;
  private final int perAddress;
  private final long windowMs;
  private final Map<String, ArrayDeque<Long>> failures = new HashMap<>();

  public LoginThrottle(int perAccount, int perAddress, long windowMs) {
    this.perAccount = perAccount;
    this.perAddress = perAddress;
    this.windowMs = windowMs;
  }

  /** Seconds until another attempt is allowed for this account from this address; 0 when allowed now. */
  public long retryAfterSeconds(String email, String address, long now) {
    long wait = Math.max(waitFor("a:" + email, perAccount, now), waitFor("i:" + address, perAddress, now));
    return wait == 0 ? 0 : Math.max(1, (wait + 999) / 1000);
  }

  public void failed(String email, String address, long now) {
    if (failures.size() > MAX_KEYS) {
      prune(now);
    }
    failures.computeIfAbsent("a:" + email, k -> new ArrayDeque<>()).addLast(now);
    failures.computeIfAbsent("i:" + address, k -> new ArrayDeque<>()).addLast(now);
  }

  public void succeeded(String email) {
    failures.remove("a:" + email);
  }

  private long waitFor(String key, int limit, long now) {
    ArrayDeque<Long> times = failures.get(key);
    if (times == null) {
      return 0;
    }
    while (!times.isEmpty() && times.peekFirst() <= now - windowMs) {
      times.pollFirst();
    }
    if (times.isEmpty()) {
      failures.remove(key);
      return 0;
    }
    if (times.size() < limit) {
      return 0;
    }
    // allowed again when enough failures have left the window to be under the limit
    Iterator<Long> it = times.iterator();
    long oldestThatMustExpire = it.next();
    for (int i = 0; i < times.size() - limit; i++) {
      oldestThatMustExpire = it.next();
    }
    return oldestThatMustExpire + windowMs - now;
  }

  private void prune(long now) {
    failures.values().removeIf(times -> times.isEmpty() || times.peekLast() <= now - windowMs);
  }
}
