package org.crossboard.replication;

import io.vertx.core.Future;

/**
 * Who sequences a board across nodes (SPEC.md M6): one lease per board, held by one node for a
 * time-to-live and renewed while its room is open, with a fencing epoch that grows with every new
 * holder. A failed future means the store could not be reached (the caller then cannot know).
 */
public interface LeaseStore {

  /** A board's lease: the node holding it and its epoch (unique and increasing per board). */
  record Lease(String node, long epoch) {}

  /**
   * Takes the lease for {@code node} if nobody holds it, with a new, higher epoch; either way
   * answers the lease as it now is (this node's, or the current holder's).
   */
  Future<Lease> acquire(String board, String node, long ttlMs);

  /** Extends the lease if {@code lease} still holds it; false when it lost it (expired, taken). */
  Future<Boolean> renew(String board, Lease lease, long ttlMs);

  /** Gives the lease up at once if {@code lease} still holds it (graceful shutdown, room closing). */
  Future<Void> release(String board, Lease lease);

  /** The lease as it is now, or null when nobody holds it. */
  Future<Lease> current(String board);
}
