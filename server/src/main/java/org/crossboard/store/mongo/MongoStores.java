package org.crossboard.store.mongo;

import io.vertx.core.Future;
import io.vertx.ext.mongo.MongoClient;
import org.crossboard.store.Stores;

/** Builds the MongoDB adapters over one client and makes sure their indexes exist. */
public final class MongoStores {
  private MongoStores() {}

  public static Future<Stores> create(MongoClient mongo, Durability durability) {
    MongoOpLog ops = new MongoOpLog(mongo, durability);
    MongoSnapshotStore snapshots = new MongoSnapshotStore(mongo, durability);
    MongoBoardCatalog boards = new MongoBoardCatalog(mongo, durability);
    return ops.createIndexes()
        .compose(v -> snapshots.createIndexes())
        .map(v -> new Stores(boards, ops, snapshots));
  }
}
