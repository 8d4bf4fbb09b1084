package org.crossboard.thread;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.crossboard.access.Role;
import org.crossboard.error.CrossboardException;

/**
 * A person ({@code user}) or a group ({@code group}) a comment mentions, exactly one of the two
 * (SPEC.md K6). Groups are the board's {@value #FACILITATORS} (owners and facilitators),
 * {@value #ADVISORY_BOARD} (commenters) and {@value #TEAM} (editors). Names are not stored: clients
 * show the person's current name from the board's people.
 */
public record Mention(String user, String group) {
  public static final String FACILITATORS = "facilitators";
  public static final String ADVISORY_BOARD = "advisory-board";
  public static final String TEAM = "team";
  public static final Set<String> GROUPS = Set.of(FACILITATORS, ADVISORY_BOARD, TEAM);

  public Mention {
    if ((user == null) == (group == null)) {
      throw new IllegalArgumentException("a mention names exactly one of user and group");
    }
  }

  public static Mention ofUser(String userId) {
    return new Mention(userId, null);
  }

  public static Mention ofGroup(String group) {
    return new Mention(null, group);
  }

  /** Whether someone with this role on the board is in the mentioned group. */
  public boolean groupHas(Role role) {
    if (group == null || role == null) {
      return false;
    }
    switch (group) {
      case FACILITATORS:
        return role.atLeast(Role.FACILITATOR);
      case ADVISORY_BOARD:
        return role == Role.COMMENTER;
      case TEAM:
        return role == Role.EDITOR;
      default:
        return false;
    }
  }

  /**
   * The mentions that stay (SPEC.md K6): groups, and people who can read the board
   * ({@code boardPeople}: user id → role); a mention of anyone else is dropped without telling
   * them or the author who has no access.
   */
  public static List<Mention> readable(List<Mention> mentions, Map<String, Role> boardPeople) {
    return mentions.stream().filter(m -> m.group != null || boardPeople.containsKey(m.user)).toList();
  }

  /** {@code {"user":…}} or {@code {"group":…}}. */
  public JsonObject toJson() {
    return user != null ? new JsonObject().put("user", user) : new JsonObject().put("group", group);
  }

  /** A mention as a client sends it or a comment stores it; {@code field} names it in errors. */
  static Mention fromJson(JsonObject json, String field) {
    String user = Fields.id(json, "user", field + ".user", false);
    String group = Fields.string(json, "group", field + ".group", false);
    if ((user == null) == (group == null)) {
      throw CrossboardException.invalid(field + " must name exactly one of user and group");
    }
    if (group != null && !GROUPS.contains(group)) {
      throw CrossboardException.invalid(field + ".group must be facilitators, advisory-board or team");
    }
    return new Mention(user, group);
  }
}
