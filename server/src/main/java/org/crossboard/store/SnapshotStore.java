package org.crossboard.store;

import io.vertx.core.Future;

/** Snapshots of board states; a board loads from its newest snapshot plus later ops (SPEC.md D4). */
public interface SnapshotStore {

  /** Saves a snapshot; saving an older seq than one already stored is harmless. */
  Future<Void> save(String board, Snapshot snapshot);

  /** The newest snapshot, or null when the board has none. */
  Future<Snapshot> latest(String board);

  Future<Void> deleteBoard(String board);
}
