package org.crossboard.http;

import io.vertx.core.json.JsonObject;
import java.util.regex.Pattern;
import org.crossboard.access.AccountService;
import org.crossboard.access.Role;
import org.crossboard.error.CrossboardException;

/**
 * The rules one field of a request body is checked against. A field that breaks its rule is
 * {@code ERR_INVALID} with a message naming the field and never echoing its value: values may be
 * passwords, and whatever a client sent should not come back unchecked.
 */
final class Fields {
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,189}");
  private static final int MAX_EMAIL = 254;

  private Fields() {}

  /** A string that is not blank, stripped, of at most {@code max} characters. */
  static String required(JsonObject body, String field, int max) {
    if (!(body.getValue(field) instanceof String s) || s.isBlank() || s.strip().length() > max) {
      throw CrossboardException.invalid(field + " must be 1-" + max + " characters");
    }
    return s.strip();
  }

  /** Like {@link #required}, but absent, null or blank gives null. */
  static String optional(JsonObject body, String field, int max) {
    Object value = body.getValue(field);
    if (value == null || value instanceof String s && s.isBlank()) {
      return null;
    }
    return required(body, field, max);
  }

  /** A whole number within [min, max]; {@code fallback} when the field is absent (an explicit null is not). */
  static int wholeNumber(JsonObject body, String field, int min, int max, int fallback) {
    if (!(body.getValue(field, fallback) instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())
        || n.longValue() < min || n.longValue() > max) {
      throw CrossboardException.invalid(field + " must be a whole number from " + min + " to " + max);
    }
    return n.intValue();
  }

  /** A role by its wire name, in the field {@code role}. */
  static Role role(JsonObject body) {
    Role role = Role.parse(body.getValue("role"));
    if (role == null) {
      throw CrossboardException.invalid("role must be owner, facilitator, editor, commenter or viewer");
    }
    return role;
  }

  /** An email address (one {@code @}, at most 254 characters), in its normal form. */
  static String email(JsonObject body) {
    if (!(body.getValue("email") instanceof String s) || !EMAIL.matcher(s.strip()).matches()
        || s.strip().length() > MAX_EMAIL) {
      throw CrossboardException.invalid("email must look like name@example.org");
    }
    return AccountService.normalEmail(s);
  }

  /** A new password in the field {@code password}, as typed (spaces count). */
  static String newPassword(JsonObject body) {
    if (!(body.getValue("password") instanceof String s) || s.length() < AccountService.MIN_PASSWORD
        || s.length() > AccountService.MAX_PASSWORD) {
      throw CrossboardException.invalid("password must be " + AccountService.MIN_PASSWORD + "-"
          + AccountService.MAX_PASSWORD + " characters");
    }
    return s;
  }

  /** One of {@link AccountService#LANGUAGES}; the default when absent or null. */
  static String language(JsonObject body) {
    Object value = body.getValue("lang");
    if (value == null) {
      return AccountService.DEFAULT_LANGUAGE;
    }
    return requiredLanguage(body);
  }

  /** One of {@link AccountService#LANGUAGES}, required. */
  static String requiredLanguage(JsonObject body) {
    Object value = body.getValue("lang");
    if (!(value instanceof String lang) || !AccountService.LANGUAGES.contains(lang)) {
      throw CrossboardException.invalid("lang must be one of " + AccountService.LANGUAGES);
    }
    return lang;
  }
}
