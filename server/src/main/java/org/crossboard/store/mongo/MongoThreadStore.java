package org.crossboard.store.mongo;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import java.util.List;
import org.crossboard.store.DuplicateKeyException;
import org.crossboard.store.ThreadStore;

/** Threads in the {@code threads} collection, one document per thread keyed by {@code _id}. */
public final class MongoThreadStore implements ThreadStore {
  static final String COLLECTION = "threads";

  private final MongoClient mongo;
  private final Durability durability;

  public MongoThreadStore(MongoClient mongo, Durability durability) {
    this.mongo = mongo;
    this.durability = durability;
  }

  public Future<Void> createIndexes() {
    return mongo.createIndex(COLLECTION, new JsonObject().put("board", 1).put("createdAt", 1));
  }

  @Override
  public Future<Void> insert(JsonObject doc) {
    // a copy: the driver adds to the document it is given
    return mongo.insert(COLLECTION, doc.copy())
        .<Void>mapEmpty()
        .recover(e -> Future.failedFuture(MongoErrors.isDuplicateKey(e)
            ? new DuplicateKeyException("thread exists: " + doc.getString("_id")) : e))
        .compose(v -> durability.afterWrite());
  }

  @Override
  public Future<JsonObject> get(String id) {
    return mongo.findOne(COLLECTION, new JsonObject().put("_id", id), null);
  }

  @Override
  public Future<List<JsonObject>> listForBoard(String boardId) {
    FindOptions options = new FindOptions().setSort(new JsonObject().put("createdAt", 1).put("_id", 1));
    return mongo.findWithOptions(COLLECTION, new JsonObject().put("board", boardId), options);
  }

  @Override
  public Future<Boolean> replace(JsonObject doc, long expectedVersion) {
    // one replaceOne with the version in its filter: MongoDB applies it atomically, so of two
    // nodes replacing from the same version exactly one matches
    JsonObject filter = new JsonObject().put("_id", doc.getString("_id")).put("version", expectedVersion);
    return mongo.replaceDocuments(COLLECTION, filter, doc.copy())
        .compose(r -> durability.afterWrite().map(r != null && r.getDocMatched() > 0));
  }

  @Override
  public Future<Void> deleteBoard(String boardId) {
    return mongo.removeDocuments(COLLECTION, new JsonObject().put("board", boardId))
        .compose(r -> durability.afterWrite());
  }
}
