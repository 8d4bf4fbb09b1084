package org.crossboard.access;

/**
 * Counts failed sign-ins per account and per address in a sliding window and refuses further
 * attempts once either is over its limit, until the oldest failure leaves the window (SPEC.md A3).
 * A success clears the account's failures. Per node, in memory: behind a board-affine balancer
 * an attacker spreading over N nodes gets at most N times the limit, which is still slow.
 * Event-loop confined.
 */
public final class LoginThrottle {
  private final int perAccount;
  private final int perAddress;
  private final SlidingWindow failures;

  public LoginThrottle(int perAccount, int perAddress, long windowMs) {
    this.perAccount = perAccount;
    this.perAddress = perAddress;
    this.failures = new SlidingWindow(windowMs);
  }

  /** Seconds until another attempt is allowed for this account from this address; 0 when allowed now. */
  public long retryAfterSeconds(String email, String address, long now) {
    return SlidingWindow.toSeconds(Math.max(failures.waitMs("a:" + email, perAccount, now),
        failures.waitMs("i:" + address, perAddress, now)));
  }

  public void failed(String email, String address, long now) {
    failures.add("a:" + email, now);
    failures.add("i:" + address, now);
  }

  public void succeeded(String email) {
    failures.clear("a:" + email);
  }
}
