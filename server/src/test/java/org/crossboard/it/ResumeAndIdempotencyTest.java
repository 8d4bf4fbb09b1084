package org.crossboard.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import org.crossboard.testing.Replica;
import org.crossboard.testing.Changes;
import org.crossboard.testing.Rest;
import org.crossboard.testing.ServerExtension;
import org.crossboard.testing.WsTestClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Idempotent pushes, resume with lastSeq, gap fetches and restarts over real sockets. */
class ResumeAndIdempotencyTest {
  @RegisterExtension
  static ServerExtension server = new ServerExtension();


  @Test
  @DisplayName("[C7] a re-sent push is applied once, also on a new connection")
  void duplicatePushAppliesOnce() {
    String board = Rest.createBoard(server.baseUrl(), "dup");
    try (WsTestClient a = WsTestClient.join(server.port(), board, "client-dup-1", null)) {
      a.send(Changes.push("r1", 1, Changes.put(Changes.note("n1", 0, 0, "once"))));
      assertEquals(1, a.reply("r1").getLong("seq"));
      a.send(Changes.push("r1b", 1, Changes.put(Changes.note("n1", 0, 0, "once"))));
      assertEquals(true, a.reply("r1b").getBoolean("duplicate"));
    }
    try (WsTestClient again = WsTestClient.join(server.port(), board, "client-dup-1", 0L)) {
      assertEquals(1, again.welcome().getLong("applied"));
      again.send(Changes.push("r1c", 1, Changes.put(Changes.note("n1", 0, 0, "once"))));
      assertEquals(true, again.reply("r1c").getBoolean("duplicate"));
    }
    assertEquals(1, Rest.export(server.baseUrl(), board).getLong("seq"));
  }

  @Test
  @DisplayName("[C8] a client that reconnects with lastSeq gets exactly the missed ops and ends identical")
  void resumeWithLastSeq() {
    String board = Rest.createBoard(server.baseUrl(), "resume");
    WsTestClient a = WsTestClient.join(server.port(), board, "client-res-a", null);
    Replica replica = new Replica(a.welcome());
    a.send(Changes.push("r1", 1, Changes.put(Changes.note("n1", 0, 0, "first"))));
    replica.applyBatch(a.expectOps());
    a.close();

    try (WsTestClient b = WsTestClient.join(server.port(), board, "client-res-b", null)) {
      for (int i = 1; i <= 5; i++) {
        b.send(Changes.push("b" + i, i, Changes.patch("n1", new JsonObject().put("text", "edit " + i))));
        b.reply("b" + i);
      }
    }
    try (WsTestClient back = WsTestClient.join(server.port(), board, "client-res-a", replica.seq())) {
      JsonObject welcome = back.welcome();
      assertNull(welcome.getValue("snapshot"));
      assertEquals(5, welcome.getJsonArray("ops").size());
      welcome.getJsonArray("ops").forEach(op -> replica.applyOp((JsonObject) op));
      assertEquals(Rest.export(server.baseUrl(), board).getJsonArray("records").encode(), replica.records().encode());
    }
  }

  @Test
  @DisplayName("[C8] lastSeq ahead of the server gets a snapshot instead of ops")
  void lastSeqAheadGetsSnapshot() {
    String board = Rest.createBoard(server.baseUrl(), "ahead");
    try (WsTestClient a = WsTestClient.join(server.port(), board, "client-ahead", 99L)) {
      assertTrue(a.welcome().containsKey("snapshot"));
      assertFalse(a.welcome().containsKey("ops"));
    }
  }

  @Test
  @DisplayName("[C9] fetch returns exactly the ops in (from, to]")
  void fetchRange() {
    String board = Rest.createBoard(server.baseUrl(), "fetch");
    try (WsTestClient a = WsTestClient.join(server.port(), board, "client-fetch", null)) {
      a.send(Changes.push("p1", 1, Changes.put(Changes.note("n1", 0, 0, ""))));
      for (int i = 2; i <= 6; i++) {
        a.send(Changes.push("p" + i, i, Changes.patch("n1", new JsonObject().put("x", i))));
      }
      a.reply("p6");
      a.send(new JsonObject().put("t", "fetch").put("id", "f1").put("from", 2).put("to", 5));
      JsonObject ops = a.reply("f1");
      assertEquals("ops", ops.getString("t"));
      assertEquals(3, ops.getJsonArray("ops").size());
      assertEquals(3, ops.getJsonArray("ops").getJsonObject(0).getLong("seq"));
      assertEquals(5, ops.getJsonArray("ops").getJsonObject(2).getLong("seq"));
      a.send(new JsonObject().put("t", "fetch").put("id", "f2").put("from", 2).put("to", 50));
      assertEquals("ERR_RANGE_UNAVAILABLE", a.reply("f2").getString("code"));
    }
  }

  @Test
  @DisplayName("[D5][C7] after a restart on the same data file the board is identical and old pushes stay duplicates")
  void restartServesSameBoard() {
    String board = Rest.createBoard(server.baseUrl(), "restart");
    try (WsTestClient a = WsTestClient.join(server.port(), board, "client-restart", null)) {
      a.send(Changes.push("r1", 1, Changes.put(Changes.note("n1", 10, 20, "survives"))));
      a.send(Changes.push("r2", 2, Changes.put(Changes.note("n2", 30, 40, "me too"))));
      a.send(Changes.push("r3", 3, Changes.patch("n1", new JsonObject().put("color", "#FFE066"))));
      a.reply("r3");
    }
    String before = Rest.export(server.baseUrl(), board).getJsonArray("records").encode();
    server.server().restart();
    JsonObject after = Rest.export(server.baseUrl(), board);
    assertEquals(before, after.getJsonArray("records").encode());
    assertEquals(3, after.getLong("seq"));
    try (WsTestClient a = WsTestClient.join(server.port(), board, "client-restart", null)) {
      assertEquals(3, a.welcome().getLong("applied"));
      assertEquals(before, a.welcome().getJsonObject("snapshot").getJsonArray("records").encode());
      a.send(Changes.push("r3again", 3, Changes.patch("n1", new JsonObject().put("color", "#000000"))));
      assertEquals(true, a.reply("r3again").getBoolean("duplicate"));
    }
  }
}
