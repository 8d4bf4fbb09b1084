package org.crossboard.it;

import static org.crossboard.testing.SessionRequests.ask;
import static org.crossboard.testing.SessionRequests.castAtOnce;
import static org.crossboard.testing.SessionRequests.ok;
import static org.crossboard.testing.SessionRequests.push;
import static org.crossboard.testing.SessionRequests.seen;
import static org.crossboard.testing.SessionRequests.session;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.crossboard.session.BallotChain;
import org.crossboard.testing.BoardMembers;
import org.crossboard.testing.Changes;
import org.crossboard.testing.EmbeddedRedis;
import org.crossboard.testing.Rest;
import org.crossboard.testing.TestAccess;
import org.crossboard.testing.TestServer;
import org.crossboard.testing.WsTestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Live sessions across two nodes (SPEC.md L1–L7, M6): two servers in one JVM sharing one real Redis
 * and one MongoDB-compatible server; the facilitator on one node, participants on both. Whichever
 * node a command arrives at, the session store orders it; every node shows the same session, a
 * timer acts once, locks and private mode hold for people on either node.
 */
class SessionMultiNodeTest {
  static MongoServer mongo;
  static EmbeddedRedis redis;
  static TestServer nodeA;
  static TestServer nodeB;
  static final AtomicInteger IDS = new AtomicInteger();

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

  record Room(String board, TestAccess.Owner owner) {
    TestAccess.Account member(String role, String name) {
      return BoardMembers.member(nodeA.baseUrl(), board, role, name);
    }

    WsTestClient join(TestServer node, String token) {
      return WsTestClient.join(node.port(), board, "m" + IDS.incrementAndGet() + "abcdefgh", null, token);
    }
  }

  static Room room() {
    String board = TestAccess.createBoard(nodeA.baseUrl(), "Two-node session");
    return new Room(board, TestAccess.ownerOf(board));
  }





  static void createAndStart(WsTestClient f) {
    ok(f, "session.create", new JsonObject().put("title", "Citizen involvement").put("startsAt", 0)
        .put("timeZone", "Europe/Lisbon").put("phases", new JsonArray()
            .add(new JsonObject().put("title", "One").put("minutes", 5))
            .add(new JsonObject().put("title", "Two").put("minutes", 5))));
    ok(f, "session.start", new JsonObject());
  }

  @Test
  @DisplayName("[L1][L6][L7] a session driven on node A is the same on node B; votes cast on both nodes at once keep their limits and the chain verifies")
  void votesAcrossNodes() {
    Room room = room();
    List<TestAccess.Account> voters = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      voters.add(room.member("editor", "Voter " + i));
    }
    try (WsTestClient f = room.join(nodeA, room.owner().token())) {
      assertEquals("ack", push(f, 1, Changes.put(Changes.note("x1", 0, 0, "x1")), Changes.put(Changes.note("x2", 300, 0, "x2")))
          .getString("t"));
      List<WsTestClient> clients = new ArrayList<>();
      for (int i = 0; i < voters.size(); i++) {
        clients.add(room.join(i % 2 == 0 ? nodeA : nodeB, voters.get(i).token()));
      }
      try {
        createAndStart(f);
        for (WsTestClient c : clients) {
          session(c, s -> "live".equals(s.getString("state")));
        }
        ok(f, "session.vote.open", new JsonObject().put("records", new JsonArray().add("x1").add("x2")).put("dots", 2));
        for (WsTestClient c : clients) {
          session(c, s -> s.getJsonObject("vote") != null && "open".equals(s.getJsonObject("vote").getString("state")));
        }
        Map<WsTestClient, Integer> accepted = castAtOnce(clients, List.of("x1", "x2", "x1", "x2", "x1"));
        for (WsTestClient c : clients) {
          assertEquals(2, accepted.get(c), "[L6] two dots each, on whichever node");
        }
        ok(f, "session.vote.close", new JsonObject());
        for (WsTestClient c : List.of(clients.get(1), clients.get(0))) { // node B, node A
          JsonObject revealed = c.expect(m -> "session.ballots".equals(m.getString("t"))); // relayed to node B too
          JsonObject vote = session(c, s -> s.getJsonObject("vote") != null
              && "closed".equals(s.getJsonObject("vote").getString("state"))).getJsonObject("vote");
          List<JsonObject> ballots = new ArrayList<>();
          revealed.getJsonArray("ballots").forEach(b -> ballots.add((JsonObject) b));
          assertEquals(16, ballots.size());
          assertEquals(vote.getJsonObject("chain").getString("hash"), BallotChain.headOf(ballots), "[L7]");
          int total = 0;
          for (Object r : vote.getJsonObject("results").getJsonArray("ranking")) {
            total += ((JsonObject) r).getInteger("count");
          }
          assertEquals(16, total);
        }
      } finally {
        clients.forEach(WsTestClient::close);
      }
    }
  }

  @Test
  @DisplayName("[L3] a timer acts once at zero with rooms open on both nodes; both nodes' people get the cue within 100 ms; the audit chain has one entry for it")
  void timerActsOnce() {
    Room room = room();
    TestAccess.Account p = room.member("editor", "Pia");
    try (WsTestClient f = room.join(nodeA, room.owner().token()); WsTestClient onB = room.join(nodeB, p.token())) {
      createAndStart(f);
      ok(f, "session.timer", new JsonObject().put("action", "start").put("durationMs", 1500).put("atZero", "next"));
      long endsAt = session(onB, s -> "running".equals(s.getJsonObject("timers").getJsonObject("all").getString("state")))
          .getJsonObject("timers").getJsonObject("all").getLong("endsAt");
      for (WsTestClient c : List.of(onB, f)) {
        c.expect(m -> "session.cue".equals(m.getString("t")));
        long late = System.currentTimeMillis() - endsAt;
        assertTrue(late >= 0 && late < 100, "[L3] cue " + late + " ms after zero");
      }
      assertEquals(1, seen(onB, s -> s.getInteger("current") == 1).getInteger("current"),
          "[L3] node B shows the next phase (its view may come before or after the relayed cue)");
      ask(f, "ping", new JsonObject());
      ask(onB, "ping", new JsonObject());
      for (WsTestClient c : List.of(onB, f)) {
        assertEquals(1, c.received().stream().filter(m -> m.startsWith("{\"t\":\"session.cue\"")).count(),
            "[L3] one cue per client: its node's own timer and the acting node's relay do not both send it");
      }
      HttpResponse<String> audit = Rest.as(room.owner().token()).send("GET",
          nodeB.baseUrl() + "/api/workspaces/" + room.owner().workspace() + "/audit", null);
      long zeros = new JsonObject(audit.body()).getJsonArray("entries").stream()
          .filter(e -> "session.timer.zero".equals(((JsonObject) e).getString("action"))).count();
      assertEquals(1, zeros, "[L3] exactly one node acted");
    }
  }

  @Test
  @DisplayName("[L4][L5] locks and private mode hold for a participant on the other node; the hidden note never reaches the other node's participant until the reveal")
  void policyAcrossNodes() {
    Room room = room();
    TestAccess.Account ana = room.member("editor", "Ana");
    TestAccess.Account bo = room.member("editor", "Bo");
    try (WsTestClient f = room.join(nodeA, room.owner().token()); WsTestClient a = room.join(nodeA, ana.token());
        WsTestClient b = room.join(nodeB, bo.token())) {
      createAndStart(f);
      ok(f, "session.lock", new JsonObject().put("target", "board").put("locked", true));
      session(b, s -> s.getJsonObject("locks").getBoolean("board"));
      assertEquals("ERR_LOCKED", push(b, 1, Changes.put(Changes.note("nb", 0, 0, "from B"))).getString("code"));
      ok(f, "session.lock", new JsonObject().put("target", "board").put("locked", false));
      session(b, s -> !s.getJsonObject("locks").getBoolean("board"));
      ok(f, "session.private", new JsonObject().put("on", true));
      session(a, s -> s.getJsonObject("privateMode").getBoolean("on"));
      session(b, s -> s.getJsonObject("privateMode").getBoolean("on"));
      assertEquals("ack", push(a, 1, Changes.put(Changes.note("hid", 0, 0, "HIDDEN-ON-A"))).getString("t"));
      assertEquals("ack", push(b, 2, Changes.put(Changes.note("hidb", 0, 0, "HIDDEN-ON-B"))).getString("t"));
      a.expect(m -> "session.private".equals(m.getString("t")) && m.getInteger("hidden") == 2);
      ask(b, "ping", new JsonObject());
      assertFalse(String.join("\n", b.received()).contains("HIDDEN-ON-A"), "[L5] nothing of Ana's note on node B");
      assertFalse(String.join("\n", a.received()).contains("HIDDEN-ON-B"), "[L5] nothing of Bo's note on node A");
      ok(f, "session.private", new JsonObject().put("on", false));
      b.expect(m -> m.encode().contains("HIDDEN-ON-A"));
      a.expect(m -> m.encode().contains("HIDDEN-ON-B"));
    }
  }
}
