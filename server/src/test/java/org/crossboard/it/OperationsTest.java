package org.crossboard.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import org.crossboard.testing.Changes;
import org.crossboard.testing.Rest;
import org.crossboard.testing.ServerExtension;
import org.crossboard.testing.WsTestClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What operators read: Prometheus metrics, liveness and readiness. */
class OperationsTest {
  @RegisterExtension
  static ServerExtension server = new ServerExtension();

  @Test
  @DisplayName("[O1] /metrics serves Prometheus text: connections, rooms, pushes, commit and push-to-broadcast latency, closes, pub/sub, backpressure, JVM")
  void prometheus() {
    String board = Rest.createBoard(server.baseUrl(), "metrics");
    try (WsTestClient c = WsTestClient.join(server.port(), board, "metrics-client", null)) {
      for (int i = 1; i <= 3; i++) {
        c.send(Changes.push("m" + i, i, Changes.put(Changes.note("n" + i, i, i, "counted"))));
        c.reply("m" + i);
      }
      HttpResponse<String> r = Rest.call("GET", server.baseUrl() + "/metrics", null);
      assertEquals(200, r.statusCode());
      assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
      String text = r.body();
      for (String meter : List.of("crossboard_connections ", "crossboard_rooms ", "crossboard_ops_written_total ",
          "crossboard_pushes_total{outcome=\"written\"}", "crossboard_commit_seconds_bucket",
          "crossboard_push_to_broadcast_seconds_bucket", "crossboard_server_closes_total{code=\"SLOW_CONSUMER\"}",
          "crossboard_pubsub_lag_seconds_count", "crossboard_pubsub_connected ", "crossboard_backpressure_pauses_total",
          "crossboard_catch_ups_total", "jvm_memory_used_bytes", "vertx_http_server")) {
        assertTrue(text.contains(meter), "missing " + meter);
      }
      assertTrue(value(text, "crossboard_connections ") >= 1);
      assertTrue(value(text, "crossboard_pushes_total{outcome=\"written\"}") >= 3);
      assertTrue(value(text, "crossboard_commit_seconds_count") >= 1);
    }
  }

  /** The value of the first sample line starting with {@code name}. */
  static double value(String text, String name) {
    for (String line : text.split("\n")) {
      if (line.startsWith(name)) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    throw new AssertionError("no sample " + name);
  }

  @Test
  @DisplayName("[O2] liveness answers while the node runs; readiness says storage is reachable and pub/sub local")
  void liveAndReady() {
    HttpResponse<String> live = Rest.call("GET", server.baseUrl() + "/api/health/live", null);
    assertEquals(200, live.statusCode());
    assertEquals("live", new JsonObject(live.body()).getString("status"));
    HttpResponse<String> ready = Rest.call("GET", server.baseUrl() + "/api/health/ready", null);
    assertEquals(200, ready.statusCode());
    JsonObject body = new JsonObject(ready.body());
    assertEquals("ready", body.getString("status"));
    assertEquals("ok", body.getString("storage"));
    assertEquals("local", body.getString("pubsub"));
    assertEquals(false, body.getBoolean("draining"));
  }
}
