package org.crossboard.protocol;

import org.crossboard.error.ErrorCode;
import org.crossboard.error.CrossboardException;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Turns a text frame into a {@link ClientMessage}, or throws a {@link CrossboardException} naming
 * exactly what is wrong. Validation of change contents belongs to the board, not here.
 */
public final class ClientMessageDecoder {
  private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9_-]{8,64}");
  private static final Pattern REQUEST_ID_NEAR_START = Pattern.compile("\"id\"\\s*:\\s*\"([^\"\\\\]{0,64})\"");
  private static final Pattern BOARD_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  private ClientMessageDecoder() {}

  /** Decodes one frame; {@code request id} is recovered even when later fields are wrong. */
  public static ClientMessage decode(String frame) {
    if (utf8Length(frame) > Limits.MAX_FRAME_BYTES) {
      throw new CrossboardException(ErrorCode.ERR_TOO_LARGE,
          "frame exceeds " + Limits.MAX_FRAME_BYTES + " bytes");
    }
    JsonObject json;
    try {
      Object parsed = io.vertx.core.json.Json.decodeValue(frame);
      if (!(parsed instanceof JsonObject obj)) {
        throw new CrossboardException(ErrorCode.ERR_MALFORMED, "frame must be a JSON object");
      }
      json = obj;
    } catch (DecodeException e) {
      throw new CrossboardException(ErrorCode.ERR_MALFORMED, "frame is not valid JSON");
    }
    MessageType type = MessageType.clientType(json.getValue("t") instanceof String s ? s : null);
    if (type == null) {
      throw new CrossboardException(ErrorCode.ERR_UNKNOWN_TYPE,
          "unknown message type: " + truncate(String.valueOf(json.getValue("t"))));
    }
    String id = requestId(json);
    return switch (type) {
      case HELLO -> new ClientMessage.Hello(id,
          integer(json, "protocol"),
          string(json, "board", BOARD_ID),
          string(json, "clientId", CLIENT_ID),
          optionalString(json, "token"),
          optionalLong(json, "lastSeq"));
      case PUSH -> new ClientMessage.Push(id, positiveLong(json, "clientSeq"), changes(json));
      case FETCH -> new ClientMessage.Fetch(id, nonNegativeLong(json, "from"), nonNegativeLong(json, "to"));
      case PING -> new ClientMessage.Ping(id);
      case PRESENCE -> new ClientMessage.Presence(id, PresenceFields.validate(json));
      default -> throw new CrossboardException(ErrorCode.ERR_UNKNOWN_TYPE, "not a client message: " + type.wire());
    };
  }

  /** The request id of a frame that may otherwise be invalid, for echoing in the error. */
  public static String requestIdOf(String frame) {
    if (frame.length() > Limits.MAX_FRAME_BYTES) { // too big to parse again: look near the start only
      java.util.regex.Matcher m = REQUEST_ID_NEAR_START.matcher(frame.substring(0, 512));
      return m.find() ? m.group(1) : null;
    }
    try {
      Object parsed = io.vertx.core.json.Json.decodeValue(frame);
      return parsed instanceof JsonObject obj ? requestId(obj) : null;
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static String requestId(JsonObject json) {
    Object id = json.getValue("id");
    if (id instanceof String s && s.length() <= Limits.MAX_REQUEST_ID_LENGTH) {
      return s;
    }
    return null;
  }

  private static JsonArray changes(JsonObject json) {
    if (!(json.getValue("changes") instanceof JsonArray arr)) {
      throw new CrossboardException(ErrorCode.ERR_MALFORMED, "changes must be an array");
    }
    if (arr.isEmpty()) {
      throw new CrossboardException(ErrorCode.ERR_MALFORMED, "changes must not be empty");
    }
    if (arr.size() > Limits.MAX_CHANGES_PER_PUSH) {
      throw new CrossboardException(ErrorCode.ERR_TOO_LARGE,
          "a push holds at most " + Limits.MAX_CHANGES_PER_PUSH + " changes");
    }
    return arr;
  }

  private static int integer(JsonObject json, String field) {
    if (json.getValue(field) instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
      return n.intValue();
    }
    throw new CrossboardException(ErrorCode.ERR_MALFORMED, field + " must be an integer");
  }

  private static long positiveLong(JsonObject json, String field) {
    long v = nonNegativeLong(json, field);
    if (v == 0) {
      throw new CrossboardException(ErrorCode.ERR_MALFORMED, field + " must be positive");
    }
    return v;
  }

  private static long nonNegativeLong(JsonObject json, String field) {
    Long v = optionalLong(json, field);
    if (v == null) {
      throw new CrossboardException(ErrorCode.ERR_MALFORMED, field + " is required");
    }
    return v;
  }

  private static Long optionalLong(JsonObject json, String field) {
    Object v = json.getValue(field);
    if (v == null) {
      return null;
    }
    if (v instanceof Integer || v instanceof Long) {
      long l = ((Number) v).longValue();
      if (l >= 0) {
        return l;
      }
    }
    throw new CrossboardException(ErrorCode.ERR_MALFORMED, field + " must be a non-negative integer");
  }

  private static String string(JsonObject json, String field, Pattern pattern) {
    if (json.getValue(field) instanceof String s && pattern.matcher(s).matches()) {
      return s;
    }
    throw new CrossboardException(ErrorCode.ERR_MALFORMED, field + " must match " + pattern.pattern());
  }

  private static String optionalString(JsonObject json, String field) {
    Object v = json.getValue(field);
    if (v == null || v instanceof String) {
      return (String) v;
    }
    throw new CrossboardException(ErrorCode.ERR_MALFORMED, field + " must be a string");
  }

  private static String truncate(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }

  /** UTF-8 size without allocating, stopping early once it is clearly small. */
  static int utf8Length(String s) {
    if (s.length() * 3 <= Limits.MAX_FRAME_BYTES) {
      return s.length();
    }
    return s.getBytes(StandardCharsets.UTF_8).length;
  }
}
