package org.crossboard.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.crossboard.testing.Rest;
import org.crossboard.testing.ServerExtension;
import org.crossboard.testing.TestAccess;
import org.crossboard.testing.WsTestClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Presence on one node: who is there, cursors and selections, coalescing, departures, expiry. */
class PresenceTest {
  @RegisterExtension
  static ServerExtension server = new ServerExtension(Map.of("PRESENCE_TIMEOUT_MS", "1500"));

  static JsonObject presenceOf(JsonObject batch, String clientId) {
    for (Object o : batch.getJsonArray("presence", new JsonArray())) {
      JsonObject p = (JsonObject) o;
      if (clientId.equals(p.getString("clientId"))) {
        return p;
      }
    }
    return null;
  }

  static JsonObject awaitPresence(WsTestClient c, String clientId, java.util.function.Predicate<JsonObject> p) {
    return presenceOf(c.expect(m -> "batch".equals(m.getString("t")) && presenceOf(m, clientId) != null
        && p.test(presenceOf(m, clientId))), clientId);
  }

  /** A hello as a guest with this display name (the server takes names from tokens, not from hello). */
  static JsonObject hello(String baseUrl, String board, String clientId, String name) {
    return WsTestClient.helloFrame(board, clientId, null, TestAccess.guestToken(baseUrl, board, clientId, name));
  }

  @Test
  @DisplayName("[S1] people see each other with name, organisation, country and colour; cursors and selections travel")
  void seeEachOther() {
    String board = Rest.createBoard(server.baseUrl(), "presence");
    try (WsTestClient ana = WsTestClient.connect(server.port()); WsTestClient ben = WsTestClient.connect(server.port())) {
      ana.send(hello(server.baseUrl(), board, "presence-ana", "Ana"));
      ana.expect(m -> "welcome".equals(m.getString("t")));
      ben.send(hello(server.baseUrl(), board, "presence-ben", "Ben"));
      JsonObject welcome = ben.expect(m -> "welcome".equals(m.getString("t")));
      JsonObject anaSeen = welcome.getJsonArray("presence").getJsonObject(0);
      assertEquals("Ana", anaSeen.getJsonObject("user").getString("name"));
      assertEquals("Digital Agency", anaSeen.getJsonObject("user").getString("org"));
      assertEquals("EE", anaSeen.getJsonObject("user").getString("country"));
      assertTrue(anaSeen.getJsonObject("user").getString("color").matches("#[0-9A-F]{6}"));
      awaitPresence(ana, "presence-ben", p -> true);

      ana.send(new JsonObject().put("t", "presence").put("cursor", new JsonObject().put("x", 10).put("y", -20.5))
          .put("selection", new JsonArray().add("n1")).put("editing", "n1").put("status", "active"));
      JsonObject seen = awaitPresence(ben, "presence-ana", p -> p.getValue("cursor") != null);
      assertEquals(-20.5, seen.getJsonObject("cursor").getDouble("y"));
      assertEquals("n1", seen.getJsonArray("selection").getString(0));
      assertEquals("n1", seen.getString("editing"));
      assertEquals(0, Rest.export(server.baseUrl(), board).getLong("seq"), "presence never reaches the op log");
    }
  }

  @Test
  @DisplayName("[S2] cursor updates are coalesced per tick: the latest wins, the rest are never sent")
  void coalesced() {
    String board = Rest.createBoard(server.baseUrl(), "coalesce");
    try (WsTestClient ana = WsTestClient.join(server.port(), board, "coalesce-ana", null);
         WsTestClient ben = WsTestClient.join(server.port(), board, "coalesce-ben", null)) {
      assertEquals("coalesce-ana", ben.welcome().getJsonArray("presence").getJsonObject(0).getString("clientId"));
      for (int i = 1; i <= 200; i++) {
        ana.send(new JsonObject().put("t", "presence").put("cursor", new JsonObject().put("x", i).put("y", i)));
      }
      int frames = 0;
      while (true) {
        JsonObject p = awaitPresence(ben, "coalesce-ana", x -> x.getValue("cursor") != null);
        frames++;
        if (p.getJsonObject("cursor").getInteger("x") == 200) {
          break;
        }
      }
      assertTrue(frames < 100, "200 updates must arrive in far fewer frames, got " + frames);
    }
  }

  @Test
  @DisplayName("[S4] a malformed presence frame gets ERR_MALFORMED and nothing else happens")
  void malformed() {
    String board = Rest.createBoard(server.baseUrl(), "malformed presence");
    try (WsTestClient ana = WsTestClient.join(server.port(), board, "malformed-ana", null)) {
      ana.send(new JsonObject().put("t", "presence").put("cursor", new JsonObject().put("x", "left")));
      assertEquals("ERR_MALFORMED", ana.expect(m -> "error".equals(m.getString("t"))).getString("code"));
      ana.send(new JsonObject().put("t", "ping").put("id", "p"));
      assertEquals("pong", ana.reply("p").getString("t"));
    }
  }

  @Test
  @DisplayName("[S3] leaving and going silent both remove a person: silence within the presence timeout")
  void departures() {
    String board = Rest.createBoard(server.baseUrl(), "departures");
    try (WsTestClient ana = WsTestClient.join(server.port(), board, "depart-ana", null)) {
      WsTestClient ben = WsTestClient.join(server.port(), board, "depart-ben", null);
      awaitPresence(ana, "depart-ben", p -> true);
      ben.close();
      ana.expect(m -> "batch".equals(m.getString("t")) && m.getJsonArray("left", new JsonArray()).contains("depart-ben"));

      try (WsTestClient silent = WsTestClient.join(server.port(), board, "depart-silent", null)) {
        awaitPresence(ana, "depart-silent", p -> true);
        long start = System.currentTimeMillis();
        // ana keeps talking; the silent one sends nothing at all
        JsonObject gone = null;
        long lastBeat = 0;
        while (gone == null && System.currentTimeMillis() - start < 8_000) {
          if (System.currentTimeMillis() - lastBeat > 300) {
            ana.send(new JsonObject().put("t", "presence").put("status", "active"));
            lastBeat = System.currentTimeMillis();
          }
          JsonObject m = ana.poll(20);
          if (m != null && "batch".equals(m.getString("t")) && m.getJsonArray("left", new JsonArray()).contains("depart-silent")) {
            gone = m;
          }
        }
        assertTrue(gone != null, "a silent client must disappear");
        assertTrue(System.currentTimeMillis() - start < 1_500 + 1_000, "within the timeout plus one heartbeat");
        assertTrue(!silent.isClosed(), "its socket is still open; only its presence went");
      }
    }
  }
}
