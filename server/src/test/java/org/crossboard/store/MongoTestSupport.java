package org.crossboard.store;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.util.concurrent.TimeUnit;
import org.crossboard.store.mongo.Durability;
import org.crossboard.store.mongo.MongoStores;

/**
 * Mongo adapters for contract tests: a real MongoDB when {@code MONGO_URL} is set, else the
 * MongoDB-compatible embedded server, always through the real driver. Each call gets its own
 * database so tests do not see each other's data.
 */
final class MongoTestSupport {
  private static final Vertx VERTX = Vertx.vertx();
  private static String url;
  private static int databases;

  private MongoTestSupport() {}

  static synchronized Stores freshStores() {
    if (url == null) {
      String env = System.getenv("MONGO_URL");
      if (env != null && !env.isBlank()) {
        url = env;
      } else {
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        url = "mongodb://127.0.0.1:" + server.getLocalAddress().getPort();
      }
    }
    MongoClient client = MongoClient.create(VERTX, new JsonObject().put("connection_string", url)
        .put("db_name", "contract_" + ProcessHandle.current().pid() + "_" + (++databases)));
    try {
      return MongoStores.create(client, Durability.NONE).await(20, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
