package org.crossboard.store.mongo;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.crossboard.store.DuplicateKeyException;
import org.crossboard.store.NotificationStore;

/**
 * Notifications in the {@code notifications} collection (one document per notification) and
 * mutes in {@code mutes} (one document per muted scope of a person, keyed {@code scope|user} so
 * muting twice is one document).
 */
public final class MongoNotificationStore implements NotificationStore {
  static final String COLLECTION = "notifications";
  static final String MUTES = "mutes";
  /** One document per person and digest period, keyed {@code user|period}: the claim to send it. */
  static final String DIGESTS = "digests";
  private static final JsonObject NEWEST_FIRST = new JsonObject().put("at", -1).put("_id", -1);

  private final MongoClient mongo;
  private final Durability durability;

  public MongoNotificationStore(MongoClient mongo, Durability durability) {
    this.mongo = mongo;
    this.durability = durability;
  }

  public Future<Void> createIndexes() {
    return mongo.createIndex(COLLECTION, new JsonObject().put("user", 1).put("at", -1))
        .compose(v -> mongo.createIndex(COLLECTION, new JsonObject().put("user", 1).put("read", 1)))
        // the digest's query: unread, never mailed, older than a day
        .compose(v -> mongo.createIndex(COLLECTION, new JsonObject().put("read", 1).put("mailedAt", 1).put("at", 1)))
        .compose(v -> mongo.createIndex(MUTES, new JsonObject().put("user", 1)));
  }

  @Override
  public Future<Void> insert(JsonObject notification) {
    return mongo.insert(COLLECTION, notification.copy())
        .<Void>mapEmpty()
        .recover(e -> Future.failedFuture(MongoErrors.isDuplicateKey(e)
            ? new DuplicateKeyException("notification exists: " + notification.getString("_id")) : e))
        .compose(v -> durability.afterWrite());
  }

  @Override
  public Future<List<JsonObject>> list(String user, boolean unreadOnly, int limit) {
    JsonObject query = new JsonObject().put("user", user);
    if (unreadOnly) {
      query.put("read", false);
    }
    return mongo.findWithOptions(COLLECTION, query, new FindOptions().setSort(NEWEST_FIRST).setLimit(limit));
  }

  @Override
  public Future<List<JsonObject>> newerThan(String user, long at) {
    JsonObject query = new JsonObject().put("user", user).put("at", new JsonObject().put("$gt", at));
    return mongo.findWithOptions(COLLECTION, query, new FindOptions().setSort(NEWEST_FIRST));
  }

  @Override
  public Future<Long> unreadCount(String user) {
    return mongo.count(COLLECTION, new JsonObject().put("user", user).put("read", false));
  }

  @Override
  public Future<Void> markRead(String user, List<String> ids) {
    JsonObject query = new JsonObject().put("user", user).put("_id", new JsonObject().put("$in", new JsonArray(ids)));
    return setAll(query, new JsonObject().put("read", true));
  }

  @Override
  public Future<Void> markAllRead(String user) {
    return setAll(new JsonObject().put("user", user).put("read", false), new JsonObject().put("read", true));
  }

  @Override
  public Future<List<JsonObject>> unmailed(long before) {
    // mailedAt null matches a missing field too
    JsonObject query = new JsonObject().put("read", false).putNull("mailedAt")
        .put("at", new JsonObject().put("$lt", before));
    FindOptions order = new FindOptions().setSort(new JsonObject().put("user", 1).put("at", 1).put("_id", 1));
    return mongo.findWithOptions(COLLECTION, query, order);
  }

  @Override
  public Future<Void> markMailed(List<String> ids, long at) {
    return setAll(new JsonObject().put("_id", new JsonObject().put("$in", new JsonArray(ids))),
        new JsonObject().put("mailedAt", at));
  }

  @Override
  public Future<Void> mute(String user, String scope, boolean muted) {
    JsonObject key = new JsonObject().put("_id", scope + "|" + user);
    Future<?> write = muted
        ? mongo.replaceDocumentsWithOptions(MUTES, key, key.copy().put("user", user).put("scope", scope),
            new UpdateOptions().setUpsert(true))
            // two upserts of a new key at once: one inserts, the other hits the key — muted either way
            .recover(e -> MongoErrors.isDuplicateKey(e) ? Future.succeededFuture() : Future.failedFuture(e))
        : mongo.removeDocument(MUTES, key);
    return write.compose(r -> durability.afterWrite());
  }

  @Override
  public Future<Set<String>> mutes(String user) {
    return mongo.find(MUTES, new JsonObject().put("user", user)).map(docs -> {
      Set<String> scopes = new HashSet<>();
      docs.forEach(d -> scopes.add(d.getString("scope")));
      return Set.copyOf(scopes);
    });
  }

  private Future<Void> setAll(JsonObject query, JsonObject fields) {
    return mongo.updateCollectionWithOptions(COLLECTION, query, new JsonObject().put("$set", fields),
            new UpdateOptions().setMulti(true))
        .compose(r -> durability.afterWrite());
  }

  @Override
  public Future<Boolean> claimDigest(String user, long period) {
    return mongo.insert(DIGESTS, new JsonObject().put("_id", user + "|" + period).put("at", System.currentTimeMillis()))
        .compose(id -> durability.afterWrite()).map(true)
        .recover(e -> MongoErrors.isDuplicateKey(e) ? Future.succeededFuture(false) : Future.failedFuture(e));
  }
}
