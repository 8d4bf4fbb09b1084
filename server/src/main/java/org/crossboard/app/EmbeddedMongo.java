package org.crossboard.app;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.crossboard.store.mongo.Durability;

/**
 * The embedded MongoDB-compatible server (mongo-java-server, H2 file backend) used when no
 * {@code MONGO_URL} is configured. It listens on loopback only and is reached through the real
 * MongoDB driver, so the embedded and production paths are the same code.
 */
final class EmbeddedMongo {
  private final MongoServer server;
  private final H2Backend backend;
  private final String connectionString;
  private final Vertx vertx;

  private EmbeddedMongo(Vertx vertx, MongoServer server, H2Backend backend, String connectionString) {
    this.vertx = vertx;
    this.server = server;
    this.backend = backend;
    this.connectionString = connectionString;
  }

  /** Opens (or creates) {@code dataDir/crossboard.mv} and listens on a free loopback port. */
  static Future<EmbeddedMongo> start(Vertx vertx, Path dataDir) {
    return vertx.executeBlocking(() -> {
      Files.createDirectories(dataDir);
      H2Backend backend = new H2Backend(dataDir.resolve("crossboard.mv").toString());
      MongoServer server = new MongoServer(backend);
      server.bind("127.0.0.1", 0);
      InetSocketAddress address = server.getLocalAddress();
      return new EmbeddedMongo(vertx, server, backend, "mongodb://127.0.0.1:" + address.getPort());
    });
  }

  String connectionString() {
    return connectionString;
  }

  /** H2 keeps about a second of writes in memory; commit before acknowledging (STACK.md). */
  Durability durability() {
    return () -> vertx.executeBlocking(() -> {
      backend.commit();
      return null;
    }, false);
  }

  Future<Void> stop() {
    return vertx.executeBlocking(() -> {
      server.shutdown();
      return null;
    });
  }
}
