package org.crossboard.replication;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.function.Consumer;
import org.crossboard.pubsub.PubSub;
import org.crossboard.room.NodeEnvelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Messages addressed to one node ({@code crossboard:node:{id}}), in the same envelope as everything
 * between nodes: pushes forwarded to the node that sequences a board, and its answers. Redis
 * pub/sub, like the board channels, so nodes need no addresses of each other, no extra port and no
 * second transport to secure; a lost message is re-sent (forwarded pushes are idempotent).
 */
final class NodeMailbox {
  private static final Logger LOG = LoggerFactory.getLogger(NodeMailbox.class);
  private final PubSub pubsub;
  private final NodeEnvelope envelope;
  private final String me;

  NodeMailbox(PubSub pubsub, String nodeId) {
    this.pubsub = pubsub;
    this.envelope = new NodeEnvelope(nodeId);
    this.me = nodeId;
  }

  private static String channel(String node) {
    return PubSub.CHANNEL_PREFIX + "node:" + node;
  }

  /** Starts receiving this node's messages. */
  Future<Void> open(Consumer<NodeEnvelope.Message> onMessage) {
    return pubsub.subscribe(channel(me), text -> {
      NodeEnvelope.Message message = envelope.open(text);
      if (message != null) {
        onMessage.accept(message);
      }
    }).mapEmpty();
  }

  void send(String toNode, String kind, JsonObject body) {
    pubsub.publish(channel(toNode), envelope.wrap(kind, body))
        .onFailure(e -> LOG.debug("message to {} lost: {}", toNode, e.getMessage()));
  }
}
