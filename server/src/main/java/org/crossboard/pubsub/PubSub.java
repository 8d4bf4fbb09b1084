package org.crossboard.pubsub;

import io.vertx.core.Future;
import io.vertx.core.Handler;

/**
 * Fire-and-forget messages between server nodes, one channel per board (DESIGN §6). Delivery is
 * best effort: messages may be lost (Redis pub/sub drops them when a node is disconnected), so
 * receivers must recover from gaps through the op log.
 */
public interface PubSub {

  /** Prefix of every channel this application uses. */
  String CHANNEL_PREFIX = "crossboard:";

  /** Delivers every message published on {@code channel} (including this node's own) to {@code handler}. */
  Future<Subscription> subscribe(String channel, Handler<String> handler);

  /**
   * Publishes {@code message} on {@code channel}. What one thread publishes on a channel is
   * delivered in the order it was published (a room's ops arrive in seq order unless lost).
   */
  Future<Void> publish(String channel, String message);

  /** False while the transport is disconnected (messages are being lost). */
  boolean connected();

  /** Called each time the transport comes back after a disconnection: receivers should catch up. */
  void reconnectHandler(Handler<Void> handler);

  Future<Void> close();

  /** An active subscription. */
  interface Subscription {
    Future<Void> unsubscribe();
  }
}
