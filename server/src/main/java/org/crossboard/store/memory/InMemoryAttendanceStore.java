package org.crossboard.store.memory;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.crossboard.store.AttendanceStore;

/**
 * Attendance in memory: one list per session in append order, under the store's lock (two server
 * nodes in one JVM share one instance). Events are copied in and out.
 */
public final class InMemoryAttendanceStore implements AttendanceStore {
  private final Map<String, List<JsonObject>> bySession = new HashMap<>();

  @Override
  public synchronized Future<Void> append(JsonObject event) {
    bySession.computeIfAbsent(event.getString("session"), k -> new ArrayList<>()).add(event.copy());
    return Future.succeededFuture();
  }

  @Override
  public synchronized Future<List<JsonObject>> list(String sessionId) {
    // a stable sort keeps events with the same instant in append order
    return Future.succeededFuture(bySession.getOrDefault(sessionId, List.of()).stream()
        .sorted(Comparator.comparingLong(e -> e.getLong("at")))
        .map(JsonObject::copy)
        .toList());
  }
}
