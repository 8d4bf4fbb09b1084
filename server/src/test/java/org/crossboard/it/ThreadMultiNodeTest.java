package org.crossboard.it;

import static org.crossboard.testing.SessionRequests.ask;
import static org.crossboard.testing.SessionRequests.push;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.util.Map;
import org.crossboard.testing.BoardMembers;
import org.crossboard.testing.Changes;
import org.crossboard.testing.EmbeddedRedis;
import org.crossboard.testing.TestAccess;
import org.crossboard.testing.TestServer;
import org.crossboard.testing.WsTestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Comment threads across two nodes (SPEC.md K1, K2, K7): two servers in one JVM sharing one real
 * Redis and one MongoDB-compatible server. A reply written on one node reaches readers on the
 * other; a notification reaches a person who is only on another board, on the other node.
 */
class ThreadMultiNodeTest {
  static MongoServer mongo;
  static EmbeddedRedis redis;
  static TestServer nodeA;
  static TestServer nodeB;

  @BeforeAll
  static void start() throws Exception {
    mongo = new MongoServer(new MemoryBackend());
    mongo.bind("127.0.0.1", 0);
    redis = EmbeddedRedis.start();
    nodeA = node("node-a");
    nodeB = node("node-b");
  }

  static TestServer node(String id) throws Exception {
    return TestServer.start(Files.createTempDirectory(id), Map.of(
        "MONGO_URL", "mongodb://127.0.0.1:" + mongo.getLocalAddress().getPort(),
        "REDIS_URL", redis.url(), "NODE_ID", id,
        "JWT_SECRET", "multi-node test secret shared by both nodes"));
  }

  @AfterAll
  static void stop() {
    nodeA.stop();
    nodeB.stop();
    redis.close();
    mongo.shutdownNow();
  }

  static JsonObject ok(WsTestClient c, String type, JsonObject fields) {
    JsonObject reply = ask(c, type, fields);
    assertEquals("thread.ok", reply.getString("t"), type + " → " + reply.encode());
    return reply;
  }

  @Test
  @DisplayName("[K1][K2][K7] a reply on node A reaches node B; removing the note on A orphans the thread for B; a mention reaches someone only on another board, on the other node")
  void acrossNodes() {
    String url = nodeA.baseUrl();
    String board = TestAccess.createBoard(url, "Two-node comments");
    TestAccess.Owner owner = TestAccess.ownerOf(board);
    TestAccess.Account expert = BoardMembers.member(url, board, "commenter", "Erin Expert");
    TestAccess.Account editor = BoardMembers.member(url, board, "editor", "Ted Team");
    String other = TestAccess.createBoard(url, "Ted's other board");
    TestAccess.Owner otherOwner = TestAccess.ownerOf(other);
    String code = TestAccess.invite(url, otherOwner.token(), otherOwner.workspace(), other, "viewer", 1);
    org.crossboard.testing.Rest.as(editor.token()).send("POST", url + "/api/invites/accept",
        new JsonObject().put("code", code).encode());
    try (WsTestClient onA = WsTestClient.join(nodeA.port(), board, "xa-owner-1", null, owner.token());
        WsTestClient expertOnB = WsTestClient.join(nodeB.port(), board, "xb-expert-1", null, expert.token());
        WsTestClient tedElsewhereOnB = WsTestClient.join(nodeB.port(), other, "xb-ted-1", null, editor.token())) {
      assertEquals("ack", push(onA, 1, Changes.put(Changes.note("n1", 0, 0, "Shared note"))).getString("t"));
      expertOnB.expectOps();
      String tid = ok(expertOnB, "thread.create", new JsonObject()
          .put("anchor", new JsonObject().put("kind", "record").put("record", "n1")).put("kind", "question")
          .put("body", "Is this costed?")).getString("thread");
      onA.expect(m -> "thread".equals(m.getString("t")) && tid.equals(m.getJsonObject("thread").getString("id")));

      ok(onA, "thread.reply", new JsonObject().put("thread", tid).put("body", "@Ted Team knows")
          .put("mentions", new JsonArray().add(new JsonObject().put("user", editor.userId()))));
      JsonObject onB = expertOnB.expect(m -> "thread".equals(m.getString("t"))
          && m.getJsonObject("thread").getJsonArray("comments").size() == 2).getJsonObject("thread");
      assertEquals("@Ted Team knows", onB.getJsonArray("comments").getJsonObject(1).getString("body"),
          "[K1] the reply written on A, read on B");
      assertEquals("reply", expertOnB.expect(m -> "notification".equals(m.getString("t")))
          .getJsonObject("notification").getString("reason"), "[K7] the expert wrote in the thread");
      JsonObject teds = tedElsewhereOnB.expect(m -> "notification".equals(m.getString("t")));
      assertEquals("mention", teds.getJsonObject("notification").getString("reason"),
          "[K7] Ted is on another board, on node B: the mention still reaches him");
      assertEquals(board, teds.getJsonObject("notification").getString("board"));

      assertEquals("ack", push(onA, 2, Changes.remove("n1")).getString("t"));
      assertTrue(expertOnB.expect(m -> "thread".equals(m.getString("t"))
          && m.getJsonObject("thread").getBoolean("orphaned", false)).getJsonObject("thread").getBoolean("orphaned"),
          "[K2] orphaned on the node that wrote the removal, seen on the other");
    }
  }
}
