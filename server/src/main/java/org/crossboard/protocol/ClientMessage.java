package org.crossboard.protocol;

import io.vertx.core.json.JsonArray;

/** The core client messages, decoded and shape-checked by {@link ClientFrames}; features bring their own. */
public sealed interface ClientMessage {

  /** The request id to echo, or null. */
  String id();

  /**
   * First frame of a connection. Who the person is comes from the token, never from the frame.
   *
   * @param protocol the client's protocol version, as a whole number of any size
   */
  record Hello(String id, double protocol, String board, String clientId, String token, Long lastSeq)
      implements ClientMessage {}

  /** A batch of changes; content is validated later against the board state. */
  record Push(String id, long clientSeq, JsonArray changes) implements ClientMessage {}

  /** Ask for the ops {@code from < seq <= to}. */
  record Fetch(String id, long from, long to) implements ClientMessage {}
}
