package org.crossboard.protocol;

import java.util.HashMap;
import java.util.Map;

/** The closed set of message types on the wire, client→server and server→client. */
public enum MessageType {
  // client → server
  HELLO("hello", true),
  PUSH("push", true),
  FETCH("fetch", true),
  PING("ping", true),
  PRESENCE("presence", true),
  // server → client
  WELCOME("welcome", false),
  BATCH("batch", false),
  ACK("ack", false),
  OPS("ops", false),
  PONG("pong", false),
  ERROR("error", false),
  ROLE("role", false),
  CLOSING("closing", false);

  private static final Map<String, MessageType> FROM_CLIENT = new HashMap<>();

  static {
    for (MessageType type : values()) {
      if (type.fromClient) {
        FROM_CLIENT.put(type.wire, type);
      }
    }
  }

  private final String wire;
  private final boolean fromClient;

  MessageType(String wire, boolean fromClient) {
    this.wire = wire;
    this.fromClient = fromClient;
  }

  /** The value of the {@code t} field. */
  public String wire() {
    return wire;
  }

  /** The client message type with that wire name, or null. */
  public static MessageType clientType(String wire) {
    return wire == null ? null : FROM_CLIENT.get(wire);
  }
}
