package org.crossboard.protocol;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.crossboard.error.CrossboardException;
import org.crossboard.error.ErrorCode;

/**
 * Decodes client frames: the envelope every frame shares ({@code t}, {@code id}, size, JSON object)
 * and the core message types (hello, push, fetch). Features decode their own types from the parsed
 * frame. Every failure is a {@link CrossboardException} naming exactly what is wrong. Validation
 * of change contents belongs to the board, not here.
 */
public final class ClientFrames {
  private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9_-]{8,64}");
  private static final Pattern BOARD_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  private ClientFrames() {}

  /** Parses a frame into its JSON object (size and shape checked); its type is not yet looked at. */
  public static JsonObject parse(String text) {
    if (utf8Length(text) > Limits.MAX_FRAME_BYTES) {
      throw new CrossboardException(ErrorCode.ERR_TOO_LARGE, "frame exceeds " + Limits.MAX_FRAME_BYTES + " bytes");
    }
    try {
      if (io.vertx.core.json.Json.decodeValue(text) instanceof JsonObject frame) {
        return frame;
      }
      throw new CrossboardException(ErrorCode.ERR_MALFORMED, "frame must be a JSON object");
    } catch (DecodeException e) {
      throw new CrossboardException(ErrorCode.ERR_MALFORMED, "frame is not valid JSON");
    }
  }

  /** The frame's type {@code t}, or null when missing or not a string. */
  public static String type(JsonObject frame) {
    return frame.getValue("t") instanceof String s ? s : null;
  }

  /** The message for an unknown type, with the type cut short. */
  public static CrossboardException unknownType(JsonObject frame) {
    String t = String.valueOf(frame.getValue("t"));
    return new CrossboardException(ErrorCode.ERR_UNKNOWN_TYPE,
        "unknown message type: " + (t.length() > 40 ? t.substring(0, 40) + "…" : t));
  }

  /** The request id to echo, or null. */
  public static String requestId(JsonObject frame) {
    Object id = frame.getValue("id");
    return id instanceof String s && s.length() <= Limits.MAX_REQUEST_ID_LENGTH ? s : null;
  }

  /** The request id of a frame that could not be parsed, for echoing in the error (SPEC.md P4). */
  public static String requestIdOf(String text) {
    return RequestIdScanner.scan(text, Limits.MAX_REQUEST_ID_LENGTH);
  }

  /** The first frame of a connection. */
  public static ClientMessage.Hello hello(JsonObject frame) {
    if (!MessageType.HELLO.wire().equals(type(frame))) {
      throw new CrossboardException(ErrorCode.ERR_BAD_HELLO, "the first frame must be hello");
    }
    return new ClientMessage.Hello(requestId(frame),
        wholeNumber(frame, "protocol"),
        string(frame, "board", BOARD_ID),
        string(frame, "clientId", CLIENT_ID),
        optionalString(frame, "token"),
        optionalLong(frame, "lastSeq"));
  }

  public static ClientMessage.Push push(JsonObject frame) {
    return new ClientMessage.Push(requestId(frame), positiveLong(frame, "clientSeq"), changes(frame));
  }

  public static ClientMessage.Fetch fetch(JsonObject frame) {
    return new ClientMessage.Fetch(requestId(frame), nonNegativeLong(frame, "from"), nonNegativeLong(frame, "to"));
  }

  private static JsonArray changes(JsonObject frame) {
    if (!(frame.getValue("changes") instanceof JsonArray arr)) {
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

  /**
   * An integer of any size: compared as a whole number, so no value wraps around into range
   * (a protocol of 2^32 + 1 is far too new, never version 1).
   */
  private static double wholeNumber(JsonObject frame, String field) {
    if (frame.getValue(field) instanceof Number n && Double.isFinite(n.doubleValue())
        && n.doubleValue() == Math.rint(n.doubleValue())) {
      return n.doubleValue();
    }
    throw new CrossboardException(ErrorCode.ERR_MALFORMED, field + " must be an integer");
  }

  private static long positiveLong(JsonObject frame, String field) {
    long v = nonNegativeLong(frame, field);
    if (v == 0) {
      throw new CrossboardException(ErrorCode.ERR_MALFORMED, field + " must be positive");
    }
    return v;
  }

  private static long nonNegativeLong(JsonObject frame, String field) {
    Long v = optionalLong(frame, field);
    if (v == null) {
      throw new CrossboardException(ErrorCode.ERR_MALFORMED, field + " is required");
    }
    return v;
  }

  private static Long optionalLong(JsonObject frame, String field) {
    Object v = frame.getValue(field);
    if (v == null) {
      return null;
    }
    if ((v instanceof Integer || v instanceof Long) && ((Number) v).longValue() >= 0) {
      return ((Number) v).longValue();
    }
    throw new CrossboardException(ErrorCode.ERR_MALFORMED, field + " must be a non-negative integer");
  }

  private static String string(JsonObject frame, String field, Pattern pattern) {
    if (frame.getValue(field) instanceof String s && pattern.matcher(s).matches()) {
      return s;
    }
    throw new CrossboardException(ErrorCode.ERR_MALFORMED, field + " must match " + pattern.pattern());
  }

  private static String optionalString(JsonObject frame, String field) {
    Object v = frame.getValue(field);
    if (v == null || v instanceof String) {
      return (String) v;
    }
    throw new CrossboardException(ErrorCode.ERR_MALFORMED, field + " must be a string");
  }

  /** UTF-8 size without allocating, stopping early once it is clearly small. */
  static int utf8Length(String s) {
    if (s.length() * 3 <= Limits.MAX_FRAME_BYTES) {
      return s.length();
    }
    return s.getBytes(StandardCharsets.UTF_8).length;
  }
}
