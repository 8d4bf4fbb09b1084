package org.crossboard.store;

import io.vertx.core.Future;
import java.util.concurrent.TimeUnit;

/** Blocks a test thread on a future. */
final class Await {
  private Await() {}

  static <T> T await(Future<T> f) {
    try {
      return f.await(20, TimeUnit.SECONDS);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static Throwable failure(Future<?> f) {
    try {
      f.await(20, TimeUnit.SECONDS);
    } catch (Exception e) {
      return e;
    }
    throw new AssertionError("expected a failure");
  }
}
