package org.crossboard.store;

import io.vertx.core.json.JsonObject;

/**
 * One line of an audit chain. {@code hash} covers {@code prev} and every other field, so a
 * changed, removed or inserted entry breaks the chain from there on.
 *
 * @param chain {@code "server"} or {@code "w:" + workspaceId}
 * @param seq 1, 2, 3… within the chain
 * @param actor {@code {id, name}} of who did it (for a failed sign-in: the email tried)
 */
public record AuditEntry(String chain, long seq, long at, JsonObject actor, String action, String target,
    JsonObject details, String ip, String prev, String hash) {

  /** The fields the hash covers, in a fixed order. */
  public JsonObject body() {
    return new JsonObject().put("chain", chain).put("seq", seq).put("at", at).put("actor", actor)
        .put("action", action).put("target", target).put("details", details).put("ip", ip).put("prev", prev);
  }

  public JsonObject toJson() {
    return body().put("hash", hash);
  }

  public static AuditEntry fromJson(JsonObject json) {
    return new AuditEntry(json.getString("chain"), json.getLong("seq"), json.getLong("at"),
        json.getJsonObject("actor"), json.getString("action"), json.getString("target"),
        json.getJsonObject("details"), json.getString("ip"), json.getString("prev"), json.getString("hash"));
  }
}
