package org.crossboard.store.mongo;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.util.List;
import java.util.Locale;
import org.crossboard.access.Role;
import org.crossboard.store.Invite;
import org.crossboard.store.InviteStore;

/**
 * Invitations in the {@code invites} collection, keyed by {@code _id}. A use is one conditional
 * {@code findOneAndUpdate}, so concurrent callers never take more uses than the limit.
 */
public final class MongoInviteStore implements InviteStore {
  static final String COLLECTION = "invites";
  private final MongoClient mongo;
  private final Durability durability;

  public MongoInviteStore(MongoClient mongo, Durability durability) {
    this.mongo = mongo;
    this.durability = durability;
  }

  public Future<Void> createIndexes() {
    return mongo.createIndex(COLLECTION, new JsonObject().put("workspace", 1));
  }

  @Override
  public Future<Void> insert(Invite invite) {
    JsonObject doc = new JsonObject().put("_id", invite.id()).put("workspace", invite.workspace())
        .put("board", invite.board()).put("role", invite.role().wire()).put("expiresAt", invite.expiresAt())
        .put("maxUses", (long) invite.maxUses()).put("remaining", (long) invite.remaining())
        .put("revoked", invite.revoked()).put("createdBy", invite.createdBy()).put("createdAt", invite.createdAt());
    return mongo.insert(COLLECTION, doc).compose(id -> durability.afterWrite());
  }

  @Override
  public Future<Invite> get(String id) {
    return mongo.findOne(COLLECTION, new JsonObject().put("_id", id), null)
        .map(doc -> doc == null ? null : fromDoc(doc));
  }

  @Override
  public Future<List<Invite>> byWorkspace(String workspace) {
    FindOptions options = new FindOptions().setSort(new JsonObject().put("createdAt", -1).put("_id", 1));
    return mongo.findWithOptions(COLLECTION, new JsonObject().put("workspace", workspace), options)
        .map(docs -> docs.stream().map(MongoInviteStore::fromDoc).toList());
  }

  @Override
  public Future<Invite> use(String id, long now) {
    JsonObject filter = new JsonObject().put("_id", id).put("revoked", false)
        .put("remaining", new JsonObject().put("$gt", 0L))
        .put("expiresAt", new JsonObject().put("$gt", now));
    JsonObject update = new JsonObject().put("$inc", new JsonObject().put("remaining", -1L));
    return mongo.findOneAndUpdateWithOptions(COLLECTION, filter, update, new FindOptions(),
            new UpdateOptions().setReturningNewDocument(true))
        .compose(doc -> doc == null ? Future.succeededFuture(null)
            : durability.afterWrite().map(fromDoc(doc)));
  }

  @Override
  public Future<Boolean> revoke(String id) {
    return mongo.updateCollection(COLLECTION, new JsonObject().put("_id", id).put("revoked", false),
            new JsonObject().put("$set", new JsonObject().put("revoked", true)))
        .compose(r -> durability.afterWrite().map(r != null && r.getDocModified() > 0));
  }

  private static Invite fromDoc(JsonObject doc) {
    return new Invite(doc.getString("_id"), doc.getString("workspace"), doc.getString("board"),
        Role.valueOf(doc.getString("role").toUpperCase(Locale.ROOT)), doc.getLong("expiresAt"),
        doc.getLong("maxUses").intValue(), doc.getLong("remaining").intValue(), doc.getBoolean("revoked", false),
        doc.getString("createdBy"), doc.getLong("createdAt"));
  }
}
