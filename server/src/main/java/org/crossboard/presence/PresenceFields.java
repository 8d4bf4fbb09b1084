package org.crossboard.presence;

import org.crossboard.error.ErrorCode;
import org.crossboard.error.CrossboardException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Set;
import java.util.regex.Pattern;

/** Shape rules of a {@code presence} frame (docs/PROTOCOL.md "Presence"). */
final class PresenceFields {
  static final int MAX_SELECTION = 500;
  /** Not a presence field: the sender's own wish for fewer presence frames (slow links). */
  static final String RATE = "rate";
  static final int MAX_RATE = 10;
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
  private static final Set<String> STATUS = Set.of("active", "idle", "away");

  private PresenceFields() {}

  /** The presence fields present in {@code json}, validated; throws ERR_MALFORMED naming the field. */
  static JsonObject validate(JsonObject json) {
    JsonObject out = new JsonObject();
    if (json.containsKey("cursor")) {
      out.put("cursor", point(json.getValue("cursor"), "cursor", false));
    }
    if (json.containsKey("viewport")) {
      out.put("viewport", point(json.getValue("viewport"), "viewport", true));
    }
    if (json.containsKey("selection")) {
      out.put("selection", selection(json.getValue("selection")));
    }
    if (json.containsKey("editing")) {
      Object editing = json.getValue("editing");
      if (editing != null && !(editing instanceof String s && ID.matcher(s).matches())) {
        throw malformed("editing must be a record id or null");
      }
      out.put("editing", editing);
    }
    if (json.containsKey(RATE)) {
      Object rate = json.getValue(RATE);
      boolean valid = rate == null || (rate instanceof Integer || rate instanceof Long)
          && ((Number) rate).longValue() >= 1 && ((Number) rate).longValue() <= MAX_RATE;
      if (!valid) {
        throw malformed("rate must be an integer from 1 to " + MAX_RATE + ", or null");
      }
      out.put(RATE, rate == null ? null : ((Number) rate).intValue());
    }
    if (json.containsKey("status")) {
      if (!(json.getValue("status") instanceof String s) || !STATUS.contains(s)) {
        throw malformed("status must be one of " + STATUS);
      }
      out.put("status", json.getValue("status"));
    }
    return out;
  }

  private static JsonObject point(Object value, String field, boolean withSize) {
    if (value == null) {
      return null;
    }
    if (!(value instanceof JsonObject obj)) {
      throw malformed(field + " must be an object or null");
    }
    JsonObject out = new JsonObject();
    for (String key : withSize ? new String[] {"x", "y", "w", "h"} : new String[] {"x", "y"}) {
      if (!(obj.getValue(key) instanceof Number n) || !Double.isFinite(n.doubleValue())
          || Math.abs(n.doubleValue()) > 10_000_000) {
        throw malformed(field + "." + key + " must be a finite number");
      }
      out.put(key, n);
    }
    return out;
  }

  private static JsonArray selection(Object value) {
    if (!(value instanceof JsonArray ids) || ids.size() > MAX_SELECTION) {
      throw malformed("selection must be an array of at most " + MAX_SELECTION + " record ids");
    }
    for (Object id : ids) {
      if (!(id instanceof String s) || !ID.matcher(s).matches()) {
        throw malformed("selection must hold record ids");
      }
    }
    return ids;
  }

  private static CrossboardException malformed(String message) {
    return new CrossboardException(ErrorCode.ERR_MALFORMED, message);
  }
}
