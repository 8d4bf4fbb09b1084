package org.crossboard.store.mongo;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.IndexOptions;
import io.vertx.ext.mongo.MongoClient;
import java.util.List;
import org.crossboard.store.AuditEntry;
import org.crossboard.store.AuditStore;
import org.crossboard.store.DuplicateKeyException;

/**
 * Audit chains in the {@code audit} collection: one document per entry, unique on
 * {@code (chain, seq)}, so of two writers racing for a position exactly one wins.
 */
public final class MongoAuditStore implements AuditStore {
  static final String COLLECTION = "audit";
  private final MongoClient mongo;
  private final Durability durability;

  public MongoAuditStore(MongoClient mongo, Durability durability) {
    this.mongo = mongo;
    this.durability = durability;
  }

  public Future<Void> createIndexes() {
    return mongo.createIndexWithOptions(COLLECTION, new JsonObject().put("chain", 1).put("seq", 1),
        new IndexOptions().unique(true));
  }

  @Override
  public Future<Void> append(AuditEntry entry) {
    JsonObject doc = entry.toJson().put("_id", entry.chain() + "|" + String.format("%019d", entry.seq()));
    return mongo.insert(COLLECTION, doc)
        .<Void>mapEmpty()
        .recover(e -> Future.failedFuture(MongoErrors.isDuplicateKey(e)
            ? new DuplicateKeyException("audit position taken: " + entry.chain() + " " + entry.seq()) : e))
        .compose(v -> durability.afterWrite());
  }

  @Override
  public Future<AuditEntry> last(String chain) {
    FindOptions options = new FindOptions().setSort(new JsonObject().put("seq", -1)).setLimit(1);
    return mongo.findWithOptions(COLLECTION, new JsonObject().put("chain", chain), options)
        .map(docs -> docs.isEmpty() ? null : AuditEntry.fromJson(docs.get(0)));
  }

  @Override
  public Future<List<AuditEntry>> list(String chain) {
    FindOptions options = new FindOptions().setSort(new JsonObject().put("seq", 1));
    return mongo.findWithOptions(COLLECTION, new JsonObject().put("chain", chain), options)
        .map(docs -> docs.stream().map(AuditEntry::fromJson).toList());
  }
}
