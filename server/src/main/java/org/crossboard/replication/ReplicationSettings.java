package org.crossboard.replication;

/**
 * Tunables of replication between nodes.
 *
 * @param leaseTtlMs how long a board's lease lasts without renewal: a dead sequencing node's boards
 *     move to another node within about this long (renewed and checked every third of it)
 * @param catchUpCheckMs how often an idle room compares its seq with the op log's (lost messages)
 * @param forwardRetryMs a forwarded push unanswered for this long is sent again (a lost message;
 *     idempotency makes the second copy harmless)
 */
public record ReplicationSettings(long leaseTtlMs, long catchUpCheckMs, long forwardRetryMs) {
  public static final ReplicationSettings DEFAULTS = new ReplicationSettings(3_000, 2_000, 2_000);

  /** How often the lease is renewed (by its holder) or looked at (by the others). */
  long leaseTickMs() {
    return Math.max(50, leaseTtlMs / 3);
  }
}
