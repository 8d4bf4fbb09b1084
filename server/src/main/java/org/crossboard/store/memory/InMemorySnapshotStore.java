package org.crossboard.store.memory;

import io.vertx.core.Future;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.crossboard.store.Snapshot;
import org.crossboard.store.SnapshotStore;

/** Keeps the newest snapshot per board in memory. */
public final class InMemorySnapshotStore implements SnapshotStore {
  private final Map<String, Snapshot> latest = new ConcurrentHashMap<>();

  @Override
  public Future<Void> save(String board, Snapshot snapshot) {
    Snapshot copy = new Snapshot(snapshot.seq(), snapshot.records().copy());
    latest.merge(board, copy, (old, neu) -> neu.seq() >= old.seq() ? neu : old);
    return Future.succeededFuture();
  }

  @Override
  public Future<Snapshot> latest(String board) {
    Snapshot s = latest.get(board);
    return Future.succeededFuture(s == null ? null : new Snapshot(s.seq(), s.records().copy()));
  }

  @Override
  public Future<Void> deleteBoard(String board) {
    latest.remove(board);
    return Future.succeededFuture();
  }
}
