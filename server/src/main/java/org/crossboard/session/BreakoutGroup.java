package org.crossboard.session;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** A breakout group: its members (user ids) and an optional frame it works in. */
public record BreakoutGroup(String id, String name, String frame, List<String> members) {
  public BreakoutGroup {
    members = List.copyOf(members);
  }

  public JsonObject toJson() {
    return new JsonObject().put("id", id).put("name", name).put("frame", frame)
        .put("members", new JsonArray(members));
  }

  public static BreakoutGroup fromJson(JsonObject json) {
    return new BreakoutGroup(json.getString("id"), json.getString("name"), json.getString("frame"),
        json.getJsonArray("members").stream().map(String.class::cast).toList());
  }
}
