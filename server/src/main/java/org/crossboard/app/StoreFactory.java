package org.crossboard.app;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import org.crossboard.config.CrossboardConfig;
import org.crossboard.store.Stores;
import org.crossboard.store.mongo.Durability;
import org.crossboard.store.mongo.MongoStores;

/**
 * Chooses the storage adapters: a real MongoDB when {@code MONGO_URL} is set, else the embedded
 * MongoDB-compatible server with its file under {@code DATA_DIR}. Both go through the same driver.
 */
final class StoreFactory {

  /** Open stores plus what must be closed with them. */
  record Opened(Stores stores, MongoClient client, EmbeddedMongo embedded) {
    Future<Void> close() {
      Future<Void> closed = client.close();
      return embedded == null ? closed : closed.eventually(embedded::stop);
    }
  }

  private StoreFactory() {}

  static Future<Opened> open(Vertx vertx, CrossboardConfig config) {
    if (config.mongoUrl() != null) {
      MongoClient client = client(vertx, config.mongoUrl(), config.mongoDb());
      return MongoStores.create(client, Durability.NONE).map(s -> new Opened(s, client, null));
    }
    return EmbeddedMongo.start(vertx, config.dataDir()).compose(embedded -> {
      MongoClient client = client(vertx, embedded.connectionString(), config.mongoDb());
      return MongoStores.create(client, embedded.durability())
          .map(s -> new Opened(s, client, embedded))
          .onFailure(e -> embedded.stop());
    });
  }

  private static MongoClient client(Vertx vertx, String url, String db) {
    return MongoClient.create(vertx, new JsonObject().put("connection_string", url).put("db_name", db));
  }
}
