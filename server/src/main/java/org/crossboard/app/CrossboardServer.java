package org.crossboard.app;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Route;
import java.util.List;
import org.crossboard.config.CrossboardConfig;

/** A running node with its own Vert.x instance: what {@link Main} and the tests start and stop. */
public final class CrossboardServer {
  private final Vertx vertx;
  private final CrossboardVerticle verticle;

  private CrossboardServer(Vertx vertx, CrossboardVerticle verticle) {
    this.vertx = vertx;
    this.verticle = verticle;
  }

  public static Future<CrossboardServer> start(CrossboardConfig config) {
    Vertx vertx = Vertx.vertx();
    CrossboardVerticle verticle = new CrossboardVerticle(config);
    return vertx.deployVerticle(verticle)
        .map(id -> new CrossboardServer(vertx, verticle))
        .recover(e -> vertx.close().transform(ar -> Future.failedFuture(e)));
  }

  public int port() {
    return verticle.port();
  }

  /** The routes the node serves, in the order they match. */
  public List<Route> routes() {
    return verticle.routes();
  }

  /** Closes rooms (writing snapshots), sockets, storage, then Vert.x. */
  public Future<Void> stop() {
    return vertx.close();
  }
}
