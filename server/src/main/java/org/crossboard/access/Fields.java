package org.crossboard.access;

import org.crossboard.error.CrossboardException;
/** Checks of request fields; failures are {@code ERR_INVALID} naming the field, never echoing its value. */
public final class Fields {
  private Fields() {}

  /** A stripped, non-empty string of at most {@code max} characters. */
  public static String required(Object value, String field, int max) {
    if (!(value instanceof String s) || s.isBlank() || s.strip().length() > max) {
      throw CrossboardException.invalid(field + " must be 1-" + max + " characters");
    }
    return s.strip();
  }

  /** Like {@link #required} but null or blank gives null. */
  public static String optional(Object value, String field, int max) {
    if (value == null || value instanceof String s && s.isBlank()) {
      return null;
    }
    return required(value, field, max);
  }

  /** An integer within [min, max]. */
  public static int range(Object value, String field, int min, int max) {
    if (!(value instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())
        || n.longValue() < min || n.longValue() > max) {
      throw CrossboardException.invalid(field + " must be a whole number from " + min + " to " + max);
    }
    return n.intValue();
  }

  /** A role by wire name. */
  public static Role role(Object value) {
    Role role = Role.parse(value);
    if (role == null) {
      throw CrossboardException.invalid("role must be owner, facilitator, editor, commenter or viewer");
    }
    return role;
  }
}
