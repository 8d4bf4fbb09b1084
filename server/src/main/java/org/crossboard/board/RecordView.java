package org.crossboard.board;

import io.vertx.core.json.JsonObject;

/** Read/write access to a board's records: the board state itself or a push's staging overlay. */
interface RecordView {
  /** The record, or null; callers must not mutate it except through {@link #mutable}. */
  JsonObject get(String id);

  /** A record that may be modified in place (copied first where it is shared). */
  JsonObject mutable(String id);

  void put(String id, JsonObject record);

  void remove(String id);

  Iterable<JsonObject> all();
}
