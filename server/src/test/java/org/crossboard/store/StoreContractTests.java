package org.crossboard.store;

import org.crossboard.store.memory.InMemoryAccountStore;
import org.crossboard.store.memory.InMemoryAttendanceStore;
import org.crossboard.store.memory.InMemoryAuditStore;
import org.crossboard.store.memory.InMemoryAuthSessionStore;
import org.crossboard.store.memory.InMemoryBoardCatalog;
import org.crossboard.store.memory.InMemoryGrantStore;
import org.crossboard.store.memory.InMemoryInviteStore;
import org.crossboard.store.memory.InMemoryNotificationStore;
import org.crossboard.store.memory.InMemoryOpLog;
import org.crossboard.store.memory.InMemorySessionStore;
import org.crossboard.store.memory.InMemorySnapshotStore;
import org.crossboard.store.memory.InMemoryThreadStore;
import org.crossboard.store.memory.InMemoryTranslationStore;
import org.crossboard.store.memory.InMemoryWorkspaceStore;
import org.junit.jupiter.api.Nested;

/** Runs every store contract against every adapter: in-memory and MongoDB (real driver). */
class StoreContractTests {

  @Nested
  class InMemoryOpLogTest extends OpLogContract {
    @Override
    OpLog create() {
      return new InMemoryOpLog();
    }
  }

  @Nested
  class MongoOpLogTest extends OpLogContract {
    @Override
    OpLog create() {
      return MongoTestSupport.freshStores().ops();
    }
  }

  @Nested
  class InMemorySnapshotStoreTest extends SnapshotStoreContract {
    @Override
    SnapshotStore create() {
      return new InMemorySnapshotStore();
    }
  }

  @Nested
  class MongoSnapshotStoreTest extends SnapshotStoreContract {
    @Override
    SnapshotStore create() {
      return MongoTestSupport.freshStores().snapshots();
    }
  }

  @Nested
  class InMemoryBoardCatalogTest extends BoardCatalogContract {
    @Override
    BoardCatalog create() {
      return new InMemoryBoardCatalog();
    }
  }

  @Nested
  class MongoBoardCatalogTest extends BoardCatalogContract {
    @Override
    BoardCatalog create() {
      return MongoTestSupport.freshStores().boards();
    }
  }

  @Nested
  class InMemoryAccountStoreTest extends AccountStoreContract {
    @Override
    AccountStore create() {
      return new InMemoryAccountStore();
    }
  }

  @Nested
  class MongoAccountStoreTest extends AccountStoreContract {
    @Override
    AccountStore create() {
      return MongoTestSupport.freshStores().accounts();
    }
  }

  @Nested
  class InMemoryAuthSessionStoreTest extends AuthSessionStoreContract {
    @Override
    AuthSessionStore create() {
      return new InMemoryAuthSessionStore();
    }
  }

  @Nested
  class MongoAuthSessionStoreTest extends AuthSessionStoreContract {
    @Override
    AuthSessionStore create() {
      return MongoTestSupport.freshStores().sessions();
    }
  }

  @Nested
  class InMemoryWorkspaceStoreTest extends WorkspaceStoreContract {
    @Override
    WorkspaceStore create() {
      return new InMemoryWorkspaceStore();
    }
  }

  @Nested
  class MongoWorkspaceStoreTest extends WorkspaceStoreContract {
    @Override
    WorkspaceStore create() {
      return MongoTestSupport.freshStores().workspaces();
    }
  }

  @Nested
  class InMemoryGrantStoreTest extends GrantStoreContract {
    @Override
    GrantStore create() {
      return new InMemoryGrantStore();
    }
  }

  @Nested
  class MongoGrantStoreTest extends GrantStoreContract {
    @Override
    GrantStore create() {
      return MongoTestSupport.freshStores().grants();
    }
  }

  @Nested
  class InMemoryInviteStoreTest extends InviteStoreContract {
    @Override
    InviteStore create() {
      return new InMemoryInviteStore();
    }
  }

  @Nested
  class MongoInviteStoreTest extends InviteStoreContract {
    @Override
    InviteStore create() {
      return MongoTestSupport.freshStores().invites();
    }
  }

  @Nested
  class InMemoryAuditStoreTest extends AuditStoreContract {
    @Override
    AuditStore create() {
      return new InMemoryAuditStore();
    }
  }

  @Nested
  class MongoAuditStoreTest extends AuditStoreContract {
    @Override
    AuditStore create() {
      return MongoTestSupport.freshStores().audit();
    }
  }

  @Nested
  class InMemorySessionStoreTest extends SessionStoreContract {
    @Override
    SessionStore create() {
      return new InMemorySessionStore();
    }
  }

  @Nested
  class MongoSessionStoreTest extends SessionStoreContract {
    @Override
    SessionStore create() {
      return MongoTestSupport.freshStores().liveSessions();
    }
  }

  @Nested
  class InMemoryAttendanceStoreTest extends AttendanceStoreContract {
    @Override
    AttendanceStore create() {
      return new InMemoryAttendanceStore();
    }
  }

  @Nested
  class MongoAttendanceStoreTest extends AttendanceStoreContract {
    @Override
    AttendanceStore create() {
      return MongoTestSupport.freshStores().attendance();
    }
  }

  @Nested
  class InMemoryThreadStoreTest extends ThreadStoreContract {
    @Override
    ThreadStore create() {
      return new InMemoryThreadStore();
    }
  }

  @Nested
  class MongoThreadStoreTest extends ThreadStoreContract {
    @Override
    ThreadStore create() {
      return MongoTestSupport.freshStores().threads();
    }
  }

  @Nested
  class InMemoryNotificationStoreTest extends NotificationStoreContract {
    @Override
    NotificationStore create() {
      return new InMemoryNotificationStore();
    }
  }

  @Nested
  class MongoNotificationStoreTest extends NotificationStoreContract {
    @Override
    NotificationStore create() {
      return MongoTestSupport.freshStores().notifications();
    }
  }

  @Nested
  class InMemoryTranslationStoreTest extends TranslationStoreContract {
    @Override
    TranslationStore create() {
      return new InMemoryTranslationStore();
    }
  }

  @Nested
  class MongoTranslationStoreTest extends TranslationStoreContract {
    @Override
    TranslationStore create() {
      return MongoTestSupport.freshStores().translations();
    }
  }
}
