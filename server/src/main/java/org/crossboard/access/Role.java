package org.crossboard.access;

import java.util.Locale;

/**
 * What a person may do on a workspace or board, strongest first. Each role may do everything the
 * roles below it may (docs/SECURITY.md), so a permission is a minimum role.
 */
public enum Role {
  OWNER, FACILITATOR, EDITOR, COMMENTER, VIEWER;

  /** Whether this role is at least {@code minimum}. */
  public boolean atLeast(Role minimum) {
    return ordinal() <= minimum.ordinal();
  }

  /** Whether this role may push changes to any record (not only comments). */
  public boolean canEdit() {
    return atLeast(EDITOR);
  }

  /**
   * The role a guest (no account) gets from a link for this role: editor, commenter and viewer
   * links keep theirs; stronger links give guests commenter (SPEC.md A8).
   */
  public Role forGuest() {
    return this == EDITOR || this == COMMENTER || this == VIEWER ? this : COMMENTER;
  }

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The role with that wire name, or null. */
  public static Role parse(Object wire) {
    if (wire instanceof String s) {
      for (Role r : values()) {
        if (r.wire().equals(s)) {
          return r;
        }
      }
    }
    return null;
  }
}
