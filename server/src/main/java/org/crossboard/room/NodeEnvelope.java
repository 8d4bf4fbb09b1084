package org.crossboard.room;

import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;

/**
 * The one place where a message between nodes gets this node's id and where a node recognises its
 * own echo (SPEC.md M5): {@code {"node":…,"at":…,"kind":…,"body":{…}}}, with {@code node} always
 * first so an echo is dropped by comparing a prefix, without parsing it; {@code at} (epoch ms) lets
 * the receiver measure the pub/sub lag.
 */
public final class NodeEnvelope {
  /** A message from another node, sent at {@code sentAt} (epoch ms by the sender's clock). */
  public record Message(String node, long sentAt, String kind, JsonObject body) {}

  private final String nodeId;
  private final String ownPrefix;

  public NodeEnvelope(String nodeId) {
    this.nodeId = nodeId;
    this.ownPrefix = "{\"node\":" + Json.encode(nodeId) + ",";
  }

  /** The wire form of a message of this node. */
  public String wrap(String kind, JsonObject body) {
    return ownPrefix + "\"at\":" + System.currentTimeMillis() + ",\"kind\":" + Json.encode(kind)
        + ",\"body\":" + body.encode() + "}";
  }

  /** Whether {@code text} is this node's own message coming back. */
  public boolean isOwn(String text) {
    return text.startsWith(ownPrefix);
  }

  /**
   * Another node's message, or null when {@code text} is this node's own echo or not an envelope
   * (a message of some other program on the channel is ignored, never trusted).
   */
  public Message open(String text) {
    if (isOwn(text)) {
      return null;
    }
    try {
      JsonObject json = new JsonObject(text);
      if (json.getValue("node") instanceof String node && json.getValue("kind") instanceof String kind
          && json.getValue("body") instanceof JsonObject body && !node.equals(nodeId)) {
        return new Message(node, json.getValue("at") instanceof Number at ? at.longValue() : 0, kind, body);
      }
    } catch (RuntimeException e) {
      // not JSON: not ours to read
    }
    return null;
  }
}
