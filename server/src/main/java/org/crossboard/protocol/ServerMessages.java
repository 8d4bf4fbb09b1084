package org.crossboard.protocol;

import org.crossboard.error.ErrorCode;
import org.crossboard.error.CrossboardException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Builders for server→client frames, so every frame's shape lives in one place. */
public final class ServerMessages {
  private ServerMessages() {}

  public static JsonObject error(String id, ErrorCode code, String message, Integer changeIndex) {
    JsonObject json = new JsonObject().put("t", MessageType.ERROR.wire());
    if (id != null) {
      json.put("id", id);
    }
    json.put("code", code.name()).put("message", message);
    if (changeIndex != null) {
      json.put("change", changeIndex);
    }
    return json;
  }

  public static JsonObject error(String id, CrossboardException e) {
    return error(id, e.code(), e.getMessage(), e.changeIndex());
  }

  public static JsonObject ack(String id, long seq) {
    return new JsonObject().put("t", MessageType.ACK.wire()).put("id", id).put("seq", seq);
  }

  public static JsonObject duplicateAck(String id) {
    return new JsonObject().put("t", MessageType.ACK.wire()).put("id", id).put("duplicate", true);
  }

  public static JsonObject ops(String id, JsonArray ops) {
    return new JsonObject().put("t", MessageType.OPS.wire()).put("id", id).put("ops", ops);
  }

  /** Sent just before a close on transports that cannot carry close codes (SockJS). */
  public static JsonObject closing(CloseCode code, String reason) {
    return new JsonObject().put("t", MessageType.CLOSING.wire()).put("code", code.code()).put("reason", reason);
  }

  /** The receiver's role on the board changed while connected (SPEC.md A5), with what it now allows. */
  public static JsonObject role(String role, JsonArray allowed) {
    return new JsonObject().put("t", MessageType.ROLE.wire()).put("role", role).put("allowed", allowed);
  }

  public static JsonObject pong(String id, long now) {
    return new JsonObject().put("t", MessageType.PONG.wire()).put("id", id).put("at", now);
  }

  public static JsonObject limits() {
    return new JsonObject()
        .put("maxFrameBytes", Limits.MAX_FRAME_BYTES)
        .put("maxChangesPerPush", Limits.MAX_CHANGES_PER_PUSH)
        .put("maxTextLength", Limits.MAX_TEXT_LENGTH)
        .put("pushesPerSecond", Limits.PUSHES_PER_SECOND);
  }
}
