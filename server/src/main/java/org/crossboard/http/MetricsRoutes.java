package org.crossboard.http;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.ext.web.Router;

/** Serves the node's meters in the Prometheus text format at {@code /metrics} (no token: scrape from inside). */
public final class MetricsRoutes {
  private MetricsRoutes() {}

  public static void mount(Router router, PrometheusMeterRegistry registry) {
    router.get("/metrics").handler(ctx -> ctx.response()
        .putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .end(registry.scrape()));
  }
}
