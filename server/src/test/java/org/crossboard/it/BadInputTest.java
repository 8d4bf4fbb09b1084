package org.crossboard.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.crossboard.testing.Changes;
import org.crossboard.testing.Rest;
import org.crossboard.testing.ServerExtension;
import org.crossboard.testing.TestAccess;
import org.crossboard.testing.WsTestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * [P3] Bad input gets a precise error code with the request id; the offender's connection and
 * everyone else's stay usable and nothing changes on the board.
 */
class BadInputTest {
  @RegisterExtension
  static ServerExtension server = new ServerExtension();
  String board;
  WsTestClient offender;
  WsTestClient bystander;


  @BeforeEach
  void join() {
    board = Rest.createBoard(server.baseUrl(), "bad input");
    offender = WsTestClient.join(server.port(), board, "offender-1", null);
    bystander = WsTestClient.join(server.port(), board, "bystander-1", null);
    offender.send(Changes.push("setup", 1, Changes.put(Changes.note("n1", 0, 0, "keep me"))));
    offender.reply("setup");
    bystander.expectOps();
  }

  /** Both connections still work and the board is unchanged apart from the setup note. */
  private void assertUnharmed() {
    offender.send(new JsonObject().put("t", "ping").put("id", "alive"));
    assertEquals("pong", offender.reply("alive").getString("t"));
    bystander.send(Changes.push("by", 1, Changes.patch("n1", new JsonObject().put("x", 5))));
    assertEquals(2, bystander.reply("by").getLong("seq"));
    JsonArray records = Rest.export(server.baseUrl(), board).getJsonArray("records");
    assertEquals(2, records.size(), records.encode());
    offender.close();
    bystander.close();
  }

  private void assertError(String requestId, String code) {
    JsonObject error = requestId == null
        ? offender.expect(m -> "error".equals(m.getString("t")))
        : offender.reply(requestId);
    assertEquals("error", error.getString("t"), error.encode());
    assertEquals(code, error.getString("code"), error.encode());
    assertFalse(error.getString("message").isBlank());
  }

  @Test
  @DisplayName("[P3] a frame that is not JSON gets ERR_MALFORMED")
  void notJson() {
    offender.sendRaw("{this is not json");
    assertError(null, "ERR_MALFORMED");
    assertUnharmed();
  }

  @Test
  @DisplayName("[P3] a JSON array instead of an object gets ERR_MALFORMED")
  void notAnObject() {
    offender.sendRaw("[1,2,3]");
    assertError(null, "ERR_MALFORMED");
    assertUnharmed();
  }

  @Test
  @DisplayName("[P3][P4] an unknown message type gets ERR_UNKNOWN_TYPE with the request id")
  void unknownType() {
    offender.send(new JsonObject().put("t", "explode").put("id", "u1"));
    assertError("u1", "ERR_UNKNOWN_TYPE");
    assertUnharmed();
  }

  @Test
  @DisplayName("[P3] a push with a wrongly typed field gets ERR_MALFORMED")
  void wrongFieldType() {
    offender.send(new JsonObject().put("t", "push").put("id", "w1").put("clientSeq", "two").put("changes", new JsonArray()));
    assertError("w1", "ERR_MALFORMED");
    assertUnharmed();
  }

  @Test
  @DisplayName("[P3] a frame over 256 KiB gets ERR_TOO_LARGE with its id and the connection stays open")
  void oversizedFrame() {
    String big = "x".repeat(300 * 1024);
    offender.send(Changes.push("big", 2, Changes.patch("n1", new JsonObject().put("text", big))));
    assertError("big", "ERR_TOO_LARGE");
    assertUnharmed();
  }

  @Test
  @DisplayName("[C1][P3] more than 500 changes in one push gets ERR_TOO_LARGE")
  void tooManyChanges() {
    JsonObject push = Changes.push("many", 2);
    for (int i = 0; i < 501; i++) {
      push.getJsonArray("changes").add(Changes.patch("n1", new JsonObject().put("x", i)));
    }
    offender.send(push);
    assertError("many", "ERR_TOO_LARGE");
    assertUnharmed();
  }

  @Test
  @DisplayName("[R3][C2] an invalid prop rejects the whole push with ERR_INVALID_CHANGE naming the change")
  void invalidPropRejectsWholePush() {
    offender.send(Changes.push("inv", 2,
        Changes.put(Changes.note("n2", 0, 0, "valid")),
        Changes.patch("n1", new JsonObject().put("w", -5))));
    JsonObject error = offender.reply("inv");
    assertEquals("ERR_INVALID_CHANGE", error.getString("code"));
    assertEquals(1, error.getInteger("change"));
    assertUnharmed();
  }

  @Test
  @DisplayName("[R6] an unknown prop is rejected")
  void unknownProp() {
    offender.send(Changes.push("unk", 2, Changes.patch("n1", new JsonObject().put("onclick", "alert(1)"))));
    assertError("unk", "ERR_INVALID_CHANGE");
    assertUnharmed();
  }

  @Test
  @DisplayName("[C6] changing a locked record gets ERR_LOCKED")
  void lockedRecord() {
    offender.send(Changes.push("lock", 2, Changes.patch("n1", new JsonObject().put("locked", true))));
    offender.reply("lock");
    offender.send(Changes.push("move", 3, Changes.patch("n1", new JsonObject().put("x", 99))));
    assertError("move", "ERR_LOCKED");
    offender.send(Changes.push("unlock", 4, Changes.patch("n1", new JsonObject().put("locked", false).put("x", 7))));
    assertEquals(3, offender.reply("unlock").getLong("seq"));
    bystander.send(Changes.push("by", 1, Changes.patch("n1", new JsonObject().put("x", 5))));
    assertEquals(4, bystander.reply("by").getLong("seq"));
  }

  @Test
  @DisplayName("[P1] a second hello on an open connection gets ERR_NOT_HELLO")
  void secondHello() {
    offender.send(new JsonObject().put("t", "hello").put("id", "h2").put("protocol", 1).put("board", board)
        .put("clientId", "offender-1").put("name", "again"));
    assertError("h2", "ERR_NOT_HELLO");
    assertUnharmed();
  }

  @Test
  @DisplayName("[P8] more than the push burst in a moment is slowed down, not refused: every push applies, in order")
  void rateLimited() {
    long start = System.nanoTime();
    for (int i = 0; i < 130; i++) {
      offender.send(Changes.push("f" + i, 2 + i, Changes.patch("n1", new JsonObject().put("y", i))));
    }
    long lastSeq = 0;
    for (int i = 0; i < 130; i++) {
      JsonObject ack = offender.reply("f" + i);
      assertEquals("ack", ack.getString("t"), ack.encode());
      assertTrue(ack.getLong("seq") > lastSeq, "in order");
      lastSeq = ack.getLong("seq");
    }
    long ms = (System.nanoTime() - start) / 1_000_000;
    assertTrue(ms >= 400, "30 pushes beyond the burst of 100 take about 0.6 s at 50/s, took " + ms + " ms");
    offender.send(new JsonObject().put("t", "ping").put("id", "alive"));
    assertEquals("pong", offender.reply("alive").getString("t"));
    bystander.send(new JsonObject().put("t", "ping").put("id", "alive2"));
    assertEquals("pong", bystander.reply("alive2").getString("t"));
  }

  @Test
  @DisplayName("[P8][C7] pushes sent right behind the hello, more than the burst: all applied once, in order, none taken for a duplicate")
  void pushesBeforeWelcomeOverTheRate() {
    int pushes = 190; // all waiting for the welcome, far more than the burst of 100
    try (WsTestClient eager = WsTestClient.connect(server.port())) {
      String token = TestAccess.guestToken(server.baseUrl(), board, "eager-client-1", "Eager");
      eager.raw().writeTextMessage(WsTestClient.helloFrame(board, "eager-client-1", null, token).encode());
      for (int i = 0; i < pushes; i++) { // written without waiting: they arrive while the hello is checked
        eager.raw().writeTextMessage(Changes.push("e" + i, 1 + i, Changes.patch("n1", new JsonObject().put("w", 10 + i))).encode());
      }
      assertEquals("welcome", eager.expect(m -> "welcome".equals(m.getString("t"))).getString("t"));
      long lastSeq = 0;
      for (int i = 0; i < pushes; i++) {
        JsonObject ack = eager.reply("e" + i);
        assertEquals("ack", ack.getString("t"), ack.encode());
        assertNull(ack.getValue("duplicate"), "push " + i + " must be applied, not taken for a duplicate: " + ack.encode());
        assertTrue(ack.getLong("seq") > lastSeq, "in order");
        lastSeq = ack.getLong("seq");
      }
    }
    JsonArray records = Rest.export(server.baseUrl(), board).getJsonArray("records");
    JsonObject note = records.stream().map(JsonObject.class::cast).filter(r -> "n1".equals(r.getString("id"))).findFirst().orElseThrow();
    assertEquals(10 + pushes - 1, note.getInteger("w"), "the last push wins");
  }
}
