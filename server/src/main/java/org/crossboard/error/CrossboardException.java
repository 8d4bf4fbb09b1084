package org.crossboard.error;

/**
 * A request the server refuses or cannot complete, with the {@link ErrorCode} the client is told.
 * The one exception type for every refusal, on the socket and over REST; its message is shown to
 * the client, so it never contains passwords, tokens, invitation codes or other people's data.
 * Services hand it back as a failed future, never throw it.
 */
public final class CrossboardException extends RuntimeException {
  private final ErrorCode code;
  private final Integer changeIndex;
  private final long retryAfterSeconds;

  public CrossboardException(ErrorCode code, String message) {
    this(code, message, null, 0);
  }

  private CrossboardException(ErrorCode code, String message, Integer changeIndex, long retryAfterSeconds) {
    super(message, null, false, false);
    this.code = code;
    this.changeIndex = changeIndex;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /**
   * A refusal as another node reported it: the same code, message and change index (a push
   * forwarded to the node that sequences the board is refused there).
   */
  public static CrossboardException relayed(ErrorCode code, String message, Integer changeIndex) {
    return new CrossboardException(code, message, changeIndex, 0);
  }

  /** A refused change of a push: {@code index} is the change's position in the push. */
  public static CrossboardException ofChange(ErrorCode code, int index, String message) {
    return new CrossboardException(code, "change " + index + ": " + message, index, 0);
  }

  /** A request refused for now ({@code ERR_THROTTLED}, {@code ERR_BUSY}): try again after {@code seconds}. */
  public static CrossboardException retryAfter(ErrorCode code, String message, long seconds) {
    return new CrossboardException(code, message, null, seconds);
  }

  public ErrorCode code() {
    return code;
  }

  /** Index of the refused change in a push, or null. */
  public Integer changeIndex() {
    return changeIndex;
  }

  /** Seconds until a retry may succeed ({@code Retry-After}); 0 when not said. */
  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  public static CrossboardException invalid(String message) {
    return new CrossboardException(ErrorCode.ERR_INVALID, message);
  }

  public static CrossboardException forbidden(String message) {
    return new CrossboardException(ErrorCode.ERR_FORBIDDEN, message);
  }

  public static CrossboardException notFound(String message) {
    return new CrossboardException(ErrorCode.ERR_NOT_FOUND, message);
  }

  public static CrossboardException unauthorized(String message) {
    return new CrossboardException(ErrorCode.ERR_UNAUTHORIZED, message);
  }
}
