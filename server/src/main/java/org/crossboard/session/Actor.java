package org.crossboard.session;

import io.vertx.core.json.JsonObject;
import org.crossboard.access.Role;

/**
 * Who acts in a session, with what the recap and breakouts need to know of them. Facilitators are
 * people whose board role is {@code facilitator} or {@code owner} (docs/SESSIONS.md "Who may do what").
 */
public record Actor(String userId, String name, String org, String country, Role role) {

  /** Whether this person drives the session (SPEC.md L1). */
  public boolean facilitator() {
    return role != null && role.atLeast(Role.FACILITATOR);
  }

  /** {@code {id, name}}, as summons and audit entries name the actor. */
  public JsonObject ref() {
    return new JsonObject().put("id", userId).put("name", name);
  }
}
