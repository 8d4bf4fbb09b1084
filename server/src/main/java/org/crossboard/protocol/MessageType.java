package org.crossboard.protocol;

/**
 * The core message types on the wire. Features add their own client types (e.g. {@code presence})
 * through the room-feature seam, and their own fields to {@code welcome} and {@code batch}.
 */
public enum MessageType {
  // client → server
  HELLO("hello"),
  PUSH("push"),
  FETCH("fetch"),
  PING("ping"),
  // server → client
  WELCOME("welcome"),
  BATCH("batch"),
  ACK("ack"),
  OPS("ops"),
  PONG("pong"),
  ERROR("error"),
  ROLE("role"),
  CLOSING("closing");

  private final String wire;

  MessageType(String wire) {
    this.wire = wire;
  }

  /** The value of the {@code t} field. */
  public String wire() {
    return wire;
  }
}
