package org.crossboard.store;

import org.crossboard.access.Role;

/**
 * A role given to a person on a scope: a whole workspace ({@code scope = "w:" + id}) or one board
 * of it ({@code "b:" + boardId}), which overrides the workspace role there.
 *
 * @param workspace the workspace the scope belongs to (for a workspace scope, its own id)
 */
public record Grant(String scope, String workspace, String userId, Role role, long at) {

  public static String workspaceScope(String workspaceId) {
    return "w:" + workspaceId;
  }

  public static String boardScope(String boardId) {
    return "b:" + boardId;
  }

  public boolean isBoardScope() {
    return scope.startsWith("b:");
  }

  /** The workspace or board id the scope names. */
  public String scopeId() {
    return scope.substring(2);
  }
}
