package org.crossboard.http;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import org.crossboard.pubsub.PubSub;
import org.crossboard.store.BoardCatalog;
import org.crossboard.transport.ConnectionSupervisor;
import org.crossboard.room.RoomRegistry;

/**
 * Health of this node: liveness (the event loop answers), readiness (storage reachable, not
 * shutting down; Redis down only degrades it), a summary, and the JSON counters the benchmark and
 * tests read. Prometheus metrics are at {@code /metrics} ({@link MetricsRoutes}).
 */
public final class HealthApi {
  /** How long readiness waits for storage to answer before saying it is unreachable. */
  static final long STORAGE_PROBE_MS = 2_000;
  private final Vertx vertx;
  private final String nodeId;
  private final RoomRegistry rooms;
  private final ConnectionSupervisor connections;
  private final PubSub pubsub;
  private final BoardCatalog storage;
  private final BooleanSupplier draining;
  private final boolean clustered;
  private final long startedAt = System.currentTimeMillis();

  /**
   * @param storage probed by readiness with one point read
   * @param draining true once the node is shutting down (readiness then fails, so balancers stop sending)
   * @param clustered whether Redis is configured (else pub/sub is in-process and always up)
   */
  public HealthApi(Vertx vertx, String nodeId, RoomRegistry rooms, ConnectionSupervisor connections, PubSub pubsub,
      BoardCatalog storage, BooleanSupplier draining, boolean clustered) {
    this.vertx = vertx;
    this.pubsub = pubsub;
    this.nodeId = nodeId;
    this.rooms = rooms;
    this.connections = connections;
    this.storage = storage;
    this.draining = draining;
    this.clustered = clustered;
  }

  public void mount(Router router) {
    router.get("/api/health/live").handler(ctx -> Json.send(ctx, 200,
        new JsonObject().put("status", "live").put("node", nodeId).encode()));
    router.get("/api/health/ready").handler(ctx -> storageReachable().onComplete(probe -> {
      boolean storageOk = probe.succeeded();
      boolean ready = storageOk && !draining.getAsBoolean();
      String status = !ready ? "unready" : pubsub.connected() ? "ready" : "degraded";
      JsonObject body = new JsonObject().put("status", status).put("node", nodeId)
          .put("storage", storageOk ? "ok" : "unreachable")
          .put("pubsub", !clustered ? "local" : pubsub.connected() ? "connected" : "disconnected")
          .put("draining", draining.getAsBoolean());
      Json.send(ctx, ready ? 200 : 503, body.encode());
    }));
    // Degraded, not down: without pub/sub a node still serves its own clients (DESIGN §6).
    router.get("/api/health").handler(ctx -> Json.send(ctx, 200, new JsonObject()
        .put("status", pubsub.connected() ? "ok" : "degraded")
        .put("pubsub", pubsub.connected() ? "connected" : "disconnected")
        .put("node", nodeId)
        .put("uptimeMs", System.currentTimeMillis() - startedAt)
        .put("rooms", rooms.roomCount())
        .put("connections", connections.count()).encode()));
    router.get("/api/metrics").handler(ctx -> Json.send(ctx, 200, metrics().encode()));
  }

  /** One point read of the board list, failing when storage does not answer in time. */
  private Future<Void> storageReachable() {
    Promise<Void> answered = Promise.promise();
    long timer = vertx.setTimer(STORAGE_PROBE_MS, t -> answered.tryFail("storage did not answer in time"));
    storage.get("~readiness-probe").onComplete(r -> {
      vertx.cancelTimer(timer);
      if (r.succeeded()) {
        answered.tryComplete();
      } else {
        answered.tryFail(r.cause());
      }
    });
    return answered.future();
  }

  private JsonObject metrics() {
    Runtime rt = Runtime.getRuntime();
    return new JsonObject()
        .put("node", nodeId)
        .put("rooms", rooms.roomCount())
        .put("connections", connections.count())
        .put("opsWritten", rooms.metrics().opsWritten())
        .put("catchUps", rooms.metrics().catchUps())
        .put("ownEchoesDropped", rooms.metrics().ownEchoesDropped())
        .put("remoteMessages", new JsonObject(new java.util.LinkedHashMap<>(rooms.metrics().remoteByKind())))
        .put("serverCloses", new JsonObject(new java.util.LinkedHashMap<>(connections.closesByCode())))
        .put("heapUsedBytes", rt.totalMemory() - rt.freeMemory())
        .put("heapCommittedBytes", rt.totalMemory())
        .put("heapMaxBytes", rt.maxMemory())
        .put("rssBytes", rssBytes())
        .put("cpuTimeMs", cpuTimeMs())
        .put("uptimeMs", System.currentTimeMillis() - startedAt);
  }

  private static long cpuTimeMs() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime() / 1_000_000;
    }
    return -1;
  }

  /** Resident set size from /proc (Linux); -1 elsewhere. */
  private static long rssBytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (Exception e) {
      return -1;
    }
    return -1;
  }
}
