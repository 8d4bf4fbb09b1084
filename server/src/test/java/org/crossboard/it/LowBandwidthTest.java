package org.crossboard.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.crossboard.testing.Rest;
import org.crossboard.testing.ServerExtension;
import org.crossboard.testing.WsTestClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Sending less on slow links: compression negotiated, and presence at a member's own rate. */
class LowBandwidthTest {
  @RegisterExtension
  static ServerExtension server = new ServerExtension(Map.of());

  @Test
  @DisplayName("a WebSocket client offering permessage-deflate gets it, and its frames still read as JSON")
  void perMessageDeflate() {
    String board = Rest.createBoard(server.baseUrl(), "deflate");
    try (WsTestClient c = WsTestClient.connect(server.port(), new WebSocketClientOptions().setTryUsePerMessageCompression(true))) {
      String extensions = c.raw().headers().get("sec-websocket-extensions");
      assertNotNull(extensions, "the handshake answers with the extension");
      assertTrue(extensions.contains("permessage-deflate"), extensions);
      assertEquals("welcome", c.hello(board, "deflate-client", null).getString("t"));
    }
    try (WsTestClient plain = WsTestClient.connect(server.port())) {
      String extensions = plain.raw().headers().get("sec-websocket-extensions");
      assertTrue(extensions == null || !extensions.contains("permessage-deflate"), "not offered, not used: " + extensions);
    }
  }

  @Test
  @DisplayName("HTTP responses are gzipped for clients that accept it (web client modules, REST)")
  void httpGzip() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<byte[]> js = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/js/sync.js"))
        .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, js.statusCode());
    assertEquals("gzip", js.headers().firstValue("content-encoding").orElse(null));
    String source = new String(new GZIPInputStream(new ByteArrayInputStream(js.body())).readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(source.length() > js.body().length * 2, "compressed: " + js.body().length + " of " + source.length());
    assertTrue(source.contains("export class SyncClient"), "the module itself");

    HttpResponse<byte[]> identity = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/js/sync.js")).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertTrue(identity.headers().firstValue("content-encoding").isEmpty(), "no Accept-Encoding: sent as is");
    assertEquals(source, new String(identity.body(), StandardCharsets.UTF_8));
  }

  @Test
  @DisplayName("a member that asks for rate 2 gets others' presence at most ~2 frames/s, everyone else at the tick; nothing is lost")
  void presenceRatePerMember() throws Exception {
    String board = Rest.createBoard(server.baseUrl(), "rate");
    try (WsTestClient slow = WsTestClient.join(server.port(), board, "rate-slow", null);
         WsTestClient fast = WsTestClient.join(server.port(), board, "rate-fast", null);
         WsTestClient mover = WsTestClient.join(server.port(), board, "rate-mover", null)) {
      PresenceTest.awaitPresence(slow, "rate-mover", p -> true);
      PresenceTest.awaitPresence(fast, "rate-mover", p -> true);
      slow.send(new JsonObject().put("t", "presence").put("rate", 2));
      Thread.sleep(200);
      drain(slow);
      drain(fast);

      long start = System.currentTimeMillis();
      for (int i = 1; i <= 75; i++) { // 1.5 s of cursor moves at 50 per second
        mover.send(new JsonObject().put("t", "presence").put("cursor", new JsonObject().put("x", i).put("y", 0)));
        Thread.sleep(20);
      }
      int slowFrames = framesUntil(slow, 75);
      long slowDone = System.currentTimeMillis() - start;
      int fastFrames = framesUntil(fast, 75);
      assertTrue(slowFrames <= 5, "1.5 s at 2 frames/s: at most 5 frames, got " + slowFrames + " in " + slowDone + " ms");
      assertTrue(fastFrames >= 15, "at the 30 ms tick far more frames, got " + fastFrames);

      // back to the room's pace
      slow.send(new JsonObject().put("t", "presence").put("rate", null));
      Thread.sleep(700);
      drain(slow);
      for (int i = 101; i <= 150; i++) {
        mover.send(new JsonObject().put("t", "presence").put("cursor", new JsonObject().put("x", i).put("y", 0)));
        Thread.sleep(20);
      }
      assertTrue(framesUntil(slow, 150) >= 10, "rate null: the room's pace again");

      slow.send(new JsonObject().put("t", "presence").put("rate", 0));
      assertEquals("ERR_MALFORMED", slow.expect(m -> "error".equals(m.getString("t"))).getString("code"));
      slow.send(new JsonObject().put("t", "presence").put("rate", 11));
      assertEquals("ERR_MALFORMED", slow.expect(m -> "error".equals(m.getString("t"))).getString("code"));
    }
  }

  @Test
  @DisplayName("presence at a slower rate still carries joins and departures, and others' own state stays whole")
  void slowStreamSeesJoinsAndLeaves() throws Exception {
    String board = Rest.createBoard(server.baseUrl(), "rate joins");
    try (WsTestClient slow = WsTestClient.join(server.port(), board, "rj-slow-client", null)) {
      slow.send(new JsonObject().put("t", "presence").put("rate", 1));
      Thread.sleep(100);
      WsTestClient other = WsTestClient.join(server.port(), board, "rj-other-client", null);
      JsonObject seen = PresenceTest.awaitPresence(slow, "rj-other-client", p -> p.containsKey("user"));
      assertEquals("rj-other-client", seen.getString("clientId"));
      other.send(new JsonObject().put("t", "presence").put("cursor", new JsonObject().put("x", 7).put("y", 8)));
      assertEquals(7, PresenceTest.awaitPresence(slow, "rj-other-client", p -> p.getValue("cursor") != null)
          .getJsonObject("cursor").getInteger("x"));
      other.close();
      slow.expect(m -> "batch".equals(m.getString("t"))
          && m.getJsonArray("left", new io.vertx.core.json.JsonArray()).contains("rj-other-client"));
    }
  }

  private static void drain(WsTestClient c) {
    while (c.poll(50) != null) {
      // discard
    }
  }

  /** Frames carrying the mover's presence until its cursor reaches {@code x}. */
  private static int framesUntil(WsTestClient c, int x) {
    int frames = 0;
    while (true) {
      JsonObject p = PresenceTest.awaitPresence(c, "rate-mover", m -> m.getValue("cursor") != null);
      frames++;
      if (p.getJsonObject("cursor").getInteger("x") == x) {
        return frames;
      }
    }
  }
}
