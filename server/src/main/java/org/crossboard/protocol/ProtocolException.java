package org.crossboard.protocol;

/** A client message that cannot be accepted; carries the code sent back to the client. */
public final class ProtocolException extends RuntimeException {
  private final ErrorCode code;
  private final Integer changeIndex;

  public ProtocolException(ErrorCode code, String message) {
    this(code, message, null);
  }

  public ProtocolException(ErrorCode code, String message, Integer changeIndex) {
    super(message, null, false, false);
    this.code = code;
    this.changeIndex = changeIndex;
  }

  public ErrorCode code() {
    return code;
  }

  /** Index of the offending change in a push, or null. */
  public Integer changeIndex() {
    return changeIndex;
  }
}
