package org.crossboard.session;

import io.vertx.core.json.JsonObject;

/**
 * What participants may do during a phase: who may add notes ({@code everyone} or
 * {@code facilitators}), whether they may vote and comment.
 */
public record PhaseRules(String notes, boolean voting, boolean comments) {
  public static final String EVERYONE = "everyone";
  public static final String FACILITATORS = "facilitators";
  /** The rules when no phase is live: everything open. */
  public static final PhaseRules OPEN = new PhaseRules(EVERYONE, true, true);

  public JsonObject toJson() {
    return new JsonObject().put("notes", notes).put("voting", voting).put("comments", comments);
  }

  public static PhaseRules fromJson(JsonObject json) {
    return new PhaseRules(json.getString("notes"), json.getBoolean("voting"), json.getBoolean("comments"));
  }
}
