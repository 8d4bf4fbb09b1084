package org.crossboard.store.mongo;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.util.List;
import java.util.Locale;
import org.crossboard.access.Role;
import org.crossboard.store.Grant;
import org.crossboard.store.GrantStore;

/** Grants in the {@code grants} collection, one per (scope, person): {@code _id = scope|user}. */
public final class MongoGrantStore implements GrantStore {
  static final String COLLECTION = "grants";
  private final MongoClient mongo;
  private final Durability durability;

  public MongoGrantStore(MongoClient mongo, Durability durability) {
    this.mongo = mongo;
    this.durability = durability;
  }

  public Future<Void> createIndexes() {
    return mongo.createIndex(COLLECTION, new JsonObject().put("user", 1))
        .compose(v -> mongo.createIndex(COLLECTION, new JsonObject().put("workspace", 1)))
        .compose(v -> mongo.createIndex(COLLECTION, new JsonObject().put("scope", 1)));
  }

  private static String key(String scope, String userId) {
    return scope + "|" + userId;
  }

  @Override
  public Future<Void> put(Grant grant) {
    String id = key(grant.scope(), grant.userId());
    JsonObject doc = new JsonObject().put("_id", id).put("scope", grant.scope()).put("workspace", grant.workspace())
        .put("user", grant.userId()).put("role", grant.role().wire()).put("at", grant.at());
    return mongo.replaceDocumentsWithOptions(COLLECTION, new JsonObject().put("_id", id), doc,
            new UpdateOptions().setUpsert(true))
        .compose(r -> durability.afterWrite());
  }

  @Override
  public Future<Grant> get(String scope, String userId) {
    return mongo.findOne(COLLECTION, new JsonObject().put("_id", key(scope, userId)), null)
        .map(doc -> doc == null ? null : fromDoc(doc));
  }

  @Override
  public Future<Boolean> remove(String scope, String userId) {
    return mongo.removeDocument(COLLECTION, new JsonObject().put("_id", key(scope, userId)))
        .compose(r -> durability.afterWrite().map(r != null && r.getRemovedCount() > 0));
  }

  @Override
  public Future<List<Grant>> byScope(String scope) {
    return mongo.find(COLLECTION, new JsonObject().put("scope", scope))
        .map(docs -> docs.stream().map(MongoGrantStore::fromDoc).toList());
  }

  @Override
  public Future<List<Grant>> byUser(String userId) {
    return mongo.find(COLLECTION, new JsonObject().put("user", userId))
        .map(docs -> docs.stream().map(MongoGrantStore::fromDoc).toList());
  }

  @Override
  public Future<Integer> removeUserFromWorkspace(String workspace, String userId) {
    return mongo.removeDocuments(COLLECTION, new JsonObject().put("workspace", workspace).put("user", userId))
        .compose(r -> durability.afterWrite().map(r == null ? 0 : (int) r.getRemovedCount()));
  }

  @Override
  public Future<Void> removeScope(String scope) {
    return mongo.removeDocuments(COLLECTION, new JsonObject().put("scope", scope))
        .compose(r -> durability.afterWrite());
  }

  private static Grant fromDoc(JsonObject doc) {
    return new Grant(doc.getString("scope"), doc.getString("workspace"), doc.getString("user"),
        Role.valueOf(doc.getString("role").toUpperCase(Locale.ROOT)), doc.getLong("at"));
  }
}
