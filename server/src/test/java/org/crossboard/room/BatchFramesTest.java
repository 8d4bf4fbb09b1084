package org.crossboard.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BatchFramesTest {

  @Test
  @DisplayName("[B1] small commits are one frame; a large commit is split into valid frames in seq order")
  void splitsBySize() {
    BatchFrames small = new BatchFrames();
    small.add(new JsonObject().put("seq", 1));
    small.add(new JsonObject().put("seq", 2));
    List<String> one = small.encoded();
    assertEquals(1, one.size());
    assertEquals("{\"t\":\"batch\",\"ops\":[{\"seq\":1},{\"seq\":2}]}", one.get(0));

    BatchFrames large = new BatchFrames();
    String text = "x".repeat(200_000);
    for (int seq = 1; seq <= 6; seq++) {
      large.add(new JsonObject().put("seq", seq).put("text", text));
    }
    List<String> frames = large.encoded();
    assertEquals(3, frames.size());
    long expected = 1;
    for (String frame : frames) {
      assertTrue(frame.length() <= BatchFrames.MAX_FRAME_CHARS + 2);
      for (Object op : new JsonObject(frame).getJsonArray("ops")) {
        assertEquals(expected++, ((JsonObject) op).getLong("seq"));
      }
    }
  }
}
