package org.crossboard.protocol;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Every message a client may send, decoded and shape-checked by {@link ClientMessageDecoder}. */
public sealed interface ClientMessage {

  /** The request id to echo, or null. */
  String id();

  /** First frame of a connection. Who the person is comes from the token, never from the frame. */
  record Hello(String id, int protocol, String board, String clientId, String token, Long lastSeq)
      implements ClientMessage {}

  /** A batch of changes; content is validated later against the board state. */
  record Push(String id, long clientSeq, JsonArray changes) implements ClientMessage {}

  /** Ask for the ops {@code from < seq <= to}. */
  record Fetch(String id, long from, long to) implements ClientMessage {}

  /** Where a person points and what they look at; {@code fields} are validated presence fields. */
  record Presence(String id, JsonObject fields) implements ClientMessage {}

  /** Liveness probe. */
  record Ping(String id) implements ClientMessage {}
}
