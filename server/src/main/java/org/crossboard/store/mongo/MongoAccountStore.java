package org.crossboard.store.mongo;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.IndexOptions;
import io.vertx.ext.mongo.MongoClient;
import java.util.Collection;
import java.util.List;
import org.crossboard.store.Account;
import org.crossboard.store.AccountStore;
import org.crossboard.store.DuplicateKeyException;

/**
 * Accounts in the {@code users} collection, keyed by {@code _id}, unique on {@code email}. The
 * administrator claim is a fixed document in {@code server_settings}: its {@code _id} index lets
 * exactly one insert win.
 */
public final class MongoAccountStore implements AccountStore {
  static final String COLLECTION = "users";
  static final String SETTINGS = "server_settings";
  private final MongoClient mongo;
  private final Durability durability;

  public MongoAccountStore(MongoClient mongo, Durability durability) {
    this.mongo = mongo;
    this.durability = durability;
  }

  public Future<Void> createIndexes() {
    return mongo.createIndexWithOptions(COLLECTION, new JsonObject().put("email", 1), new IndexOptions().unique(true));
  }

  @Override
  public Future<Void> insert(Account account) {
    JsonObject doc = new JsonObject().put("_id", account.id()).put("email", account.email())
        .put("name", account.name()).put("org", account.org()).put("country", account.country())
        .put("lang", account.lang()).put("passwordHash", account.passwordHash()).put("admin", account.admin())
        .put("createdAt", account.createdAt());
    return mongo.insert(COLLECTION, doc)
        .<Void>mapEmpty()
        .recover(e -> Future.failedFuture(MongoErrors.isDuplicateKey(e)
            ? new DuplicateKeyException("email already has an account") : e))
        .compose(v -> durability.afterWrite());
  }

  @Override
  public Future<Account> byEmail(String email) {
    return mongo.findOne(COLLECTION, new JsonObject().put("email", email), null)
        .map(doc -> doc == null ? null : fromDoc(doc));
  }

  @Override
  public Future<Account> byId(String id) {
    return mongo.findOne(COLLECTION, new JsonObject().put("_id", id), null)
        .map(doc -> doc == null ? null : fromDoc(doc));
  }

  @Override
  public Future<List<Account>> byIds(Collection<String> ids) {
    if (ids.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    JsonObject query = new JsonObject().put("_id", new JsonObject().put("$in", new JsonArray(List.copyOf(ids))));
    return mongo.find(COLLECTION, query).map(docs -> docs.stream().map(MongoAccountStore::fromDoc).toList());
  }

  @Override
  public Future<Boolean> setPasswordHash(String id, String passwordHash) {
    return mongo.updateCollection(COLLECTION, new JsonObject().put("_id", id),
            new JsonObject().put("$set", new JsonObject().put("passwordHash", passwordHash)))
        .compose(r -> durability.afterWrite().map(r != null && r.getDocMatched() > 0));
  }

  @Override
  public Future<Boolean> setLang(String id, String lang) {
    return mongo.updateCollection(COLLECTION, new JsonObject().put("_id", id),
            new JsonObject().put("$set", new JsonObject().put("lang", lang)))
        .compose(r -> durability.afterWrite().map(r != null && r.getDocMatched() > 0));
  }

  @Override
  public Future<Boolean> claimAdmin(String userId) {
    JsonObject claim = new JsonObject().put("_id", "admin").put("user", userId);
    return mongo.insert(SETTINGS, claim)
        .compose(id -> durability.afterWrite())
        .compose(v -> mongo.updateCollection(COLLECTION, new JsonObject().put("_id", userId),
            new JsonObject().put("$set", new JsonObject().put("admin", true))))
        .compose(r -> durability.afterWrite())
        .map(true)
        .recover(e -> MongoErrors.isDuplicateKey(e) ? Future.succeededFuture(false) : Future.failedFuture(e));
  }

  private static Account fromDoc(JsonObject doc) {
    return new Account(doc.getString("_id"), doc.getString("email"), doc.getString("name"), doc.getString("org"),
        doc.getString("country"), doc.getString("lang"), doc.getString("passwordHash"),
        doc.getBoolean("admin", false), doc.getLong("createdAt"));
  }
}
