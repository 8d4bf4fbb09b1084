package org.crossboard.thread;

import io.vertx.core.json.JsonObject;
import org.crossboard.error.CrossboardException;

/**
 * Where a thread is pinned (SPEC.md K2): to a board record ({@code record}, follows it), a point
 * ({@code x}, {@code y}) or a region ({@code x}, {@code y}, {@code w}, {@code h}) in board
 * coordinates. Fields a kind does not use are null.
 */
public record Anchor(String kind, String record, Double x, Double y, Double w, Double h) {
  public static final String RECORD = "record";
  public static final String POINT = "point";
  public static final String REGION = "region";
  /** Board coordinates a client may pin to, either side of the origin (as far as a board is drawn). */
  static final double MAX_COORDINATE = 1_000_000;
  static final double MIN_SIZE = 1;
  static final double MAX_SIZE = 100_000;

  public static Anchor record(String recordId) {
    return new Anchor(RECORD, recordId, null, null, null, null);
  }

  public static Anchor point(double x, double y) {
    return new Anchor(POINT, null, x, y, null, null);
  }

  public static Anchor region(double x, double y, double w, double h) {
    return new Anchor(REGION, null, x, y, w, h);
  }

  /** Whether it follows a record (and so cannot be moved, only orphaned and re-attached). */
  public boolean onRecord() {
    return RECORD.equals(kind);
  }

  /** {@code {kind, record}}, {@code {kind, x, y}} or {@code {kind, x, y, w, h}}. */
  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("kind", kind);
    if (onRecord()) {
      return json.put("record", record);
    }
    json.put("x", x).put("y", y);
    return REGION.equals(kind) ? json.put("w", w).put("h", h) : json;
  }

  /**
   * An anchor as a client sends it or a thread stores it, validated: {@code ERR_MALFORMED} for a
   * field of the wrong JSON type, {@code ERR_INVALID} for an unknown kind or a value out of range.
   */
  public static Anchor fromJson(JsonObject json) {
    String kind = Fields.string(json, "kind", "anchor.kind", true);
    switch (kind) {
      case RECORD:
        return record(Fields.id(json, "record", "anchor.record", true));
      case POINT:
        return point(coordinate(json, "x"), coordinate(json, "y"));
      case REGION:
        return region(coordinate(json, "x"), coordinate(json, "y"), size(json, "w"), size(json, "h"));
      default:
        throw CrossboardException.invalid("anchor.kind must be record, point or region");
    }
  }

  private static double coordinate(JsonObject json, String key) {
    return Fields.number(json, key, "anchor." + key, -MAX_COORDINATE, MAX_COORDINATE);
  }

  private static double size(JsonObject json, String key) {
    return Fields.number(json, key, "anchor." + key, MIN_SIZE, MAX_SIZE);
  }
}
