package org.crossboard.store.mongo;

/** Classifies driver failures. */
final class MongoErrors {
  private MongoErrors() {}

  /** True for a unique-index violation (E11000), however the driver wraps it. */
  static boolean isDuplicateKey(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      String m = c.getMessage();
      if (m != null && (m.contains("E11000") || m.contains("duplicate key"))) {
        return true;
      }
    }
    return false;
  }
}
