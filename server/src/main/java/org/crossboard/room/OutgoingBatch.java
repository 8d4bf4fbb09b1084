package org.crossboard.room;

import io.vertx.core.json.JsonArray;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@code batch} frame about to go to everyone with durable ops; features add their own fields
 * to it (presence rides along this way), so one frame carries everything that became visible.
 */
public final class OutgoingBatch {
  private final Map<String, JsonArray> riders = new LinkedHashMap<>();

  OutgoingBatch() {
  }

  /** Adds a field to the frame; each field once. */
  public void add(String field, JsonArray values) {
    if (riders.putIfAbsent(field, values) != null) {
      throw new IllegalStateException(field + " already rides on this batch");
    }
  }

  Map<String, JsonArray> riders() {
    return riders;
  }
}
