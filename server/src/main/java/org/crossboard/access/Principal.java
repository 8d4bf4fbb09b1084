package org.crossboard.access;

import io.vertx.core.json.JsonObject;

/** Who is behind a connection, as established at the handshake. */
public record Principal(String userId, String name, Role role) {

  /** The {@code user} object stamped on ops. */
  public JsonObject toJson() {
    return new JsonObject().put("id", userId).put("name", name);
  }
}
