package org.crossboard.store.mongo;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import java.util.List;
import org.bson.types.ObjectId;
import org.crossboard.store.AttendanceStore;

/**
 * Attendance in the {@code attendance} collection, one document per event. The {@code _id} is an
 * ObjectId made here, whose hex form sorts by time and then by a per-process counter: sorting on
 * {@code (at, _id)} keeps events with the same instant in the order one node appended them.
 */
public final class MongoAttendanceStore implements AttendanceStore {
  static final String COLLECTION = "attendance";
  private final MongoClient mongo;
  private final Durability durability;

  public MongoAttendanceStore(MongoClient mongo, Durability durability) {
    this.mongo = mongo;
    this.durability = durability;
  }

  public Future<Void> createIndexes() {
    return mongo.createIndex(COLLECTION, new JsonObject().put("session", 1).put("at", 1));
  }

  @Override
  public Future<Void> append(JsonObject event) {
    JsonObject doc = event.copy().put("_id", new ObjectId().toHexString());
    return mongo.insert(COLLECTION, doc).compose(id -> durability.afterWrite());
  }

  @Override
  public Future<List<JsonObject>> list(String sessionId) {
    FindOptions options = new FindOptions().setSort(new JsonObject().put("at", 1).put("_id", 1))
        .setFields(new JsonObject().put("_id", 0));
    return mongo.findWithOptions(COLLECTION, new JsonObject().put("session", sessionId), options);
  }
}
