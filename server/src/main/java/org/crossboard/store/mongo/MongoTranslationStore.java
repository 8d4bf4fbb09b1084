package org.crossboard.store.mongo;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.util.List;
import org.crossboard.store.StoredTranslation;
import org.crossboard.store.TranslationStore;

/**
 * Translations in the {@code translations} collection, one document per translation keyed by
 * {@link StoredTranslation#id()} (so a put is one upserting replace), indexed by board and language.
 */
public final class MongoTranslationStore implements TranslationStore {
  static final String COLLECTION = "translations";

  private final MongoClient mongo;
  private final Durability durability;

  public MongoTranslationStore(MongoClient mongo, Durability durability) {
    this.mongo = mongo;
    this.durability = durability;
  }

  public Future<Void> createIndexes() {
    return mongo.createIndex(COLLECTION, new JsonObject().put("board", 1).put("lang", 1));
  }

  @Override
  public Future<List<StoredTranslation>> forBoard(String boardId, String lang) {
    return mongo.find(COLLECTION, new JsonObject().put("board", boardId).put("lang", lang))
        .map(docs -> docs.stream().map(StoredTranslation::fromJson).toList());
  }

  @Override
  public Future<Void> putHuman(StoredTranslation translation) {
    return replace(translation);
  }

  @Override
  public Future<Boolean> putMachine(StoredTranslation t) {
    JsonObject human = new JsonObject()
        .put("_id", StoredTranslation.key(StoredTranslation.HUMAN, t.board(), t.record(), t.prop(), t.lang()))
        .put("basedOn", t.basedOn());
    return mongo.findOne(COLLECTION, human, new JsonObject().put("_id", 1)).compose(found -> found != null
        ? Future.succeededFuture(false)
        : replace(t).map(true));
  }

  @Override
  public Future<Void> deleteBoard(String boardId) {
    return mongo.removeDocuments(COLLECTION, new JsonObject().put("board", boardId))
        .compose(r -> durability.afterWrite());
  }

  private Future<Void> replace(StoredTranslation t) {
    JsonObject doc = t.toJson();
    return mongo.replaceDocumentsWithOptions(COLLECTION, new JsonObject().put("_id", doc.getString("_id")), doc,
        new UpdateOptions().setUpsert(true)).compose(r -> durability.afterWrite());
  }
}
