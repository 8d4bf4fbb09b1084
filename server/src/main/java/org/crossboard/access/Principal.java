package org.crossboard.access;

import io.vertx.core.json.JsonObject;
import org.crossboard.presence.PresenceColors;

/**
 * Who is behind a connection and with what role on its board, as established at the handshake and
 * updated whenever the person's role changes (SPEC.md A5).
 *
 * @param org organisation, may be null
 * @param country country, may be null
 * @param workspace the workspace of the board joined
 * @param session the account session the token named; null for guests
 * @param invite for guests, the invitation they came through; null for accounts
 * @param accessUntil epoch ms after which the connection must close (guests: their link's expiry)
 */
public record Principal(String userId, String name, String org, String country, Role role, String workspace,
    String session, String invite, long accessUntil) {

  /** An account holder without session details (room-level tests). */
  public static Principal of(String userId, String name, Role role) {
    return new Principal(userId, name, null, null, role, null, null, null, Long.MAX_VALUE);
  }

  public boolean guest() {
    return invite != null;
  }

  public Principal withRole(Role newRole) {
    return new Principal(userId, name, org, country, newRole, workspace, session, invite, accessUntil);
  }

  /**
   * Everything about the person a node that forwards their push to the board's sequencing node
   * passes along: that node checks the changes against this role, as it stood when the forwarding
   * node (which holds the connection and re-checks it) received the push.
   */
  public JsonObject toForwarded() {
    return new JsonObject().put("userId", userId).put("name", name).put("org", org).put("country", country)
        .put("role", role.wire()).put("workspace", workspace).put("session", session).put("invite", invite)
        .put("accessUntil", accessUntil);
  }

  /** The principal a forwarded push came with (see {@link #toForwarded()}). */
  public static Principal fromForwarded(JsonObject json) {
    return new Principal(json.getString("userId"), json.getString("name"), json.getString("org"),
        json.getString("country"), Role.parse(json.getString("role")), json.getString("workspace"),
        json.getString("session"), json.getString("invite"), json.getLong("accessUntil", Long.MAX_VALUE));
  }

  /** The {@code user} object stamped on ops. */
  public JsonObject toJson() {
    return new JsonObject().put("id", userId).put("name", name);
  }

  /** The {@code user} object shown in presence. */
  public JsonObject presenceUser() {
    return toJson().put("org", org).put("country", country).put("color", PresenceColors.forUser(userId))
        .put("guest", guest());
  }
}
