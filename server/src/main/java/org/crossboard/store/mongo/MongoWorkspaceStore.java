package org.crossboard.store.mongo;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import java.util.Collection;
import java.util.List;
import org.crossboard.store.Workspace;
import org.crossboard.store.WorkspaceStore;

/** Workspaces in the {@code workspaces} collection, keyed by {@code _id}. */
public final class MongoWorkspaceStore implements WorkspaceStore {
  static final String COLLECTION = "workspaces";
  private final MongoClient mongo;
  private final Durability durability;

  public MongoWorkspaceStore(MongoClient mongo, Durability durability) {
    this.mongo = mongo;
    this.durability = durability;
  }

  @Override
  public Future<Void> insert(Workspace workspace) {
    JsonObject doc = new JsonObject().put("_id", workspace.id()).put("name", workspace.name())
        .put("createdBy", workspace.createdBy()).put("createdAt", workspace.createdAt());
    return mongo.insert(COLLECTION, doc).compose(id -> durability.afterWrite());
  }

  @Override
  public Future<Workspace> get(String id) {
    return mongo.findOne(COLLECTION, new JsonObject().put("_id", id), null)
        .map(doc -> doc == null ? null : fromDoc(doc));
  }

  @Override
  public Future<List<Workspace>> byIds(Collection<String> ids) {
    if (ids.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    JsonObject query = new JsonObject().put("_id", new JsonObject().put("$in", new JsonArray(List.copyOf(ids))));
    FindOptions options = new FindOptions().setSort(new JsonObject().put("createdAt", 1).put("_id", 1));
    return mongo.findWithOptions(COLLECTION, query, options)
        .map(docs -> docs.stream().map(MongoWorkspaceStore::fromDoc).toList());
  }

  private static Workspace fromDoc(JsonObject doc) {
    return new Workspace(doc.getString("_id"), doc.getString("name"), doc.getString("createdBy"),
        doc.getLong("createdAt"));
  }
}
