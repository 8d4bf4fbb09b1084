package org.crossboard.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * Attendance of live sessions, append-only: one event per join or leave,
 * {@code {"session","board","user","name","org","country","event":"join"|"leave","at"}}, appended
 * by the node the person is on.
 */
public interface AttendanceStore {

  /** Appends the event; the caller's object is not changed. */
  Future<Void> append(JsonObject event);

  /**
   * The session's events in {@code at} order, equal {@code at} in the order they were appended
   * (for events appended by different nodes at the same instant, in an order that does not change
   * between calls). Events come back as appended, with nothing added.
   */
  Future<List<JsonObject>> list(String sessionId);
}
