package org.crossboard.board;

import io.vertx.core.json.JsonObject;

/**
 * One edit of a merging text prop (SPEC.md T1): remove {@code delete} UTF-16 code units at
 * {@code at}, then put {@code insert} there.
 */
public record Splice(int at, int delete, String insert) {

  public Splice {
    if (at < 0 || delete < 0 || insert == null) {
      throw new IllegalArgumentException("not a splice: " + at + ", " + delete);
    }
  }

  /** Whether applying it changes nothing. */
  public boolean isNoop() {
    return delete == 0 && insert.isEmpty();
  }

  /** Applies it to {@code text}, with positions beyond the end clamped to it. */
  public String applyTo(String text) {
    int from = Math.min(at, text.length());
    int to = (int) Math.min(text.length(), (long) from + delete);
    return text.substring(0, from) + insert + text.substring(to);
  }

  /** The canonical change that applies it to {@code prop} of record {@code id} (docs/PROTOCOL.md). */
  public JsonObject toChange(String id, String prop) {
    return new JsonObject().put("op", "splice").put("id", id).put("prop", prop)
        .put("at", at).put("delete", delete).put("insert", insert);
  }
}
