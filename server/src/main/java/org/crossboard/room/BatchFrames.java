package org.crossboard.room;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Encodes the ops that became durable together into {@code batch} frames: each op is serialised
 * once, and a new frame starts when one would exceed {@link #MAX_FRAME_CHARS}, so a large group
 * commit never becomes one huge frame that fills every socket's write queue at once.
 */
final class BatchFrames {
  static final int MAX_FRAME_CHARS = 512 * 1024;
  private static final String OPEN = "{\"t\":\"batch\",\"ops\":[";
  private final List<String> frames = new ArrayList<>();
  private StringBuilder current;

  void add(JsonObject op) {
    String encoded = op.encode();
    if (current != null && current.length() + encoded.length() + 1 > MAX_FRAME_CHARS) {
      finish();
    }
    if (current == null) {
      current = new StringBuilder(Math.min(MAX_FRAME_CHARS, encoded.length() + 64)).append(OPEN);
    } else {
      current.append(',');
    }
    current.append(encoded);
  }

  List<String> encoded() {
    return encoded(Map.of());
  }

  /** The frames; fields that ride along (presence, …) go in the last one (or make a frame of their own). */
  List<String> encoded(Map<String, JsonArray> riders) {
    if (!riders.isEmpty() && current == null) {
      current = new StringBuilder(OPEN);
    }
    if (current != null) {
      current.append(']');
      riders.forEach((field, values) ->
          current.append(",\"").append(field).append("\":").append(values.encode()));
      frames.add(current.append('}').toString());
      current = null;
    }
    return frames;
  }

  private void finish() {
    if (current != null) {
      frames.add(current.append("]}").toString());
      current = null;
    }
  }
}
