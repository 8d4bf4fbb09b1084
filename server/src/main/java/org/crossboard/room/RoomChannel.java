package org.crossboard.room;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.function.Consumer;
import org.crossboard.pubsub.PubSub;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A room's pub/sub channel to the same board's rooms on other nodes ({@code crossboard:board:{id}}):
 * messages go out wrapped in the {@link NodeEnvelope} and come in with this node's own echoes
 * already dropped. On a single node it does nothing at all: nobody else would listen.
 */
final class RoomChannel {
  private static final Logger LOG = LoggerFactory.getLogger(RoomChannel.class);
  private final String channel;
  private final PubSub pubsub;
  private final NodeEnvelope envelope;
  private final RoomMetrics metrics;
  private final boolean clustered;
  private PubSub.Subscription subscription;
  private boolean closed;

  RoomChannel(String boardId, PubSub pubsub, NodeEnvelope envelope, RoomMetrics metrics, boolean clustered) {
    this.channel = PubSub.CHANNEL_PREFIX + "board:" + boardId;
    this.pubsub = pubsub;
    this.envelope = envelope;
    this.metrics = metrics;
    this.clustered = clustered;
  }

  boolean clustered() {
    return clustered;
  }

  /**
   * Subscribes; {@code onMessage} gets other nodes' messages. Completes once listening (at once on a
   * single node; a Redis that is down is subscribed on reconnect, so this never fails).
   */
  Future<Void> open(Consumer<NodeEnvelope.Message> onMessage) {
    if (!clustered) {
      return Future.succeededFuture();
    }
    return pubsub.subscribe(channel, text -> receive(text, onMessage)).map(s -> {
      if (closed) {
        s.unsubscribe();
      } else {
        subscription = s;
      }
      return (Void) null;
    }).otherwiseEmpty();
  }

  private void receive(String text, Consumer<NodeEnvelope.Message> onMessage) {
    if (closed) {
      return;
    }
    NodeEnvelope.Message message = envelope.open(text);
    if (message == null) {
      if (envelope.isOwn(text)) {
        metrics.ownEcho();
      }
      return;
    }
    metrics.remote(message.kind());
    if (message.sentAt() > 0) {
      metrics.pubSubLag(System.currentTimeMillis() - message.sentAt());
    }
    onMessage.accept(message);
  }

  /** Sends to the other nodes; best effort (they recover from losses through the op log). */
  void publish(String kind, JsonObject body) {
    if (!clustered || closed) {
      return;
    }
    pubsub.publish(channel, envelope.wrap(kind, body))
        .onFailure(e -> LOG.debug("publish on {} failed: {}", channel, e.getMessage()));
  }

  void close() {
    closed = true;
    if (subscription != null) {
      subscription.unsubscribe();
    }
  }
}
