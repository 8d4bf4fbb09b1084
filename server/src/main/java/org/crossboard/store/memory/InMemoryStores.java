package org.crossboard.store.memory;

import org.crossboard.store.BoardCatalog;
import org.crossboard.store.OpLog;
import org.crossboard.store.SnapshotStore;
import org.crossboard.store.Stores;

/** All adapters in memory: for tests and for single-node use without persistence. */
public final class InMemoryStores {
  private InMemoryStores() {}

  public static Stores create() {
    return with(new InMemoryBoardCatalog(), new InMemoryOpLog(), new InMemorySnapshotStore());
  }

  /** Given board storage (e.g. an op log a test controls), everything else in memory. */
  public static Stores with(BoardCatalog boards, OpLog ops, SnapshotStore snapshots) {
    return new Stores(boards, ops, snapshots,
        new InMemoryAccountStore(), new InMemoryAuthSessionStore(), new InMemoryWorkspaceStore(),
        new InMemoryGrantStore(), new InMemoryInviteStore(), new InMemoryAuditStore(),
        new InMemorySessionStore(), new InMemoryAttendanceStore(), new InMemoryThreadStore(),
        new InMemoryNotificationStore(), new InMemoryTranslationStore());
  }
}
