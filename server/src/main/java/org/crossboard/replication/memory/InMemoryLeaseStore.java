package org.crossboard.replication.memory;

import io.vertx.core.Future;
import java.util.HashMap;
import java.util.Map;
import org.crossboard.replication.LeaseStore;

/**
 * Leases in this JVM's memory: for tests of the lease protocol and for nodes that share one
 * process. Time-to-live by wall clock; thread-safe.
 */
public final class InMemoryLeaseStore implements LeaseStore {
  private record Held(Lease lease, long until) {}

  private final Map<String, Held> leases = new HashMap<>();
  private final Map<String, Long> epochs = new HashMap<>();

  @Override
  public synchronized Future<Lease> acquire(String board, String node, long ttlMs) {
    Lease held = live(board);
    if (held != null) {
      return Future.succeededFuture(held);
    }
    Lease mine = new Lease(node, epochs.merge(board, 1L, Long::sum));
    leases.put(board, new Held(mine, System.currentTimeMillis() + ttlMs));
    return Future.succeededFuture(mine);
  }

  @Override
  public synchronized Future<Boolean> renew(String board, Lease lease, long ttlMs) {
    if (!lease.equals(live(board))) {
      return Future.succeededFuture(false);
    }
    leases.put(board, new Held(lease, System.currentTimeMillis() + ttlMs));
    return Future.succeededFuture(true);
  }

  @Override
  public synchronized Future<Void> release(String board, Lease lease) {
    if (lease.equals(live(board))) {
      leases.remove(board);
    }
    return Future.succeededFuture();
  }

  @Override
  public synchronized Future<Lease> current(String board) {
    return Future.succeededFuture(live(board));
  }

  /** Lets the lease lapse now, as if its holder stopped renewing it long ago (tests). */
  public synchronized void expire(String board) {
    leases.remove(board);
  }

  private Lease live(String board) {
    Held held = leases.get(board);
    if (held == null || held.until() <= System.currentTimeMillis()) {
      leases.remove(board);
      return null;
    }
    return held.lease();
  }
}
