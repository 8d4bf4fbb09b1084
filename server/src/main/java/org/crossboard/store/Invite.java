package org.crossboard.store;

import io.vertx.core.json.JsonObject;
import org.crossboard.access.Role;

/**
 * An invitation link. {@code id} is the SHA-256 of the link's secret code, so the stored
 * invitations cannot be turned back into working links.
 *
 * @param board null for an invitation to the whole workspace
 * @param remaining uses left; the link works while this is above zero
 */
public record Invite(String id, String workspace, String board, Role role, long expiresAt, int maxUses,
    int remaining, boolean revoked, String createdBy, long createdAt) {

  /** This invitation with one use fewer left. */
  public Invite withOneUseTaken() {
    return new Invite(id, workspace, board, role, expiresAt, maxUses, remaining - 1, revoked, createdBy, createdAt);
  }

  /** This invitation, revoked. */
  public Invite asRevoked() {
    return new Invite(id, workspace, board, role, expiresAt, maxUses, remaining, true, createdBy, createdAt);
  }

  public int uses() {
    return maxUses - remaining;
  }

  /** Whether the link can still be used at {@code now}. */
  public boolean usable(long now) {
    return !revoked && remaining > 0 && expiresAt > now;
  }

  public JsonObject toJson() {
    return new JsonObject().put("id", id).put("workspace", workspace).put("board", board)
        .put("role", role.wire()).put("expiresAt", expiresAt).put("maxUses", maxUses).put("uses", uses())
        .put("revoked", revoked).put("createdBy", createdBy).put("createdAt", createdAt);
  }
}
