package org.crossboard.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.crossboard.replication.memory.InMemoryLeaseStore;
import org.crossboard.replication.redis.RedisLeaseStore;
import org.crossboard.testing.EmbeddedRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The lease contract (SPEC.md M6), run against the in-memory store and against real Redis. */
class LeaseStoreContractTests {
  static EmbeddedRedis redis;

  @BeforeAll
  static void startRedis() {
    redis = EmbeddedRedis.start();
  }

  @AfterAll
  static void stopRedis() {
    redis.close();
  }

  @Nested
  class InMemory extends Contract {
    @Override
    LeaseStore create(Vertx vertx) {
      return new InMemoryLeaseStore();
    }
  }

  @Nested
  class OnRedis extends Contract {
    @Override
    LeaseStore create(Vertx vertx) {
      return new RedisLeaseStore(Redis.createClient(vertx, redis.url()));
    }
  }

  /** What every {@link LeaseStore} must do. */
  abstract static class Contract {
    static final long TTL_MS = 5_000;
    Vertx vertx;
    LeaseStore leases;
    String board;

    abstract LeaseStore create(Vertx vertx);

    @BeforeEach
    void setUp() {
      vertx = Vertx.vertx();
      leases = create(vertx);
      board = "b" + UUID.randomUUID(); // the Redis server is shared by every test
    }

    @AfterEach
    void tearDown() throws Exception {
      vertx.close().await(5, TimeUnit.SECONDS);
    }

    static <T> T await(Future<T> future) throws Exception {
      return future.await(5, TimeUnit.SECONDS);
    }

    @Test
    @DisplayName("[M6] the first node to ask holds the lease; the next one is told who holds it")
    void oneHolder() throws Exception {
      assertNull(await(leases.current(board)), "nobody holds a new board's lease");
      LeaseStore.Lease a = await(leases.acquire(board, "node-a", TTL_MS));
      assertEquals("node-a", a.node());
      assertEquals(a, await(leases.acquire(board, "node-b", TTL_MS)), "node B learns node A holds it");
      assertEquals(a, await(leases.current(board)));
      assertEquals(a, await(leases.acquire(board, "node-a", TTL_MS)), "asking again changes nothing");
    }

    @Test
    @DisplayName("[M6] only the holder renews; a lease of another epoch or node does not")
    void renew() throws Exception {
      LeaseStore.Lease a = await(leases.acquire(board, "node-a", TTL_MS));
      assertTrue(await(leases.renew(board, a, TTL_MS)));
      assertFalse(await(leases.renew(board, new LeaseStore.Lease("node-b", a.epoch()), TTL_MS)));
      assertFalse(await(leases.renew(board, new LeaseStore.Lease("node-a", a.epoch() + 1), TTL_MS)));
      assertEquals(a, await(leases.current(board)));
    }

    @Test
    @DisplayName("[M6][M8] a lease not renewed lapses; the next holder gets a higher epoch and the old one cannot renew")
    void lapse() throws Exception {
      LeaseStore.Lease a = await(leases.acquire(board, "node-a", 200));
      long deadline = System.currentTimeMillis() + 5_000;
      while (await(leases.current(board)) != null) {
        assertTrue(System.currentTimeMillis() < deadline, "the lease lapsed within its time-to-live");
        Thread.sleep(20);
      }
      LeaseStore.Lease b = await(leases.acquire(board, "node-b", TTL_MS));
      assertEquals("node-b", b.node());
      assertTrue(b.epoch() > a.epoch(), "epochs only grow: " + a.epoch() + " then " + b.epoch());
      assertFalse(await(leases.renew(board, a, TTL_MS)), "the old holder learns it lost the lease");
    }

    @Test
    @DisplayName("[M8] the holder releases at once; a release by anyone else changes nothing")
    void release() throws Exception {
      LeaseStore.Lease a = await(leases.acquire(board, "node-a", TTL_MS));
      await(leases.release(board, new LeaseStore.Lease("node-b", a.epoch())));
      assertEquals(a, await(leases.current(board)));
      await(leases.release(board, a));
      assertNull(await(leases.current(board)));
      LeaseStore.Lease b = await(leases.acquire(board, "node-b", TTL_MS));
      assertTrue(b.epoch() > a.epoch());
      await(leases.release(board, a)); // a stale release after someone else took it
      assertEquals(b, await(leases.current(board)));
    }

    @Test
    @DisplayName("[M6] boards have leases of their own")
    void perBoard() throws Exception {
      String other = board + "-other";
      LeaseStore.Lease a = await(leases.acquire(board, "node-a", TTL_MS));
      LeaseStore.Lease b = await(leases.acquire(other, "node-b", TTL_MS));
      assertEquals("node-a", a.node());
      assertEquals("node-b", b.node());
      await(leases.release(board, a));
      assertEquals(b, await(leases.current(other)));
    }
  }
}
