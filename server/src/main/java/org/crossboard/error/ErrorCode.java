package org.crossboard.error;

import org.crossboard.protocol.CloseCode;

/**
 * Every error a client can be told about, over the socket ({@code {"t":"error","code":…}}) or REST
 * ({@code {"code":…,"message":…}} with the HTTP status here). One vocabulary for both, so a code
 * means the same thing wherever it appears (docs/PROTOCOL.md "Errors", docs/API.md).
 *
 * <p>{@link #closeCode()} is the close code that follows when the error ends a connection: at the
 * handshake every error does; on an open connection only those whose doc says so (access revoked,
 * signed out). Only {@link #ERR_UNAVAILABLE} is retryable, and on a socket it always comes with
 * the connection closing, so no later push of that client can land before the re-sent one.
 */
public enum ErrorCode {
  /** Not JSON, not an object, or a field of the wrong type. */
  ERR_MALFORMED(400, CloseCode.PROTOCOL_VIOLATION),
  /** {@code t} missing or not a client message type. */
  ERR_UNKNOWN_TYPE(400, CloseCode.PROTOCOL_VIOLATION),
  /** A frame, body or push over its size limit. */
  ERR_TOO_LARGE(413, CloseCode.PROTOCOL_VIOLATION),
  /** A change breaks the schema, a range, a reference or makes a cycle; names the change. */
  ERR_INVALID_CHANGE(422, CloseCode.PROTOCOL_VIOLATION),
  /**
   * A change touches a locked record (other than unlocking it), or a participant's change touches
   * a board or frame a facilitator locked in a session.
   */
  ERR_LOCKED(423, CloseCode.PROTOCOL_VIOLATION),
  /** Private mode is on: a participant may change only their own new (private) records until the reveal. */
  ERR_PRIVATE_MODE(423, CloseCode.PROTOCOL_VIOLATION),
  /** The phase's rules do not allow this now (notes or comments closed to participants). */
  ERR_PHASE_RULES(423, CloseCode.PROTOCOL_VIOLATION),
  /** The board has no current session. */
  ERR_NO_SESSION(404, CloseCode.PROTOCOL_VIOLATION),
  /** Not in the session's present state (start an ended session, cast with no vote open, …). */
  ERR_SESSION_STATE(409, CloseCode.PROTOCOL_VIOLATION),
  /** No dots left, or the record's cap reached. */
  ERR_VOTE_LIMIT(409, CloseCode.PROTOCOL_VIOLATION),
  /** A comment mentions more people and groups than allowed (20). */
  ERR_TOO_MANY_MENTIONS(400, CloseCode.PROTOCOL_VIOLATION),
  /** A second {@code hello} on an open connection. */
  ERR_NOT_HELLO(400, CloseCode.PROTOCOL_VIOLATION),
  /** The first frame is not a valid {@code hello}. */
  ERR_BAD_HELLO(400, CloseCode.PROTOCOL_VIOLATION),
  /** The role does not allow this. */
  ERR_FORBIDDEN(403, CloseCode.FORBIDDEN),
  /** No valid token, or its session ended. */
  ERR_UNAUTHORIZED(401, CloseCode.UNAUTHORIZED),
  /** Access to the board was removed while connected. */
  ERR_ACCESS_REVOKED(403, CloseCode.ACCESS_REVOKED),
  /** The person holds too many connections on this node. */
  ERR_TOO_MANY_CONNECTIONS(429, CloseCode.TOO_MANY_CONNECTIONS),
  /** A {@code fetch} range that is not available. */
  ERR_RANGE_UNAVAILABLE(416, CloseCode.PROTOCOL_VIOLATION),
  /** Storage failed; retryable. */
  ERR_UNAVAILABLE(503, CloseCode.GOING_AWAY),
  /** No such board (or none the caller may know of). */
  ERR_BOARD_NOT_FOUND(404, CloseCode.BOARD_NOT_FOUND),
  /** The client speaks a protocol version below the server's range. */
  ERR_CLIENT_TOO_OLD(400, CloseCode.CLIENT_TOO_OLD),
  /** The client speaks a protocol version above the server's range. */
  ERR_SERVER_TOO_OLD(400, CloseCode.SERVER_TOO_OLD),
  /** A request field is missing or out of range; names the field, never echoes its value. */
  ERR_INVALID(400, CloseCode.PROTOCOL_VIOLATION),
  /** No such thing (or none the caller may know of). */
  ERR_NOT_FOUND(404, CloseCode.PROTOCOL_VIOLATION),
  /** The HTTP method is not served on this path. */
  ERR_METHOD_NOT_ALLOWED(405, CloseCode.PROTOCOL_VIOLATION),
  /** Unknown email or wrong password at sign-in (the same answer for both). */
  ERR_BAD_CREDENTIALS(401, CloseCode.UNAUTHORIZED),
  /** The current password given to change it is wrong (the session itself is fine). */
  ERR_WRONG_PASSWORD(403, CloseCode.FORBIDDEN),
  /** An account with this email exists. */
  ERR_EMAIL_TAKEN(409, CloseCode.PROTOCOL_VIOLATION),
  /** The change would leave a workspace without an owner. */
  ERR_LAST_OWNER(409, CloseCode.PROTOCOL_VIOLATION),
  /** The invitation code is unknown, revoked, expired or used up (one answer for all). */
  ERR_INVITE_INVALID(410, CloseCode.FORBIDDEN),
  /** Too many attempts; {@code Retry-After} says when to try again. */
  ERR_THROTTLED(429, CloseCode.PROTOCOL_VIOLATION),
  /** The node is overloaded (password hashing queue full); try again shortly. */
  ERR_BUSY(503, CloseCode.GOING_AWAY),
  /** The node is shutting down (a rolling restart): reconnect at once, another node answers. */
  ERR_SHUTTING_DOWN(503, CloseCode.SERVICE_RESTART),
  /** Something unexpected failed; details are in the server log, never in the answer. */
  ERR_INTERNAL(500, CloseCode.GOING_AWAY);

  private final int httpStatus;
  private final CloseCode closeCode;

  ErrorCode(int httpStatus, CloseCode closeCode) {
    this.httpStatus = httpStatus;
    this.closeCode = closeCode;
  }

  /** The HTTP status a REST answer with this code carries. */
  public int httpStatus() {
    return httpStatus;
  }

  /** The close code that follows when this error ends a connection. */
  public CloseCode closeCode() {
    return closeCode;
  }
}
