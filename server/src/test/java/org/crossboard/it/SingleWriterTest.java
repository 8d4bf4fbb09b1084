package org.crossboard.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.crossboard.testing.ReachableMongo;
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
  ReachableMongo mongo;
  EmbeddedRedis redis;
  TestServer nodeA;
  TestServer nodeB;

  @BeforeEach
  void start() throws Exception {
    mongo = ReachableMongo.start();
    redis = EmbeddedRedis.start();
    nodeA = node("writer-a");
    nodeB = node("writer-b");
  }

  TestServer node(String id) throws Exception {
    return TestServer.start(Files.createTempDirectory(id), Map.of(
        "MONGO_URL", mongo.url() + "/?serverSelectionTimeoutMS=1000",
        "REDIS_URL", redis.url(), "NODE_ID", id, "LEASE_TTL_MS", Integer.toString(LEASE_TTL_MS),
        "ROOM_IDLE_CLOSE_MS", "5000", "JWT_SECRET", "single-writer test secret shared by both nodes"));
  }

  @AfterEach
  void stop() {
    nodeA.stop();
    nodeB.stop();
    redis.close();
    mongo.close();
  }

  /** People editing through both nodes: half of them connected to each. */
  EditingCrowd crowdOnBothNodes(String board, String prefix) {
    EditingCrowd crowd = new EditingCrowd(nodeA.baseUrl(), board, List.of(nodeA.port(), nodeB.port()), 4, prefix);
    crowd.edit(300, 100); // everyone welcomed
    assertEquals(2, nodeA.metric("connections"), "two people on node A");
    assertEquals(2, nodeB.metric("connections"), "two people on node B");
    return crowd;
  }

  @Test
  @DisplayName("[M6][M8][O3] the sequencing node stops mid-edit: the lease moves to the other node at once, 0 acknowledged pushes lost")
  void failoverOnStop() {
    String board = Rest.createBoard(nodeA.baseUrl(), "failover");
    try (EditingCrowd crowd = crowdOnBothNodes(board, "failover")) {
      long a0 = nodeA.metric("opsWritten");
      long b0 = nodeB.metric("opsWritten");
      crowd.edit(3_000, 100);
      long byA = nodeA.metric("opsWritten") - a0;
      long byB = nodeB.metric("opsWritten") - b0;
      assertTrue(byA + byB > 0 && (byA == 0 || byB == 0), "one sequencer: A wrote " + byA + ", B wrote " + byB);
      TestServer sequencer = byA > 0 ? nodeA : nodeB;
      TestServer other = sequencer == nodeA ? nodeB : nodeA;
      long otherBefore = other.metric("opsWritten");
      long stopped = System.currentTimeMillis();
      sequencer.stop(); // graceful: the lease is released and announced
      long tookOver = -1;
      while (tookOver < 0 && System.currentTimeMillis() - stopped < 10_000) {
        crowd.edit(50, 50);
        if (other.metric("opsWritten") > otherBefore) {
          tookOver = System.currentTimeMillis() - stopped;
        }
      }
      assertTrue(tookOver >= 0 && tookOver < LEASE_TTL_MS,
          "the other node writes before the lease could have expired: after " + tookOver + " ms");
      crowd.edit(2_000, 100);
      sequencer.restart();
      crowd.edit(2_000, 100);
      crowd.settleAndCheck(other.baseUrl(), board);
      System.out.println("failover on stop: " + crowd.pushes() + " pushes, 0 lost, the other node wrote "
          + tookOver + " ms after the stop (lease TTL " + LEASE_TTL_MS + " ms)");
    }
  }

  @Test
  @DisplayName("[M8] the lease is taken away from the sequencing node again and again while it writes: no push lost, all converge")
  void leaseLostMidWrite() throws Exception {
    String board = Rest.createBoard(nodeA.baseUrl(), "lease lost");
    Vertx vertx = Vertx.vertx();
    try (EditingCrowd crowd = crowdOnBothNodes(board, "stolen")) {
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
    try (EditingCrowd crowd = crowdOnBothNodes(board, "outage")) {
      crowd.edit(2_000, 100);
      redis.pause();
      long a0 = nodeA.metric("opsWritten");
      long b0 = nodeB.metric("opsWritten");
      crowd.edit(10_000, 100);
      assertTrue(nodeA.metric("opsWritten") > a0 && nodeB.metric("opsWritten") > b0,
          "without a lease both nodes sequence their own people's pushes (the op log's index arbitrates)");
      redis.resume();
      crowd.edit(3_000, 100);
      JsonObject export = crowd.settleAndCheck(nodeA.baseUrl(), board);
      assertEquals(export.getLong("seq"), Rest.export(nodeB.baseUrl(), board).getLong("seq"));
      System.out.println("redis outage: " + crowd.pushes() + " pushes, 0 lost, one history");
    }
  }
}
