package org.crossboard.testing;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;

/**
 * A MongoDB-compatible server that a test hands to the server under test ({@code MONGO_URL}) and
 * can also reach itself through the real driver — to play someone with database access, or to
 * age data the API will not age.
 */
public final class ReachableMongo implements AutoCloseable {
  private final MongoServer server;
  private final Vertx vertx;
  private final MongoClient client;
  private final String url;

  private ReachableMongo() {
    server = new MongoServer(new MemoryBackend());
    server.bind("127.0.0.1", 0);
    url = "mongodb://127.0.0.1:" + server.getLocalAddress().getPort();
    vertx = Vertx.vertx();
    client = MongoClient.create(vertx, new JsonObject().put("connection_string", url).put("db_name", "crossboard"));
  }

  public static ReachableMongo start() {
    return new ReachableMongo();
  }

  /** The {@code MONGO_URL} to give the server. */
  public String url() {
    return url;
  }

  /** A client on the server's database ({@code MONGO_DB} default). */
  public MongoClient client() {
    return client;
  }

  @Override
  public void close() {
    client.close();
    vertx.close();
    server.shutdownNow();
  }
}
