package org.crossboard.store.mongo;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.IndexOptions;
import io.vertx.ext.mongo.MongoClient;
import java.util.List;
import org.crossboard.store.DuplicateKeyException;
import org.crossboard.store.SessionStore;

/**
 * Live sessions in the {@code sessions} collection, one document per session keyed by {@code _id}.
 *
 * <p>The one-current-session rule is a unique index, so it holds across nodes without a lock. It is
 * not a partial index on {@code board}: the embedded MongoDB-compatible server ignores
 * {@code partialFilterExpression} and would make {@code board} unique over ended sessions too.
 * Instead a current session's stored document carries its board id once more in
 * {@value #CURRENT_BOARD}, which is absent once ended, under a sparse unique index that both servers
 * honour. The field is added on every write and removed on every read, so callers never see it and
 * must not use that name.
 */
public final class MongoSessionStore implements SessionStore {
  static final String COLLECTION = "sessions";
  static final String CURRENT_BOARD = "currentBoard";
  /**
   * Fields the domain reads as longs. Written through this adapter they are int64 and come back as
   * Long, but a document edited by other tools (mongosh writes doubles, imports write int32) would
   * hand back an Integer or Double where callers expect a Long.
   */
  private static final List<String> LONG_FIELDS = List.of("version", "createdAt", "startsAt", "startedAt", "endedAt");

  private final MongoClient mongo;
  private final Durability durability;

  public MongoSessionStore(MongoClient mongo, Durability durability) {
    this.mongo = mongo;
    this.durability = durability;
  }

  public Future<Void> createIndexes() {
    return mongo.createIndex(COLLECTION, new JsonObject().put("board", 1).put("createdAt", -1))
        .compose(v -> mongo.createIndexWithOptions(COLLECTION, new JsonObject().put(CURRENT_BOARD, 1),
            new IndexOptions().unique(true).sparse(true)));
  }

  @Override
  public Future<Void> insert(JsonObject doc) {
    return mongo.insert(COLLECTION, toDoc(doc))
        .<Void>mapEmpty()
        .recover(e -> Future.failedFuture(MongoErrors.isDuplicateKey(e) ? new DuplicateKeyException(
            "session " + doc.getString("_id") + " exists or board " + doc.getString("board") + " has a current session")
            : e))
        .compose(v -> durability.afterWrite());
  }

  @Override
  public Future<JsonObject> get(String id) {
    return mongo.findOne(COLLECTION, new JsonObject().put("_id", id), null).map(MongoSessionStore::fromDoc);
  }

  @Override
  public Future<JsonObject> current(String boardId) {
    return mongo.findOne(COLLECTION, new JsonObject().put(CURRENT_BOARD, boardId), null)
        .map(MongoSessionStore::fromDoc);
  }

  @Override
  public Future<List<JsonObject>> listForBoard(String boardId) {
    FindOptions options = new FindOptions().setSort(new JsonObject().put("createdAt", -1).put("_id", 1));
    return mongo.findWithOptions(COLLECTION, new JsonObject().put("board", boardId), options)
        .map(docs -> docs.stream().map(MongoSessionStore::fromDoc).toList());
  }

  @Override
  public Future<Boolean> replace(JsonObject doc, long expectedVersion) {
    // one replaceOne with the version in its filter: MongoDB applies it atomically, so of two
    // nodes replacing from the same version exactly one matches
    JsonObject filter = new JsonObject().put("_id", doc.getString("_id")).put("version", expectedVersion);
    return mongo.replaceDocuments(COLLECTION, filter, toDoc(doc))
        .recover(e -> Future.failedFuture(MongoErrors.isDuplicateKey(e)
            ? new DuplicateKeyException("board " + doc.getString("board") + " has a current session") : e))
        .compose(r -> durability.afterWrite().map(r != null && r.getDocMatched() > 0));
  }

  /** A copy to store (the driver adds to what it is given), with the unique-index field when current. */
  private static JsonObject toDoc(JsonObject session) {
    JsonObject doc = session.copy();
    if (SessionStore.isCurrent(session)) {
      doc.put(CURRENT_BOARD, session.getString("board"));
    }
    return doc;
  }

  private static JsonObject fromDoc(JsonObject doc) {
    if (doc == null) {
      return null;
    }
    doc.remove(CURRENT_BOARD);
    for (String field : LONG_FIELDS) {
      if (doc.getValue(field) instanceof Number n && !(n instanceof Long)) {
        doc.put(field, n.longValue());
      }
    }
    return doc;
  }
}
