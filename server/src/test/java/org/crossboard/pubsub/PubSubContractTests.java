package org.crossboard.pubsub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.crossboard.pubsub.local.LocalPubSub;
import org.crossboard.pubsub.redis.RedisPubSub;
import org.crossboard.testing.EmbeddedRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Runs the pub/sub contract against the in-process adapter and against real Redis. */
class PubSubContractTests {
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
  class LocalPubSubTest extends PubSubContract {
    @Override
    PubSub create(Vertx vertx) {
      return new LocalPubSub(vertx);
    }
  }

  @Nested
  class RedisPubSubTest extends PubSubContract {
    @Override
    PubSub create(Vertx vertx) throws Exception {
      return RedisPubSub.start(vertx, redis.url()).await(10, TimeUnit.SECONDS);
    }

    @Test
    @DisplayName("after Redis restarts, the adapter reconnects, re-subscribes and says so")
    void reconnects() throws Exception {
      Assumptions.assumeTrue(redis.controllable(), "external Redis: not restarted by tests");
      BlockingQueue<String> got = new LinkedBlockingQueue<>();
      CountDownLatch reconnected = new CountDownLatch(1);
      pubsub.reconnectHandler(v -> reconnected.countDown());
      pubsub.subscribe("crossboard:test:survive", got::add).await(5, TimeUnit.SECONDS);
      redis.pause();
      long deadline = System.currentTimeMillis() + 5_000;
      while (pubsub.connected() && System.currentTimeMillis() < deadline) {
        Thread.sleep(20);
      }
      assertFalse(pubsub.connected());
      redis.resume();
      assertTrue(reconnected.await(15, TimeUnit.SECONDS));
      assertTrue(pubsub.connected());
      pubsub.publish("crossboard:test:survive", "after").await(5, TimeUnit.SECONDS);
      assertEquals("after", got.poll(5, TimeUnit.SECONDS));
    }
  }
}
