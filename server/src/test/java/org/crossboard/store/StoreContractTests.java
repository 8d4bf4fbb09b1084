package org.crossboard.store;

import org.crossboard.store.memory.InMemoryBoardCatalog;
import org.crossboard.store.memory.InMemoryOpLog;
import org.crossboard.store.memory.InMemorySnapshotStore;
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
}
