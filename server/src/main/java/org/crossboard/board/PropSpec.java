package org.crossboard.board;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What values one record property takes (SPEC.md R3): checked on the server, and sent to clients
 * in the welcome's schema so they never keep a copy of these rules.
 */
public sealed interface PropSpec {
  /** Null when {@code value} (never null) is valid, else why not, e.g. "must be a colour #RRGGBB". */
  String check(Object value);

  /** The rule as the welcome's schema describes it, e.g. {@code {"kind":"number","min":1,"max":100000}}. */
  JsonObject toJson();

  /** A finite number within [min, max]. */
  static PropSpec number(double min, double max) {
    return new NumberRange(min, max);
  }

  /** A string of at most {@code maxLength} characters, changed as a whole (last writer wins). */
  static PropSpec text(int maxLength) {
    return new Text(maxLength, false);
  }

  /**
   * A string of at most {@code maxLength} characters that also takes splices, merged with what
   * others typed concurrently (SPEC.md T1).
   */
  static PropSpec mergingText(int maxLength) {
    return new Text(maxLength, true);
  }

  /** {@code #RRGGBB}. */
  static PropSpec color() {
    return new Color();
  }

  /** One of the given strings. */
  static PropSpec oneOf(String... values) {
    return new OneOf(List.of(values));
  }

  /** A BCP 47 language tag in its canonical form (SPEC.md N1); see {@link Language}. */
  static PropSpec language() {
    return new Language();
  }

  static PropSpec bool() {
    return new Bool();
  }

  /** A fractional index: 1–64 characters of [0-9A-Za-z]. */
  static PropSpec order() {
    return new Order();
  }

  /** The id of an existing record of one of {@code types}; see {@link Ref}. */
  static Ref refTo(Set<String> types, boolean cascade, boolean acyclic) {
    return new Ref(types, Set.of(), cascade, acyclic);
  }

  /** The id of an existing record of any type but {@code excluded}; see {@link Ref}. */
  static Ref refToAnyBut(Set<String> excluded, boolean cascade) {
    return new Ref(Set.of(), excluded, cascade, false);
  }

  /** A finite number within [min, max]. */
  record NumberRange(double min, double max) implements PropSpec {
    @Override
    public String check(Object value) {
      if (value instanceof Number n && Double.isFinite(n.doubleValue()) && n.doubleValue() >= min
          && n.doubleValue() <= max) {
        return null;
      }
      return "must be a number in [" + fmt(min) + ", " + fmt(max) + "]";
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject().put("kind", "number").put("min", min).put("max", max);
    }

    private static String fmt(double d) {
      return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
  }

  /**
   * A string of at most {@code maxLength} characters; {@code merges}: it also takes splices, which
   * the server transforms over concurrent ones (SPEC.md T1–T8), instead of only whole values.
   */
  record Text(int maxLength, boolean merges) implements PropSpec {
    @Override
    public String check(Object value) {
      return value instanceof String s && s.length() <= maxLength
          ? null : "must be a string of at most " + maxLength + " characters";
    }

    @Override
    public JsonObject toJson() {
      JsonObject json = new JsonObject().put("kind", "text").put("max", maxLength);
      return merges ? json.put("merges", true) : json;
    }
  }

  /** {@code #RRGGBB}. */
  record Color() implements PropSpec {
    private static final Pattern COLOR = Pattern.compile("#[0-9A-Fa-f]{6}");

    @Override
    public String check(Object value) {
      return value instanceof String s && COLOR.matcher(s).matches() ? null : "must be a colour #RRGGBB";
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject().put("kind", "color");
    }
  }

  /** One of a fixed set of strings. */
  record OneOf(List<String> values) implements PropSpec {
    @Override
    public String check(Object value) {
      return value instanceof String s && values.contains(s) ? null : "must be one of " + values;
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject().put("kind", "enum").put("values", new JsonArray(List.copyOf(values)));
    }
  }

  /**
   * A BCP 47 language tag ({@code pt}, {@code fr-CA}, {@code zh-Hant-TW}) of at most
   * {@value #MAX_LENGTH} characters, in the form {@link Locale#toLanguageTag()} gives it: a tag
   * that does not come back unchanged from {@code Locale.forLanguageTag(tag).toLanguageTag()} is
   * refused, so one language has one spelling and tags compare as strings (SPEC.md N1).
   */
  record Language() implements PropSpec {
    public static final int MAX_LENGTH = 35;

    /** Whether {@code tag} is a canonical language tag of at most {@value #MAX_LENGTH} characters. */
    public static boolean isValid(String tag) {
      return tag != null && !tag.isEmpty() && tag.length() <= MAX_LENGTH
          && Locale.forLanguageTag(tag).toLanguageTag().equals(tag);
    }

    @Override
    public String check(Object value) {
      return value instanceof String s && isValid(s)
          ? null : "must be a BCP 47 language tag of at most " + MAX_LENGTH + " characters, e.g. pt or fr-CA";
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject().put("kind", "language").put("max", MAX_LENGTH);
    }
  }

  /** true or false. */
  record Bool() implements PropSpec {
    @Override
    public String check(Object value) {
      return value instanceof Boolean ? null : "must be a boolean";
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject().put("kind", "boolean");
    }
  }

  /** A fractional index string; z-order sorts by it, then by id. */
  record Order() implements PropSpec {
    private static final Pattern ORDER = Pattern.compile("[0-9A-Za-z]{1,64}");

    @Override
    public String check(Object value) {
      return value instanceof String s && ORDER.matcher(s).matches() ? null : "must be 1-64 characters of [0-9A-Za-z]";
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject().put("kind", "order");
    }
  }

  /**
   * A reference to another record of the board (SPEC.md R4, R5): the target must exist, be of an
   * allowed type ({@code types} when not empty, else anything but {@code excluded}) and not be the
   * referring record itself. {@code cascade}: removing the target removes the referring record
   * too (C5). {@code acyclic}: following the reference from record to record never comes back
   * (frame nesting).
   */
  record Ref(Set<String> types, Set<String> excluded, boolean cascade, boolean acyclic) implements PropSpec {
    @Override
    public String check(Object value) {
      return RecordTypes.isValidId(value) ? null : "must be a record id";
    }

    /** Whether a record of {@code type} may be the target. */
    public boolean accepts(String type) {
      return types.isEmpty() ? !excluded.contains(type) : types.contains(type);
    }

    @Override
    public JsonObject toJson() {
      JsonObject json = new JsonObject().put("kind", "ref");
      if (!types.isEmpty()) {
        json.put("to", new JsonArray(types.stream().sorted().toList()));
      } else {
        json.put("notTo", new JsonArray(excluded.stream().sorted().toList()));
      }
      return json.put("cascade", cascade).put("acyclic", acyclic);
    }
  }
}
