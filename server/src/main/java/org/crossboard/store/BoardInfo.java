package org.crossboard.store;

import io.vertx.core.json.JsonObject;

/** A board's catalogue entry (its content lives in the op log and snapshots). */
public record BoardInfo(String id, String workspace, String title, long createdAt) {

  public JsonObject toJson() {
    return new JsonObject().put("id", id).put("workspace", workspace).put("title", title).put("createdAt", createdAt);
  }
}
