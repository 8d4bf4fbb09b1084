package org.crossboard.store.memory;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crossboard.store.DuplicateKeyException;
import org.crossboard.store.SessionStore;

/**
 * Live sessions in memory. Every method holds the store's lock: two server nodes in one JVM share
 * one instance, and the one-current-session rule and compare-and-set need check and write to be
 * one step. Documents are copied in and out so no caller can change what is stored.
 */
public final class InMemorySessionStore implements SessionStore {
  private static final Comparator<JsonObject> NEWEST_FIRST =
      Comparator.<JsonObject>comparingLong(d -> d.getLong("createdAt")).reversed()
          .thenComparing(d -> d.getString("_id"));

  private final Map<String, JsonObject> sessions = new LinkedHashMap<>();

  @Override
  public synchronized Future<Void> insert(JsonObject doc) {
    String id = doc.getString("_id");
    if (sessions.containsKey(id)) {
      return Future.failedFuture(new DuplicateKeyException("session exists: " + id));
    }
    if (SessionStore.isCurrent(doc) && currentOf(doc.getString("board")) != null) {
      return Future.failedFuture(new DuplicateKeyException("board has a current session: " + doc.getString("board")));
    }
    sessions.put(id, doc.copy());
    return Future.succeededFuture();
  }

  @Override
  public synchronized Future<JsonObject> get(String id) {
    JsonObject doc = sessions.get(id);
    return Future.succeededFuture(doc == null ? null : doc.copy());
  }

  @Override
  public synchronized Future<JsonObject> current(String boardId) {
    JsonObject doc = currentOf(boardId);
    return Future.succeededFuture(doc == null ? null : doc.copy());
  }

  @Override
  public synchronized Future<List<JsonObject>> listForBoard(String boardId) {
    return Future.succeededFuture(sessions.values().stream()
        .filter(d -> boardId.equals(d.getString("board")))
        .sorted(NEWEST_FIRST)
        .map(JsonObject::copy)
        .toList());
  }

  @Override
  public synchronized Future<Boolean> replace(JsonObject doc, long expectedVersion) {
    String id = doc.getString("_id");
    JsonObject stored = sessions.get(id);
    if (stored == null || stored.getLong("version") == null || stored.getLong("version") != expectedVersion) {
      return Future.succeededFuture(false);
    }
    if (SessionStore.isCurrent(doc)) {
      JsonObject current = currentOf(doc.getString("board"));
      if (current != null && !current.getString("_id").equals(id)) {
        return Future.failedFuture(new DuplicateKeyException("board has a current session: " + doc.getString("board")));
      }
    }
    sessions.put(id, doc.copy());
    return Future.succeededFuture(true);
  }

  private JsonObject currentOf(String boardId) {
    return sessions.values().stream()
        .filter(d -> boardId.equals(d.getString("board")) && SessionStore.isCurrent(d))
        .findFirst().orElse(null);
  }
}
