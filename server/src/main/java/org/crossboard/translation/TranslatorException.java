package org.crossboard.translation;

/** The translation engine could not translate: refused, unreachable, unreadable or too slow. */
public final class TranslatorException extends RuntimeException {
  public TranslatorException(String message) {
    super(message);
  }

  public TranslatorException(String message, Throwable cause) {
    super(message, cause);
  }
}
