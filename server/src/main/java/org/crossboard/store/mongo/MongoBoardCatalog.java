package org.crossboard.store.mongo;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import java.util.List;
import org.crossboard.store.BoardCatalog;
import org.crossboard.store.BoardInfo;

/** Boards in the {@code boards} collection, keyed by {@code _id}. */
public final class MongoBoardCatalog implements BoardCatalog {
  static final String COLLECTION = "boards";
  private final MongoClient mongo;
  private final Durability durability;

  public MongoBoardCatalog(MongoClient mongo, Durability durability) {
    this.mongo = mongo;
    this.durability = durability;
  }

  public Future<Void> createIndexes() {
    return mongo.createIndex(COLLECTION, new JsonObject().put("workspace", 1));
  }

  @Override
  public Future<Void> insert(BoardInfo board) {
    JsonObject doc = new JsonObject().put("_id", board.id()).put("workspace", board.workspace())
        .put("title", board.title()).put("createdAt", board.createdAt());
    return mongo.insert(COLLECTION, doc).compose(id -> durability.afterWrite());
  }

  @Override
  public Future<List<BoardInfo>> byWorkspace(String workspace) {
    FindOptions options = new FindOptions().setSort(new JsonObject().put("createdAt", -1).put("_id", 1));
    return mongo.findWithOptions(COLLECTION, new JsonObject().put("workspace", workspace), options)
        .map(docs -> docs.stream().map(MongoBoardCatalog::fromDoc).toList());
  }

  @Override
  public Future<BoardInfo> get(String id) {
    return mongo.findOne(COLLECTION, new JsonObject().put("_id", id), null)
        .map(doc -> doc == null ? null : fromDoc(doc));
  }

  @Override
  public Future<Void> rename(String id, String title) {
    return mongo.updateCollection(COLLECTION, new JsonObject().put("_id", id),
            new JsonObject().put("$set", new JsonObject().put("title", title)))
        .compose(r -> durability.afterWrite());
  }

  @Override
  public Future<Boolean> delete(String id) {
    return mongo.removeDocument(COLLECTION, new JsonObject().put("_id", id))
        .compose(r -> durability.afterWrite().map(r != null && r.getRemovedCount() > 0));
  }

  private static BoardInfo fromDoc(JsonObject doc) {
    return new BoardInfo(doc.getString("_id"), doc.getString("workspace"), doc.getString("title"), doc.getLong("createdAt"));
  }
}
