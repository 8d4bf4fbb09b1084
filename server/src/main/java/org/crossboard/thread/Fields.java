package org.crossboard.thread;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.crossboard.error.CrossboardException;
import org.crossboard.error.ErrorCode;

/**
 * Typed reads of client JSON for thread messages: a field of the wrong JSON type is
 * {@code ERR_MALFORMED}, a bad value {@code ERR_INVALID}; messages name the field and never echo
 * its value (it may be anyone's text).
 */
final class Fields {
  static final int MAX_ID_LENGTH = 64;

  private Fields() {}

  /** A string, or null when absent and not {@code required}. */
  static String string(JsonObject f, String key, String field, boolean required) {
    Object v = f.getValue(key);
    if (v == null && !required) {
      return null;
    }
    if (v instanceof String s) {
      return s;
    }
    throw malformed(field + (v == null ? " is required" : " must be a string"));
  }

  /** An id of 1 to {@value #MAX_ID_LENGTH} characters, or null when absent and not {@code required}. */
  static String id(JsonObject f, String key, String field, boolean required) {
    String s = string(f, key, field, required);
    if (s != null && (s.isEmpty() || s.length() > MAX_ID_LENGTH)) {
      throw CrossboardException.invalid(field + " must be an id of 1 to " + MAX_ID_LENGTH + " characters");
    }
    return s;
  }

  static boolean bool(JsonObject f, String key) {
    Object v = f.getValue(key);
    if (v instanceof Boolean b) {
      return b;
    }
    throw malformed(key + (v == null ? " is required" : " must be true or false"));
  }

  /** A finite number from {@code min} to {@code max}. */
  static double number(JsonObject f, String key, String field, double min, double max) {
    Object v = f.getValue(key);
    if (!(v instanceof Number n)) {
      throw malformed(field + (v == null ? " is required" : " must be a number"));
    }
    double d = n.doubleValue();
    if (!Double.isFinite(d) || d < min || d > max) {
      throw CrossboardException.invalid(field + " must be from " + (long) min + " to " + (long) max);
    }
    return d;
  }

  static JsonObject object(JsonObject f, String key, String field) {
    Object v = f.getValue(key);
    if (v instanceof JsonObject o) {
      return o;
    }
    throw malformed(field + (v == null ? " is required" : " must be an object"));
  }

  /** An array, or null when absent. */
  static JsonArray array(JsonObject f, String key) {
    Object v = f.getValue(key);
    if (v == null || v instanceof JsonArray) {
      return (JsonArray) v;
    }
    throw malformed(key + " must be an array");
  }

  static JsonObject element(JsonArray arr, int i, String field) {
    if (arr.getValue(i) instanceof JsonObject o) {
      return o;
    }
    throw malformed(field + "[" + i + "] must be an object");
  }

  static CrossboardException malformed(String message) {
    return new CrossboardException(ErrorCode.ERR_MALFORMED, message);
  }
}
