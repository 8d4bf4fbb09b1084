package org.crossboard.store.memory;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crossboard.store.DuplicateKeyException;
import org.crossboard.store.ThreadStore;

/**
 * Threads in memory. Every method holds the store's lock: two server nodes in one JVM share one
 * instance, and compare-and-set needs check and write to be one step. Documents are copied in and
 * out so no caller can change what is stored.
 */
public final class InMemoryThreadStore implements ThreadStore {
  private static final Comparator<JsonObject> OLDEST_FIRST =
      Comparator.<JsonObject>comparingLong(d -> d.getLong("createdAt")).thenComparing(d -> d.getString("_id"));

  private final Map<String, JsonObject> threads = new LinkedHashMap<>();

  @Override
  public synchronized Future<Void> insert(JsonObject doc) {
    String id = doc.getString("_id");
    if (threads.containsKey(id)) {
      return Future.failedFuture(new DuplicateKeyException("thread exists: " + id));
    }
    threads.put(id, doc.copy());
    return Future.succeededFuture();
  }

  @Override
  public synchronized Future<JsonObject> get(String id) {
    JsonObject doc = threads.get(id);
    return Future.succeededFuture(doc == null ? null : doc.copy());
  }

  @Override
  public synchronized Future<List<JsonObject>> listForBoard(String boardId) {
    return Future.succeededFuture(threads.values().stream()
        .filter(d -> boardId.equals(d.getString("board")))
        .sorted(OLDEST_FIRST)
        .map(JsonObject::copy)
        .toList());
  }

  @Override
  public synchronized Future<Boolean> replace(JsonObject doc, long expectedVersion) {
    JsonObject stored = threads.get(doc.getString("_id"));
    if (stored == null || stored.getLong("version") == null || stored.getLong("version") != expectedVersion) {
      return Future.succeededFuture(false);
    }
    threads.put(doc.getString("_id"), doc.copy());
    return Future.succeededFuture(true);
  }

  @Override
  public synchronized Future<Void> deleteBoard(String boardId) {
    threads.values().removeIf(d -> boardId.equals(d.getString("board")));
    return Future.succeededFuture();
  }
}
