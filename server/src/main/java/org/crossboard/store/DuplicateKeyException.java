package org.crossboard.store;

/** An insert hit a unique key that already exists (an email, a chain position). */
public final class DuplicateKeyException extends RuntimeException {
  public DuplicateKeyException(String message) {
    super(message, null, false, false);
  }
}
