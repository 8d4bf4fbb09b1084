package org.crossboard.store;

import io.vertx.core.Future;
import java.util.List;

/** Append-only audit chains: entries are added, never changed or removed by the application. */
public interface AuditStore {

  /** Fails with {@link DuplicateKeyException} when {@code (chain, seq)} is taken (another writer won). */
  Future<Void> append(AuditEntry entry);

  /** The newest entry of the chain, or null when it is empty. */
  Future<AuditEntry> last(String chain);

  /** The chain's entries in seq order. */
  Future<List<AuditEntry>> list(String chain);
}
