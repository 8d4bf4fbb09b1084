package org.crossboard.store.memory;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.crossboard.store.AuditEntry;
import org.crossboard.store.AuditStore;
import org.crossboard.store.DuplicateKeyException;

/** Audit chains in memory: one list per chain, appended under its lock. */
public final class InMemoryAuditStore implements AuditStore {
  private final Map<String, List<AuditEntry>> chains = new ConcurrentHashMap<>();

  @Override
  public Future<Void> append(AuditEntry entry) {
    List<AuditEntry> chain = chains.computeIfAbsent(entry.chain(), k -> new ArrayList<>());
    synchronized (chain) {
      long last = chain.isEmpty() ? 0 : chain.get(chain.size() - 1).seq();
      if (entry.seq() <= last) {
        return Future.failedFuture(new DuplicateKeyException("audit position taken: " + entry.seq()));
      }
      chain.add(entry);
    }
    return Future.succeededFuture();
  }

  @Override
  public Future<AuditEntry> last(String chain) {
    List<AuditEntry> entries = chains.get(chain);
    if (entries == null) {
      return Future.succeededFuture(null);
    }
    synchronized (entries) {
      return Future.succeededFuture(entries.isEmpty() ? null : entries.get(entries.size() - 1));
    }
  }

  @Override
  public Future<List<AuditEntry>> list(String chain) {
    List<AuditEntry> entries = chains.get(chain);
    if (entries == null) {
      return Future.succeededFuture(List.of());
    }
    synchronized (entries) {
      return Future.succeededFuture(List.copyOf(entries));
    }
  }
}
