package org.crossboard.store;

import io.vertx.core.json.JsonObject;

/** A workspace: a programme or challenge whose boards and members belong together. */
public record Workspace(String id, String name, String createdBy, long createdAt) {

  public JsonObject toJson() {
    return new JsonObject().put("id", id).put("name", name).put("createdAt", createdAt);
  }
}
