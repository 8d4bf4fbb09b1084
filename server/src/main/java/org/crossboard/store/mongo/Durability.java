package org.crossboard.store.mongo;

import io.vertx.core.Future;

/**
 * What must happen after a write before it may be acknowledged. For a real MongoDB the write
 * concern in the connection string is enough ({@link #NONE}); the embedded server with its H2
 * file needs an explicit commit of its store.
 */
@FunctionalInterface
public interface Durability {
  Durability NONE = () -> Future.succeededFuture();

  Future<Void> afterWrite();
}
