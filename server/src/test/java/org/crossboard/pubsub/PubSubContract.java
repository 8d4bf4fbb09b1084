package org.crossboard.pubsub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What every {@link PubSub} adapter must do; run against each adapter by a subclass. */
abstract class PubSubContract {
  Vertx vertx;
  PubSub pubsub;

  abstract PubSub create(Vertx vertx) throws Exception;

  @BeforeEach
  void setUp() throws Exception {
    vertx = Vertx.vertx();
    pubsub = create(vertx);
  }

  @AfterEach
  void tearDown() throws Exception {
    pubsub.close().await(5, TimeUnit.SECONDS);
    vertx.close().await(5, TimeUnit.SECONDS);
  }

  static String next(BlockingQueue<String> q) throws InterruptedException {
    return q.poll(5, TimeUnit.SECONDS);
  }

  @Test
  @DisplayName("a subscriber receives what is published on its channel, in order")
  void publishSubscribe() throws Exception {
    BlockingQueue<String> got = new LinkedBlockingQueue<>();
    pubsub.subscribe("crossboard:test:a", got::add).await(5, TimeUnit.SECONDS);
    for (int i = 0; i < 50; i++) {
      pubsub.publish("crossboard:test:a", "m" + i).await(5, TimeUnit.SECONDS);
    }
    for (int i = 0; i < 50; i++) {
      assertEquals("m" + i, next(got));
    }
    assertTrue(pubsub.connected());
  }

  @Test
  @DisplayName("[M3] what one event loop publishes without waiting arrives in the order it was published")
  void orderWithoutWaiting() throws Exception {
    BlockingQueue<String> got = new LinkedBlockingQueue<>();
    pubsub.subscribe("crossboard:test:burst", got::add).await(5, TimeUnit.SECONDS);
    int count = 3_000;
    vertx.runOnContext(v -> {
      for (int i = 0; i < count; i++) {
        pubsub.publish("crossboard:test:burst", "m" + i);
      }
    });
    for (int i = 0; i < count; i++) {
      assertEquals("m" + i, next(got), "message " + i);
    }
  }

  @Test
  @DisplayName("channels are separate and an unsubscribed handler hears nothing more")
  void channelsAndUnsubscribe() throws Exception {
    BlockingQueue<String> a = new LinkedBlockingQueue<>();
    BlockingQueue<String> b = new LinkedBlockingQueue<>();
    PubSub.Subscription sa = pubsub.subscribe("crossboard:test:one", a::add).await(5, TimeUnit.SECONDS);
    pubsub.subscribe("crossboard:test:two", b::add).await(5, TimeUnit.SECONDS);
    pubsub.publish("crossboard:test:two", "for b").await(5, TimeUnit.SECONDS);
    assertEquals("for b", next(b));
    sa.unsubscribe().await(5, TimeUnit.SECONDS);
    pubsub.publish("crossboard:test:one", "nobody").await(5, TimeUnit.SECONDS);
    pubsub.publish("crossboard:test:two", "still b").await(5, TimeUnit.SECONDS);
    assertEquals("still b", next(b));
    assertNull(a.poll(200, TimeUnit.MILLISECONDS));
  }

  @Test
  @DisplayName("two subscribers on one channel both receive")
  void fanOut() throws Exception {
    BlockingQueue<String> a = new LinkedBlockingQueue<>();
    BlockingQueue<String> b = new LinkedBlockingQueue<>();
    pubsub.subscribe("crossboard:test:shared", a::add).await(5, TimeUnit.SECONDS);
    pubsub.subscribe("crossboard:test:shared", b::add).await(5, TimeUnit.SECONDS);
    pubsub.publish("crossboard:test:shared", "hello ✓ {\"json\":true}").await(5, TimeUnit.SECONDS);
    assertEquals("hello ✓ {\"json\":true}", next(a));
    assertEquals("hello ✓ {\"json\":true}", next(b));
  }
}
