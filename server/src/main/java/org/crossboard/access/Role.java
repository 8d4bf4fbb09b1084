package org.crossboard.access;

/** What a person may do on a board. Until accounts exist every guest is an editor. */
public enum Role {
  OWNER, FACILITATOR, EDITOR, COMMENTER, VIEWER;

  /** Whether this role may push changes to records. */
  public boolean canEdit() {
    return this == OWNER || this == FACILITATOR || this == EDITOR;
  }

  public String wire() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
