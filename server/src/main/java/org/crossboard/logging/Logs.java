package org.crossboard.logging;

import java.util.function.Supplier;
import org.slf4j.MDC;

/**
 * Log lines that say which request or connection they are about. Code on an event loop runs one
 * callback at a time, so the id is set for the duration of one call and removed afterwards; it
 * appears in text lines ({@code [requestId=…]}) and as a field of JSON lines:
 *
 * <pre>{@code Logs.withConnectionId(connectionId, () -> LOG.warn("closed: {}", reason));}</pre>
 */
public final class Logs {
  /** The field naming a REST request (its {@code X-Request-Id}). */
  public static final String REQUEST_ID = "requestId";
  /** The field naming a socket connection. */
  public static final String CONNECTION_ID = "connectionId";

  private Logs() {}

  /** Runs {@code action}; what it logs carries {@code requestId}. */
  public static void withRequestId(String requestId, Runnable action) {
    with(REQUEST_ID, requestId, () -> {
      action.run();
      return null;
    });
  }

  /** Runs {@code action}; what it logs carries {@code connectionId}. */
  public static void withConnectionId(String connectionId, Runnable action) {
    with(CONNECTION_ID, connectionId, () -> {
      action.run();
      return null;
    });
  }

  /**
   * Runs {@code action} with {@code key = value} on every line it logs (nested calls add to
   * it), and returns what {@code action} returns.
   */
  public static <T> T with(String key, String value, Supplier<T> action) {
    String previous = MDC.get(key);
    MDC.put(key, value);
    try {
      return action.get();
    } finally {
      if (previous == null) {
        MDC.remove(key);
      } else {
        MDC.put(key, previous);
      }
    }
  }
}
