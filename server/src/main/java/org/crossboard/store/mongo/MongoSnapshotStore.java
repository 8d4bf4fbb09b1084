package org.crossboard.store.mongo;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.IndexOptions;
import io.vertx.ext.mongo.MongoClient;
import org.crossboard.store.Snapshot;
import org.crossboard.store.SnapshotStore;

/** Snapshots in the {@code snapshots} collection; every one is kept (version history by seq). */
public final class MongoSnapshotStore implements SnapshotStore {
  static final String COLLECTION = "snapshots";
  private final MongoClient mongo;
  private final Durability durability;

  public MongoSnapshotStore(MongoClient mongo, Durability durability) {
    this.mongo = mongo;
    this.durability = durability;
  }

  public Future<Void> createIndexes() {
    return mongo.createIndexWithOptions(COLLECTION, new JsonObject().put("board", 1).put("seq", -1),
        new IndexOptions().unique(true));
  }

  @Override
  public Future<Void> save(String board, Snapshot snapshot) {
    JsonObject doc = new JsonObject().put("board", board).put("seq", snapshot.seq())
        .put("records", snapshot.records());
    return mongo.insert(COLLECTION, doc)
        .<Void>mapEmpty()
        .recover(e -> MongoErrors.isDuplicateKey(e) ? Future.succeededFuture() : Future.failedFuture(e))
        .compose(v -> durability.afterWrite());
  }

  @Override
  public Future<Snapshot> latest(String board) {
    FindOptions options = new FindOptions().setSort(new JsonObject().put("seq", -1)).setLimit(1);
    return mongo.findWithOptions(COLLECTION, new JsonObject().put("board", board), options)
        .map(docs -> docs.isEmpty() ? null
            : new Snapshot(docs.get(0).getLong("seq"), docs.get(0).getJsonArray("records")));
  }

  @Override
  public Future<Void> deleteBoard(String board) {
    return mongo.removeDocuments(COLLECTION, new JsonObject().put("board", board))
        .compose(r -> durability.afterWrite());
  }
}
