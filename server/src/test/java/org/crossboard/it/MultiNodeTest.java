package org.crossboard.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.crossboard.testing.Changes;
import org.crossboard.testing.EmbeddedRedis;
import org.crossboard.testing.FuzzPeer;
import org.crossboard.testing.Rest;
import org.crossboard.testing.TestAccess;
import org.crossboard.testing.TestServer;
import org.crossboard.testing.WsTestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Two server nodes in one JVM (own ports, own Vert.x) sharing one real Redis and one
 * MongoDB-compatible server, as behind a load balancer that does not keep a board on one node.
 */
class MultiNodeTest {
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
        "REDIS_URL", redis.url(), "NODE_ID", id, "PRESENCE_TIMEOUT_MS", "3000",
        "JWT_SECRET", "multi-node test secret shared by both nodes"));
  }

  @AfterAll
  static void stop() {
    nodeA.stop();
    nodeB.stop();
    redis.close();
    mongo.shutdownNow();
  }

  static JsonObject presenceIn(JsonObject m, String clientId) {
    if (!"batch".equals(m.getString("t")) && !"welcome".equals(m.getString("t"))) {
      return null;
    }
    for (Object o : m.getJsonArray("presence", new JsonArray())) {
      if (clientId.equals(((JsonObject) o).getString("clientId"))) {
        return (JsonObject) o;
      }
    }
    return null;
  }

  static void fuzzRound(Random rnd, List<FuzzPeer> peers, int pushes) {
    for (int i = 0; i < pushes; i++) {
      peers.get(rnd.nextInt(peers.size())).push(FuzzPeer.randomPush(rnd));
    }
    long last = ConvergenceFuzzTest.finalSeq(peers);
    peers.forEach(p -> p.drain(last));
  }

  @Test
  @DisplayName("[M1][M6] clients on two nodes editing one board concurrently: exactly one node writes, all end identical to the op log")
  void twoNodesConverge() {
    for (long seed = 1; seed <= 5; seed++) {
      Random rnd = new Random(seed);
      String board = Rest.createBoard(nodeA.baseUrl(), "multi " + seed);
      long writtenByA = nodeA.metric("opsWritten");
      long writtenByB = nodeB.metric("opsWritten");
      List<FuzzPeer> peers = new ArrayList<>();
      peers.add(new FuzzPeer(nodeA.port(), board, "a1-client-" + seed));
      peers.add(new FuzzPeer(nodeA.port(), board, "a2-client-" + seed));
      peers.add(new FuzzPeer(nodeB.port(), board, "b1-client-" + seed));
      peers.add(new FuzzPeer(nodeB.port(), board, "b2-client-" + seed));
      peers.get(0).push(Changes.put(FuzzPeer.frame()));
      for (int i = 0; i < 6; i++) {
        peers.get(2).push(Changes.put(Changes.note("n" + i, i, i, "note " + i)));
      }
      fuzzRound(rnd, peers, 120);
      long seq = Rest.export(nodeB.baseUrl(), board).getLong("seq");
      ConvergenceFuzzTest.assertConverged(nodeB.baseUrl(), board, peers);
      long byA = nodeA.metric("opsWritten") - writtenByA;
      long byB = nodeB.metric("opsWritten") - writtenByB;
      assertEquals(seq, byA + byB, "every op written once");
      assertTrue(byA == 0 || byB == 0, "one node sequenced the board: A wrote " + byA + ", B wrote " + byB);
    }
  }

  @Test
  @DisplayName("[S3][M1] presence crosses nodes; a silent client disappears on both nodes within the timeout")
  void presenceAcrossNodes() {
    String board = Rest.createBoard(nodeA.baseUrl(), "multi presence");
    try (WsTestClient onA = WsTestClient.join(nodeA.port(), board, "presence-on-a", null);
         WsTestClient onB = WsTestClient.join(nodeB.port(), board, "presence-on-b", null);
         WsTestClient silent = WsTestClient.join(nodeB.port(), board, "silent-on-b", null)) {
      onA.send(new JsonObject().put("t", "presence").put("cursor", new JsonObject().put("x", 7).put("y", 8)));
      JsonObject seen = presenceIn(onB.expect(m -> presenceIn(m, "presence-on-a") != null
          && presenceIn(m, "presence-on-a").getValue("cursor") != null), "presence-on-a");
      assertEquals(7, seen.getJsonObject("cursor").getInteger("x"));
      onA.expect(m -> presenceIn(m, "silent-on-b") != null);

      long start = System.currentTimeMillis();
      keepTalking(List.of(onA, onB), m -> m.getJsonArray("left", new JsonArray()).contains("silent-on-b"), 2);
      assertTrue(System.currentTimeMillis() - start < 3_000 + 2_000, "gone within the timeout plus a heartbeat");
    }
  }

  @Test
  @DisplayName("[A5] a member removed on node A is cut off on node B within 1 s; a demoted one becomes read-only")
  void revocationAcrossNodes() {
    String board = Rest.createBoard(nodeA.baseUrl(), "revocation");
    TestAccess.Owner owner = TestAccess.ownerOf(board);
    TestAccess.Account member = TestAccess.signUp(nodeA.baseUrl(), "Soon removed");
    TestAccess.Account demoted = TestAccess.signUp(nodeA.baseUrl(), "Soon a viewer");
    for (TestAccess.Account person : List.of(member, demoted)) {
      String code = TestAccess.invite(nodeA.baseUrl(), owner.token(), owner.workspace(), null, "editor", 1);
      assertEquals(200, Rest.as(person.token()).send("POST", nodeA.baseUrl() + "/api/invites/accept",
          new JsonObject().put("code", code).encode()).statusCode());
    }
    try (WsTestClient removed = WsTestClient.join(nodeB.port(), board, "removed-on-b", null, member.token());
         WsTestClient viewer = WsTestClient.join(nodeB.port(), board, "demoted-on-b", null, demoted.token())) {
      long start = System.nanoTime();
      assertEquals(204, Rest.as(owner.token()).send("DELETE", nodeA.baseUrl() + "/api/workspaces/"
          + owner.workspace() + "/members/" + member.userId(), null).statusCode());
      JsonObject error = removed.expect(m -> "error".equals(m.getString("t")));
      assertEquals("ERR_ACCESS_REVOKED", error.getString("code"));
      assertEquals(4013, removed.awaitClose());
      long cutOffMs = (System.nanoTime() - start) / 1_000_000;
      System.out.println("revocation across nodes: cut off after " + cutOffMs + " ms");
      assertTrue(cutOffMs < 1_000, "cut off within 1 s, took " + cutOffMs + " ms");

      assertEquals(200, Rest.as(owner.token()).send("PUT", nodeA.baseUrl() + "/api/workspaces/"
          + owner.workspace() + "/members/" + demoted.userId(), new JsonObject().put("role", "viewer").encode())
          .statusCode());
      assertEquals("viewer", viewer.expect(m -> "role".equals(m.getString("t"))).getString("role"));
      viewer.send(Changes.push("after", 1, Changes.put(Changes.note("n1", 1, 1, "too late"))));
      assertEquals("ERR_FORBIDDEN", viewer.reply("after").getString("code"));
      assertTrue(!viewer.isClosed(), "a demoted member stays connected, read-only");
    }
  }

  @Test
  @DisplayName("[P9] deleting a board through node A closes its connections on both nodes with 4005")
  void deleteClosesOnBothNodes() {
    String board = Rest.createBoard(nodeA.baseUrl(), "soon deleted");
    try (WsTestClient onA = WsTestClient.join(nodeA.port(), board, "deleted-on-a", null);
         WsTestClient onB = WsTestClient.join(nodeB.port(), board, "deleted-on-b", null)) {
      assertEquals(204, Rest.asOwnerOf(board, "DELETE", nodeA.baseUrl() + "/api/boards/" + board, null).statusCode());
      assertEquals(4005, onA.awaitClose());
      assertEquals(4005, onB.awaitClose());
    }
  }

  @Test
  @DisplayName("[B4][M1] a rename made on node A reaches node B's clients once; the board list and audit record it once")
  void renameOnce() {
    String board = Rest.createBoard(nodeA.baseUrl(), "old title");
    TestAccess.Owner owner = TestAccess.ownerOf(board);
    try (WsTestClient onA = WsTestClient.join(nodeA.port(), board, "renamer-on-a", null);
         WsTestClient onB = WsTestClient.join(nodeB.port(), board, "watcher-on-b", null)) {
      onA.send(Changes.push("rename", 1, Changes.patch("board", new JsonObject().put("title", "new title"))));
      assertEquals("ack", onA.reply("rename").getString("t"));
      onB.expect(m -> "batch".equals(m.getString("t")) && m.encode().contains("new title"));
      waitFor(() -> "new title".equals(new JsonObject(Rest.as(owner.token()).send("GET",
          nodeB.baseUrl() + "/api/boards/" + board, null).body()).getString("title")));
      waitFor(() -> auditActions(owner).contains("board.renamed"));
      sleep(500); // a second rename by the other node (or a catch-up) would have landed by now
      assertEquals(1, auditActions(owner).stream().filter("board.renamed"::equals).count());
      long titleOps = 0;
      for (JsonObject m = onB.poll(200); m != null; m = onB.poll(200)) {
        titleOps += "batch".equals(m.getString("t")) && m.encode().contains("new title") ? 1 : 0;
      }
      assertEquals(0, titleOps, "node B's client saw the rename exactly once");
    }
  }

  @Test
  @DisplayName("[M5] a node drops its own messages of every kind: no self-inflicted catch-ups, only the other's ops applied")
  void ownMessagesIgnored() {
    String board = Rest.createBoard(nodeA.baseUrl(), "own echoes");
    try (WsTestClient writer = WsTestClient.join(nodeA.port(), board, "writer-on-a", null);
         WsTestClient watcher = WsTestClient.join(nodeB.port(), board, "watcher-on-b", null)) {
      writer.send(Changes.push("p0", 1, Changes.put(Changes.note("n0", 0, 0, "first"))));
      writer.reply("p0"); // node A holds the board's lease now (it caught up from the op log on taking it)
      watcher.expect(m -> m.encode().contains("\"seq\":1"));
      long catchUpsBefore = nodeA.metric("catchUps");
      long opsAppliedByA = remoteOps(nodeA);
      long opsAppliedByB = remoteOps(nodeB);
      long echoesBefore = nodeA.metric("ownEchoesDropped");
      for (int i = 1; i <= 30; i++) {
        writer.send(Changes.push("p" + i, i + 1, Changes.put(Changes.note("n" + i, i, i, "note " + i))));
        writer.send(new JsonObject().put("t", "presence").put("cursor", new JsonObject().put("x", i).put("y", i)));
      }
      writer.reply("p30");
      watcher.expect(m -> m.encode().contains("\"seq\":31"));
      waitFor(() -> nodeA.metric("ownEchoesDropped") - echoesBefore >= 2 && remoteOps(nodeB) > opsAppliedByB);
      assertEquals(catchUpsBefore, nodeA.metric("catchUps"), "node A never catches up on its own ops");
      assertEquals(opsAppliedByA, remoteOps(nodeA), "node A never applies its own ops");
    }
  }

  /** Messages of kind {@code ops} a node received from other nodes and handled. */
  static long remoteOps(TestServer node) {
    return node.metrics().getJsonObject("remoteMessages").getLong("ops", 0L);
  }

  static List<String> auditActions(TestAccess.Owner owner) {
    JsonObject log = new JsonObject(Rest.as(owner.token()).send("GET",
        nodeA.baseUrl() + "/api/workspaces/" + owner.workspace() + "/audit", null).body());
    List<String> actions = new ArrayList<>();
    log.getJsonArray("entries").forEach(e -> actions.add(((JsonObject) e).getString("action")));
    return actions;
  }

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Sends heartbeats from {@code talkers} until each has seen a batch matching {@code p}. */
  static void keepTalking(List<WsTestClient> talkers, java.util.function.Predicate<JsonObject> p, int expected) {
    boolean[] seen = new boolean[talkers.size()];
    long deadline = System.currentTimeMillis() + 15_000;
    long lastBeat = 0;
    while (System.currentTimeMillis() < deadline) {
      if (System.currentTimeMillis() - lastBeat > 500) {
        talkers.forEach(t -> t.send(new JsonObject().put("t", "presence").put("status", "active")));
        lastBeat = System.currentTimeMillis();
      }
      int count = 0;
      for (int i = 0; i < talkers.size(); i++) {
        JsonObject m = talkers.get(i).poll(10);
        if (m != null && "batch".equals(m.getString("t")) && p.test(m)) {
          seen[i] = true;
        }
        count += seen[i] ? 1 : 0;
      }
      if (count == expected) {
        return;
      }
    }
    throw new AssertionError("not seen by every talker in time");
  }

  @Test
  @DisplayName("[M3][M4] Redis stopped and restarted mid-edit: nothing is lost, everyone converges, presence recovers")
  void redisOutage() {
    org.junit.jupiter.api.Assumptions.assumeTrue(redis.controllable(), "external Redis is not restarted by tests");
    Random rnd = new Random(42);
    String board = Rest.createBoard(nodeA.baseUrl(), "outage");
    List<FuzzPeer> peers = new ArrayList<>();
    peers.add(new FuzzPeer(nodeA.port(), board, "outage-a1"));
    peers.add(new FuzzPeer(nodeB.port(), board, "outage-b1"));
    peers.get(0).push(Changes.put(FuzzPeer.frame()));
    for (int i = 0; i < 6; i++) {
      peers.get(1).push(Changes.put(Changes.note("n" + i, i, i, "note " + i)));
    }
    fuzzRound(rnd, peers, 40);

    redis.pause();
    waitFor(() -> "degraded".equals(health(nodeA)) && "degraded".equals(health(nodeB)));
    fuzzRound(rnd, peers, 40); // ops still reach the other node: through the op log
    redis.resume();
    waitFor(() -> "ok".equals(health(nodeA)) && "ok".equals(health(nodeB)));
    fuzzRound(rnd, peers, 40);

    peers.get(0).socket.send(new JsonObject().put("t", "presence").put("cursor", new JsonObject().put("x", 1).put("y", 2)));
    peers.get(1).socket.expect(m -> presenceIn(m, "outage-a1") != null);
    ConvergenceFuzzTest.assertConverged(nodeA.baseUrl(), board, peers);
  }

  static String health(TestServer node) {
    return new JsonObject(Rest.call("GET", node.baseUrl() + "/api/health", null).body()).getString("status");
  }

  static void waitFor(java.util.function.BooleanSupplier condition) {
    long deadline = System.currentTimeMillis() + 20_000;
    while (!condition.getAsBoolean()) {
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("condition not reached in time");
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
