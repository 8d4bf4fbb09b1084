package org.crossboard.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.crossboard.pubsub.PubSub;
import org.crossboard.transport.ConnectionSupervisor;
import org.crossboard.room.RoomRegistry;

/** Health and metrics of this node. */
public final class HealthApi {
  private final String nodeId;
  private final RoomRegistry rooms;
  private final ConnectionSupervisor connections;
  private final PubSub pubsub;
  private final long startedAt = System.currentTimeMillis();

  public HealthApi(String nodeId, RoomRegistry rooms, ConnectionSupervisor connections, PubSub pubsub) {
    this.pubsub = pubsub;
    this.nodeId = nodeId;
    this.rooms = rooms;
    this.connections = connections;
  }

  public void mount(Router router) {
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
