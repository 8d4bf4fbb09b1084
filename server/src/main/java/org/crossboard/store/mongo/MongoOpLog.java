package org.crossboard.store.mongo;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.BulkOperation;
import io.vertx.ext.mongo.BulkWriteOptions;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.IndexOptions;
import io.vertx.ext.mongo.MongoClient;
import java.util.ArrayList;
import java.util.List;
import org.crossboard.store.ClientMark;
import org.crossboard.store.DuplicateOpException;
import org.crossboard.store.Op;
import org.crossboard.store.OpLog;

/** Op log in the {@code ops} collection; the unique indexes are the arbiters (DESIGN §5). */
public final class MongoOpLog implements OpLog {
  static final String COLLECTION = "ops";
  private final MongoClient mongo;
  private final Durability durability;

  public MongoOpLog(MongoClient mongo, Durability durability) {
    this.mongo = mongo;
    this.durability = durability;
  }

  /** Creates the unique indexes; idempotent. */
  public Future<Void> createIndexes() {
    IndexOptions unique = new IndexOptions().unique(true);
    return mongo.createIndexWithOptions(COLLECTION, new JsonObject().put("board", 1).put("seq", 1), unique)
        .compose(v -> mongo.createIndexWithOptions(COLLECTION,
            new JsonObject().put("board", 1).put("clientId", 1).put("clientSeq", 1), unique));
  }

  @Override
  public Future<Void> append(String board, List<Op> ops) {
    List<BulkOperation> inserts = new ArrayList<>(ops.size());
    for (Op op : ops) {
      inserts.add(BulkOperation.createInsert(op.toJson().put("board", board)));
    }
    return mongo.bulkWriteWithOptions(COLLECTION, inserts, new BulkWriteOptions().setOrdered(true))
        .recover(e -> Future.failedFuture(MongoErrors.isDuplicateKey(e)
            ? new DuplicateOpException(e.getMessage()) : e))
        .compose(r -> durability.afterWrite());
  }

  @Override
  public Future<List<Op>> range(String board, long afterSeq, long toSeq, int limit) {
    JsonObject query = new JsonObject().put("board", board)
        .put("seq", new JsonObject().put("$gt", afterSeq).put("$lte", toSeq));
    FindOptions options = new FindOptions().setSort(new JsonObject().put("seq", 1)).setLimit(limit)
        .setFields(new JsonObject().put("_id", 0).put("board", 0));
    return mongo.findWithOptions(COLLECTION, query, options)
        .map(docs -> docs.stream().map(Op::fromJson).toList());
  }

  @Override
  public Future<ClientMark> clientMark(String board, String clientId) {
    JsonObject query = new JsonObject().put("board", board).put("clientId", clientId);
    FindOptions options = new FindOptions().setSort(new JsonObject().put("clientSeq", -1)).setLimit(1)
        .setFields(new JsonObject().put("clientSeq", 1).put("user.id", 1));
    return mongo.findWithOptions(COLLECTION, query, options).map(docs -> docs.isEmpty() ? ClientMark.NONE
        : new ClientMark(docs.get(0).getLong("clientSeq"), docs.get(0).getJsonObject("user").getString("id")));
  }

  @Override
  public Future<Long> lastSeq(String board) {
    FindOptions options = new FindOptions().setSort(new JsonObject().put("seq", -1)).setLimit(1)
        .setFields(new JsonObject().put("seq", 1));
    return mongo.findWithOptions(COLLECTION, new JsonObject().put("board", board), options)
        .map(docs -> docs.isEmpty() ? 0L : docs.get(0).getLong("seq"));
  }

  @Override
  public Future<Void> deleteBoard(String board) {
    return mongo.removeDocuments(COLLECTION, new JsonObject().put("board", board))
        .compose(r -> durability.afterWrite());
  }
}
