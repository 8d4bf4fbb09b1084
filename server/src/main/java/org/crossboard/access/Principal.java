package org.crossboard.access;

import io.vertx.core.json.JsonObject;
import org.crossboard.presence.PresenceColors;

/**
 * Who is behind a connection, as established at the handshake.
 *
 * @param org organisation, may be null
 * @param country country, may be null
 */
public record Principal(String userId, String name, String org, String country, Role role) {

  /** The {@code user} object stamped on ops. */
  public JsonObject toJson() {
    return new JsonObject().put("id", userId).put("name", name);
  }

  /** The {@code user} object shown in presence. */
  public JsonObject presenceUser() {
    return toJson().put("org", org).put("country", country).put("color", PresenceColors.forUser(userId));
  }
}
