package org.crossboard.protocol;

/** Named WebSocket close codes (docs/PROTOCOL.md "Close codes"). */
public enum CloseCode {
  NORMAL(1000),
  GOING_AWAY(1001),
  /** A binary message: the protocol is text frames only. */
  UNSUPPORTED_DATA(1003),
  /** A text message that is not valid UTF-8. */
  INVALID_PAYLOAD(1007),
  /** A message over the transport's limit (4 MiB). */
  MESSAGE_TOO_BIG(1009),
  /** The node is restarting or shutting down: reconnect at once (to another node, or to this one when back). */
  SERVICE_RESTART(1012),
  PROTOCOL_VIOLATION(4000),
  HANDSHAKE_TIMEOUT(4001),
  IDLE_TIMEOUT(4002),
  SLOW_CONSUMER(4003),
  REPLACED(4004),
  BOARD_DELETED(4005),
  ROOM_RESET(4006),
  UNAUTHORIZED(4010),
  FORBIDDEN(4011),
  BOARD_NOT_FOUND(4012),
  ACCESS_REVOKED(4013),
  TOO_MANY_CONNECTIONS(4014),
  CLIENT_TOO_OLD(4020),
  SERVER_TOO_OLD(4021);

  private final short code;

  CloseCode(int code) {
    this.code = (short) code;
  }

  public short code() {
    return code;
  }
}
