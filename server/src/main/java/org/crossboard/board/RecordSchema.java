package org.crossboard.board;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.crossboard.protocol.Limits;

/**
 * Which record types exist, which props each may carry and what values those props take
 * (SPEC.md R1–R3). Pure and stateless; references between records are checked by
 * {@link ChangeValidator}.
 */
public final class RecordSchema {
  /** The fixed id of the board's own record. */
  public static final String BOARD_RECORD_ID = "board";

  /** Props the server stamps; values sent by clients are dropped. */
  public static final Set<String> SERVER_OWNED = Set.of("createdBy", "createdAt", "updatedBy", "updatedAt", "authorName");

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
  private static final Pattern ORDER = Pattern.compile("[0-9A-Za-z]{1,64}");
  private static final Pattern COLOR = Pattern.compile("#[0-9A-Fa-f]{6}");
  private static final Set<String> SHAPES = Set.of("rectangle", "ellipse", "diamond");
  private static final Set<String> BOX = Set.of("order", "x", "y", "w", "h");
  private static final Set<String> CONTENT = Set.of("text", "color", "fontSize", "rotation", "parent", "locked");

  private static final Map<String, Set<String>> REQUIRED = Map.of(
      "board", Set.of(),
      "frame", BOX,
      "note", BOX,
      "text", BOX,
      "shape", union(BOX, Set.of("shape")),
      "connector", Set.of("order", "from", "to"),
      "comment", Set.of("order", "x", "y", "text"));

  private static final Map<String, Set<String>> OPTIONAL = Map.of(
      "board", Set.of("title"),
      "frame", Set.of("title", "color", "parent", "locked"),
      "note", CONTENT,
      "text", CONTENT,
      "shape", CONTENT,
      "connector", Set.of("label", "color", "parent", "locked"),
      "comment", Set.of("target", "resolved"));

  private RecordSchema() {}

  public static boolean isKnownType(String type) {
    return REQUIRED.containsKey(type);
  }

  public static boolean isValidId(Object id) {
    return id instanceof String s && ID.matcher(s).matches();
  }

  public static Set<String> required(String type) {
    return REQUIRED.get(type);
  }

  /** Whether {@code prop} may appear on a record of {@code type} (besides id and type). */
  public static boolean allows(String type, String prop) {
    return REQUIRED.get(type).contains(prop) || OPTIONAL.get(type).contains(prop);
  }

  public static boolean isRequired(String type, String prop) {
    return REQUIRED.get(type).contains(prop);
  }

  /**
   * Checks one prop value in isolation; returns null when valid, else why not.
   * {@code parent}, {@code from} and {@code to} are only checked for shape here.
   */
  public static String checkValue(String prop, Object value) {
    return switch (prop) {
      case "x", "y" -> number(value, -1_000_000, 1_000_000);
      case "w", "h" -> number(value, 1, 100_000);
      case "rotation" -> number(value, -360, 360);
      case "fontSize" -> number(value, 6, 400);
      case "color" -> value instanceof String s && COLOR.matcher(s).matches() ? null : "must be a colour #RRGGBB";
      case "shape" -> value instanceof String s && SHAPES.contains(s) ? null : "must be one of " + SHAPES;
      case "text" -> text(value, Limits.MAX_TEXT_LENGTH);
      case "title" -> text(value, Limits.MAX_TITLE_LENGTH);
      case "label" -> text(value, Limits.MAX_LABEL_LENGTH);
      case "order" -> value instanceof String s && ORDER.matcher(s).matches()
          ? null : "must be 1-64 characters of [0-9A-Za-z]";
      case "locked", "resolved" -> value instanceof Boolean ? null : "must be a boolean";
      case "parent", "from", "to", "target" -> isValidId(value) ? null : "must be a record id";
      default -> "is not a known property";
    };
  }

  private static String number(Object value, double min, double max) {
    if (value instanceof Number n) {
      double d = n.doubleValue();
      if (Double.isFinite(d) && d >= min && d <= max) {
        return null;
      }
    }
    return "must be a number in [" + fmt(min) + ", " + fmt(max) + "]";
  }

  private static String text(Object value, int maxLength) {
    if (value instanceof String s && s.length() <= maxLength) {
      return null;
    }
    return "must be a string of at most " + maxLength + " characters";
  }

  private static String fmt(double d) {
    return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    java.util.HashSet<String> all = new java.util.HashSet<>(a);
    all.addAll(b);
    return Set.copyOf(all);
  }
}
