package org.crossboard.app;

import io.vertx.core.Future;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.ext.web.Route;
import io.vertx.micrometer.MetricsDomain;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
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
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    // Vert.x's own meters on the same registry: HTTP requests, WebSockets, worker pools, the JVM.
    // Raw TCP byte counters (NET_SERVER) would cost on every frame written and add nothing ours lack.
    Vertx vertx = Vertx.builder()
        .with(new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true)
            .setJvmMetricsEnabled(true).addDisabledMetricsCategory(MetricsDomain.NET_SERVER)
            .addDisabledMetricsCategory(MetricsDomain.NET_CLIENT).addDisabledMetricsCategory(MetricsDomain.EVENT_BUS)))
        .withMetrics(new MicrometerMetricsFactory(registry))
        .build();
    CrossboardVerticle verticle = new CrossboardVerticle(config, registry);
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
