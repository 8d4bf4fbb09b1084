package org.crossboard.store.mongo;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import org.crossboard.store.AuthSession;
import org.crossboard.store.AuthSessionStore;

/** Signed-in sessions in the {@code auth_sessions} collection, keyed by {@code _id}. */
public final class MongoAuthSessionStore implements AuthSessionStore {
  static final String COLLECTION = "auth_sessions";
  private final MongoClient mongo;
  private final Durability durability;

  public MongoAuthSessionStore(MongoClient mongo, Durability durability) {
    this.mongo = mongo;
    this.durability = durability;
  }

  @Override
  public Future<Void> insert(AuthSession session) {
    JsonObject doc = new JsonObject().put("_id", session.id()).put("user", session.userId())
        .put("createdAt", session.createdAt()).put("expiresAt", session.expiresAt());
    return mongo.insert(COLLECTION, doc).compose(id -> durability.afterWrite());
  }

  @Override
  public Future<AuthSession> get(String id) {
    return mongo.findOne(COLLECTION, new JsonObject().put("_id", id), null)
        .map(doc -> doc == null ? null : fromDoc(doc));
  }

  private static AuthSession fromDoc(JsonObject doc) {
    return new AuthSession(doc.getString("_id"), doc.getString("user"), doc.getLong("createdAt"),
        doc.getLong("expiresAt"));
  }

  @Override
  public Future<Boolean> extend(String id, long expiresAt) {
    return mongo.updateCollection(COLLECTION, new JsonObject().put("_id", id),
            new JsonObject().put("$set", new JsonObject().put("expiresAt", expiresAt)))
        .compose(r -> durability.afterWrite().map(r != null && r.getDocMatched() > 0));
  }

  @Override
  public Future<Boolean> delete(String id) {
    return mongo.removeDocument(COLLECTION, new JsonObject().put("_id", id))
        .compose(r -> durability.afterWrite().map(r != null && r.getRemovedCount() > 0));
  }

  @Override
  public Future<java.util.List<AuthSession>> byUser(String userId) {
    return mongo.find(COLLECTION, new JsonObject().put("user", userId))
        .map(docs -> docs.stream().map(MongoAuthSessionStore::fromDoc).toList());
  }

  @Override
  public Future<Long> deleteExpired(long now) {
    return mongo.removeDocuments(COLLECTION, new JsonObject().put("expiresAt", new JsonObject().put("$lte", now)))
        .compose(r -> durability.afterWrite().map(r == null ? 0L : r.getRemovedCount()));
  }
}
