package org.crossboard.protocol;

/**
 * Request-scoped error codes sent in {@code {"t":"error","code":…}} frames.
 * The connection stays open after any of these unless a {@link CloseCode} follows. Only
 * {@code ERR_UNAVAILABLE} is retryable, and it always comes with the connection closing, so no later
 * push of that client can land before the re-sent one (docs/PROTOCOL.md).
 */
public enum ErrorCode {
  ERR_MALFORMED,
  ERR_UNKNOWN_TYPE,
  ERR_TOO_LARGE,
  ERR_INVALID_CHANGE,
  ERR_LOCKED,
  ERR_NOT_HELLO,
  ERR_BAD_HELLO,
  ERR_FORBIDDEN,
  ERR_UNAUTHORIZED,
  ERR_ACCESS_REVOKED,
  ERR_TOO_MANY_CONNECTIONS,
  ERR_RATE_LIMITED,
  ERR_RANGE_UNAVAILABLE,
  ERR_UNAVAILABLE,
  ERR_BOARD_NOT_FOUND,
  ERR_CLIENT_TOO_OLD,
  ERR_SERVER_TOO_OLD
}
