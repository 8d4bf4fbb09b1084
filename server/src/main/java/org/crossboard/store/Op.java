package org.crossboard.store;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * One sequenced push: the unit of the op log and of broadcast. {@code changes} are canonical.
 *
 * @param user {@code {"id":…,"name":…}} of the author
 */
public record Op(long seq, String clientId, long clientSeq, JsonObject user, long at, JsonArray changes) {

  /** The wire and storage form (without the board id). */
  public JsonObject toJson() {
    return new JsonObject()
        .put("seq", seq)
        .put("clientId", clientId)
        .put("clientSeq", clientSeq)
        .put("user", user)
        .put("at", at)
        .put("changes", changes);
  }

  public static Op fromJson(JsonObject json) {
    return new Op(
        json.getLong("seq"),
        json.getString("clientId"),
        json.getLong("clientSeq"),
        json.getJsonObject("user"),
        json.getLong("at"),
        json.getJsonArray("changes"));
  }
}
