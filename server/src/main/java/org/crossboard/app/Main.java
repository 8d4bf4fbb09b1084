package org.crossboard.app;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.crossboard.config.CrossboardConfig;
import org.crossboard.logging.LogSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Entry point of {@code java -jar crossboard.jar}: reads config and runs one node until stopped. */
public final class Main {
  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  private Main() {}

  public static void main(String[] args) throws Exception {
    CrossboardConfig config = CrossboardConfig.load(System.getenv());
    LogSetup.apply(config.logFormat());
    CrossboardServer server;
    try {
      server = CrossboardServer.start(config).await(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.error("Crossboard failed to start", e);
      System.exit(1);
      return;
    }
    LOG.info("Crossboard {} listening on http://localhost:{}/ (storage: {}, pub/sub: {})",
        config.nodeId(), server.port(),
        config.mongoUrl() == null ? "embedded, " + config.dataDir().resolve("crossboard.mv") : "MongoDB",
        config.redisUrl() == null ? "in-process" : "Redis");
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        server.stop().await(20, TimeUnit.SECONDS);
      } catch (Exception e) {
        LOG.warn("unclean shutdown", e);
      }
      stopped.countDown();
    }, "crossboard-shutdown"));
    stopped.await();
  }
}
