package org.crossboard.session;

import io.vertx.core.json.JsonObject;

/** One item of the agenda: planned minutes, an optional frame it happens in, and its rules. */
public record Phase(String id, String title, int minutes, String frame, PhaseRules rules) {

  public JsonObject toJson() {
    return new JsonObject().put("id", id).put("title", title).put("minutes", minutes).put("frame", frame)
        .put("rules", rules.toJson());
  }

  public static Phase fromJson(JsonObject json) {
    return new Phase(json.getString("id"), json.getString("title"), json.getInteger("minutes"),
        json.getString("frame"), PhaseRules.fromJson(json.getJsonObject("rules")));
  }
}
