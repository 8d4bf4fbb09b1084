package org.crossboard.thread;

import org.crossboard.access.Role;

/**
 * Who sends a thread command: their account, name, role on the board and whether the account is a
 * guest (no sign-up, joined by link). Rights follow docs/COMMENTS.md "Who may do what".
 */
public record Actor(String userId, String name, Role role, boolean guest) {

  /** How their comments are signed now (SPEC.md K10). */
  public Author author() {
    return Author.of(userId, name, role, guest);
  }

  /** Owners and facilitators: they may remove anyone's comment (SPEC.md K3). */
  public boolean facilitator() {
    return role != null && role.atLeast(Role.FACILITATOR);
  }

  /** Commenter and up ({@code PUSH_COMMENT}): may start threads, reply and react. */
  public boolean mayComment() {
    return role != null && role.atLeast(Role.COMMENTER);
  }

  /** Editors and up: may resolve, reopen and move any thread, not only their own. */
  public boolean editor() {
    return role != null && role.canEdit();
  }
}
