package org.crossboard.access;

/**
 * A refused or failed request about accounts, roles or invitations, with its HTTP status and
 * error code (docs/API.md). Messages never contain passwords, tokens or invitation codes.
 */
public final class AccessException extends RuntimeException {
  private final int status;
  private final String code;
  private final long retryAfterSeconds;

  public AccessException(int status, String code, String message) {
    this(status, code, message, 0);
  }

  public AccessException(int status, String code, String message, long retryAfterSeconds) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  /** For {@code ERR_THROTTLED}: when to try again; 0 otherwise. */
  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  public static AccessException unauthorized(String message) {
    return new AccessException(401, "ERR_UNAUTHORIZED", message);
  }

  public static AccessException forbidden(String message) {
    return new AccessException(403, "ERR_FORBIDDEN", message);
  }

  public static AccessException notFound(String message) {
    return new AccessException(404, "ERR_NOT_FOUND", message);
  }

  public static AccessException invalid(String message) {
    return new AccessException(400, "ERR_INVALID", message);
  }
}
