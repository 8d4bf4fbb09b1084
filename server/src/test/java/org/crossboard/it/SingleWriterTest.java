package org.crossboard.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.crossboard.testing.EditingCrowd;
import org.crossboard.testing.EmbeddedRedis;
import org.crossboard.testing.Rest;
import org.crossboard.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * One writer per board across nodes (SPEC.md M6–M9): two nodes in one JVM over a real Redis and
 * one MongoDB-compatible server, people editing through both, and the sequencing node taken away
 * in every way it can go — stopped, its lease lost mid-write, Redis gone for 10 s.
 */
class SingleWriterTest {
  static final int LEASE_TTL_MS = 1_500;
  MongoServer mongo;
  EmbeddedRedis redis;
  TestServer nodeA;
  TestServer nodeB;

  @BeforeEach
  void start() throws Exception {
    mongo = new MongoServer(new MemoryBackend());
    mongo.bind("127.0.0.1", 0);
    redis = EmbeddedRedis.start();
    nodeA = node("writer-a");
    nodeB = node("writer-b");
  }

  TestServer node(String id) throws Exception {
    return TestServer.start(Files.createTempDirectory(id), Map.of(
        "MONGO_URL", "mongodb://127.0.0.1:" + mongo.getLocalAddress().getPort() + "/?serverSelectionTimeoutMS=1000",
        "REDIS_URL", redis.url(), "NODE_ID", id, "LEASE_TTL_MS", Integer.toString(LEASE_TTL_MS),
        "ROOM_IDLE_CLOSE_MS", "5000", "JWT_SECRET", "single-writer test secret shared by both nodes"));
  }

  @AfterEach
  void stop() {
    nodeA.stop();
    nodeB.stop();
    redis.close();
    mongo.shutdownNow();
  }

  static long written(TestServer node) {
    return new JsonObject(Rest.call("GET", node.baseUrl() + "/api/metrics", null).body()).getLong("opsWritten");
  }

  @Test
  @DisplayName("[M6][M8][O3] the sequencing node stops mid-edit: the lease moves to the other node at once, 0 acknowledged pushes lost")
  void failoverOnStop() {
    String board = Rest.createBoard(nodeA.baseUrl(), "failover");
    try (EditingCrowd crowd = new EditingCrowd(nodeA.baseUrl(), board, List.of(nodeA.port(), nodeB.port()), 4, "failover")) {
      long a0 = written(nodeA);
      long b0 = written(nodeB);
      crowd.edit(3_000, 100);
      long byA = written(nodeA) - a0;
      long byB = written(nodeB) - b0;
      assertTrue(byA == 0 || byB == 0, "one sequencer: A wrote " + byA + ", B wrote " + byB);
      TestServer sequencer = byA > 0 ? nodeA : nodeB;
      TestServer other = sequencer == nodeA ? nodeB : nodeA;
      long otherBefore = written(other);
      long stopped = System.currentTimeMillis();
      sequencer.stop();
      crowd.edit(3_000, 100);
      assertTrue(written(other) > otherBefore, "the other node sequences the board now");
      sequencer.restart();
      crowd.edit(2_000, 100);
      crowd.settleAndCheck(other.baseUrl(), board);
      System.out.println("failover on stop: " + crowd.pushes() + " pushes, 0 lost, other node took over within "
          + (System.currentTimeMillis() - stopped) + " ms of the stop (including 3 s of editing)");
    }
  }

  @Test
  @DisplayName("[M8] the lease is taken away from the sequencing node again and again while it writes: no push lost, all converge")
  void leaseLostMidWrite() throws Exception {
    String board = Rest.createBoard(nodeA.baseUrl(), "lease lost");
    Vertx vertx = Vertx.vertx();
    try (EditingCrowd crowd = new EditingCrowd(nodeA.baseUrl(), board, List.of(nodeA.port(), nodeB.port()), 4, "stolen")) {
      RedisAPI api = RedisAPI.api(Redis.createClient(vertx, redis.url()));
      crowd.edit(2_000, 50);
      for (int i = 0; i < 4; i++) {
        // as if the holder had been silent past its lease: the other node may take it while the
        // holder still believes it sequences (until its next renewal fails), so both write a moment
        api.del(List.of("crossboard:lease:board:" + board)).await(5, TimeUnit.SECONDS);
        crowd.edit(1_500, 50);
      }
      crowd.edit(2_000, 50);
      crowd.settleAndCheck(nodeB.baseUrl(), board);
      System.out.println("lease lost mid-write: " + crowd.pushes() + " pushes, 0 lost");
    } finally {
      vertx.close();
    }
  }

  @Test
  @DisplayName("[M4][M9] Redis gone for 10 s while both nodes' people edit: no split brain (the op log's index decides), all converge")
  void redisOutage() {
    org.junit.jupiter.api.Assumptions.assumeTrue(redis.controllable(), "an external Redis is not restarted by tests");
    String board = Rest.createBoard(nodeA.baseUrl(), "redis outage");
    try (EditingCrowd crowd = new EditingCrowd(nodeA.baseUrl(), board, List.of(nodeA.port(), nodeB.port()), 4, "outage")) {
      crowd.edit(2_000, 100);
      redis.pause();
      crowd.edit(10_000, 100);
      redis.resume();
      crowd.edit(3_000, 100);
      JsonObject export = crowd.settleAndCheck(nodeA.baseUrl(), board);
      assertEquals(export.getLong("seq"), Rest.export(nodeB.baseUrl(), board).getLong("seq"));
      System.out.println("redis outage: " + crowd.pushes() + " pushes, 0 lost, one history");
    }
  }
}
