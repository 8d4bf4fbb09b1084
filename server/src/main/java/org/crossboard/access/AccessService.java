package org.crossboard.access;

import org.crossboard.error.ErrorCode;
import org.crossboard.error.CrossboardException;
import io.vertx.core.Future;
import org.crossboard.store.BoardInfo;
import org.crossboard.store.Grant;
import org.crossboard.store.Stores;
import org.crossboard.store.Workspace;

/**
 * Answers "what is this person's role here, now?" from the stores, never from a cache or a token,
 * so a change applies to the very next check (SPEC.md A4). Workspace owners are owners on every
 * board of their workspace; otherwise a board role overrides the workspace role.
 */
public final class AccessService {
  private final Stores stores;

  public AccessService(Stores stores) {
    this.stores = stores;
  }

  /** The person's role on the workspace, or null. */
  public Future<Role> workspaceRole(String userId, String workspace) {
    return stores.grants().get(Grant.workspaceScope(workspace), userId).map(g -> g == null ? null : g.role());
  }

  /** The account holder's effective role on the board, or null. */
  public Future<Role> boardRole(String userId, BoardInfo board) {
    return workspaceRole(userId, board.workspace()).compose(ws -> {
      if (ws == Role.OWNER) {
        return Future.succeededFuture(Role.OWNER);
      }
      return stores.grants().get(Grant.boardScope(board.id()), userId).map(g -> g != null ? g.role() : ws);
    });
  }

  /**
   * A guest's role on the board: the one in their token while the invitation they came through
   * is neither revoked nor expired and is for this board; else null.
   */
  public Future<Role> guestRole(String inviteId, Role role, String boardId) {
    return stores.invites().get(inviteId).map(invite ->
        invite != null && !invite.revoked() && invite.expiresAt() > System.currentTimeMillis()
            && boardId.equals(invite.board()) ? role : null);
  }

  /** The caller's role on the board, or null. */
  public Future<Role> roleOn(Caller caller, BoardInfo board) {
    return caller.guest() ? guestRole(caller.claims().invite(), caller.claims().role(), board.id())
        : boardRole(caller.userId(), board);
  }

  /**
   * The board, if the caller may do {@code action} on it. Fails with 404 when the board does not
   * exist or the caller has no role on it (existence is not revealed), 403 when the role is too weak.
   */
  public Future<Scoped<BoardInfo>> requireBoard(Caller caller, String boardId, Action action) {
    return stores.boards().get(boardId).compose(board -> {
      if (board == null) {
        return Future.failedFuture(boardNotFound());
      }
      return roleOn(caller, board).compose(role -> check(role, action, board, boardNotFound()));
    });
  }

  /** The workspace, if the caller may do {@code action} on it (404/403 as for boards). */
  public Future<Scoped<Workspace>> requireWorkspace(Caller caller, String workspaceId, Action action) {
    if (caller.guest()) {
      return Future.failedFuture(CrossboardException.notFound("no such workspace"));
    }
    return stores.workspaces().get(workspaceId).compose(ws -> {
      if (ws == null) {
        return Future.failedFuture(CrossboardException.notFound("no such workspace"));
      }
      return workspaceRole(caller.userId(), workspaceId)
          .compose(role -> check(role, action, ws, CrossboardException.notFound("no such workspace")));
    });
  }

  /** No role: the target does not exist for the caller ({@code notFound}); too weak a role: 403. */
  private static <T> Future<Scoped<T>> check(Role role, Action action, T target, CrossboardException notFound) {
    if (role == null) {
      return Future.failedFuture(notFound);
    }
    if (!action.allows(role)) {
      return Future.failedFuture(CrossboardException.forbidden(
          "role " + role.wire() + " may not " + action.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')));
    }
    return Future.succeededFuture(new Scoped<>(target, role));
  }

  static CrossboardException boardNotFound() {
    return new CrossboardException(ErrorCode.ERR_BOARD_NOT_FOUND, "no such board");
  }

  /** Something the caller may act on, with their role on it. */
  public record Scoped<T>(T value, Role role) {}
}
