package org.crossboard.board;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Encodes the ops that became durable together into {@code batch} frames: each op is serialised
 * once, and a new frame starts when one would exceed {@link #MAX_FRAME_CHARS}, so a large group
 * commit never becomes one huge frame that fills every socket's write queue at once.
 */
final class BatchFrames {
  static final int MAX_FRAME_CHARS = 512 * 1024;
  private static final String OPEN = "{\"t\":\"batch\",\"ops\":[";
  private static final String CLOSE = "]}";
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
    return encoded(new JsonArray(), new JsonArray());
  }

  /** The frames; presence changes ride along in the last one (or make a frame of their own). */
  List<String> encoded(JsonArray presence, JsonArray left) {
    if (!presence.isEmpty() || !left.isEmpty()) {
      if (current == null) {
        current = new StringBuilder(OPEN);
      }
      current.append("],\"presence\":").append(presence.encode()).append(",\"left\":").append(left.encode()).append('}');
      frames.add(current.toString());
      current = null;
    }
    finish();
    return frames;
  }

  private void finish() {
    if (current != null) {
      frames.add(current.append(CLOSE).toString());
      current = null;
    }
  }
}
