package org.crossboard.thread;

import io.vertx.core.json.JsonObject;
import org.crossboard.access.Role;

/**
 * Who wrote a comment or started a thread, as stamped when they wrote it (SPEC.md K1, K10): the
 * badge is the author's role on the board at that moment and does not change when the role does.
 */
public record Author(String id, String name, String badge) {
  public static final String FACILITATOR = "facilitator";
  public static final String TEAM_MEMBER = "team-member";
  public static final String ADVISORY_EXPERT = "advisory-expert";
  public static final String GUEST = "guest";

  /**
   * The badge a role gives (SPEC.md K10): owners and facilitators {@value #FACILITATOR}, editors
   * {@value #TEAM_MEMBER}, commenters {@value #ADVISORY_EXPERT}, viewers and guest accounts
   * {@value #GUEST} whatever their role — a guest link never makes anyone an expert.
   */
  public static Author of(String userId, String name, Role role, boolean guest) {
    return new Author(userId, name, badge(role, guest));
  }

  private static String badge(Role role, boolean guest) {
    if (guest || role == null) {
      return GUEST;
    }
    switch (role) {
      case OWNER:
      case FACILITATOR:
        return FACILITATOR;
      case EDITOR:
        return TEAM_MEMBER;
      case COMMENTER:
        return ADVISORY_EXPERT;
      default:
        return GUEST;
    }
  }

  /** {@code {id, name, badge}}. */
  public JsonObject toJson() {
    return new JsonObject().put("id", id).put("name", name).put("badge", badge);
  }

  /** {@code {id, name}}: who resolved a thread or removed a comment (no badge is shown there). */
  public JsonObject ref() {
    return new JsonObject().put("id", id).put("name", name);
  }

  /** The inverse of {@link #toJson} (and of {@link #ref}, with a null badge). */
  public static Author fromJson(JsonObject json) {
    return new Author(json.getString("id"), json.getString("name"), json.getString("badge"));
  }
}
