package org.crossboard.access;

import org.crossboard.error.CrossboardException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import org.crossboard.audit.AuditLog;
import org.crossboard.store.BoardInfo;
import org.crossboard.store.Grant;
import org.crossboard.store.Stores;

/**
 * Who can see which boards, and board-level roles that override workspace roles (SPEC.md A4).
 * Nobody gives a role above their own or changes the role of someone above them.
 */
public final class BoardRoles {
  private final Stores stores;
  private final AccessService access;
  private final WorkspaceService workspaces;
  private final AuditLog audit;
  private final AccessEvents events;

  public BoardRoles(Stores stores, AccessService access, WorkspaceService workspaces, AuditLog audit,
      AccessEvents events) {
    this.stores = stores;
    this.access = access;
    this.workspaces = workspaces;
    this.audit = audit;
    this.events = events;
  }

  /** The workspace's boards the caller has a role on, each with that role. */
  public Future<JsonArray> visibleBoards(Caller caller, String workspaceId) {
    if (caller.guest()) {
      return Future.failedFuture(CrossboardException.notFound("no such workspace"));
    }
    return access.workspaceRole(caller.userId(), workspaceId).compose(wsRole ->
        stores.grants().byUser(caller.userId()).compose(grants -> {
          Map<String, Role> boardRoles = new HashMap<>();
          grants.stream().filter(g -> g.isBoardScope() && g.workspace().equals(workspaceId))
              .forEach(g -> boardRoles.put(g.scopeId(), g.role()));
          if (wsRole == null && boardRoles.isEmpty()) {
            return Future.failedFuture(CrossboardException.notFound("no such workspace"));
          }
          return stores.boards().byWorkspace(workspaceId).map(boards -> {
            JsonArray out = new JsonArray();
            for (BoardInfo b : boards) {
              Role role = wsRole == Role.OWNER ? Role.OWNER : boardRoles.getOrDefault(b.id(), wsRole);
              if (role != null) {
                out.add(b.toJson().put("role", role.wire()));
              }
            }
            return out;
          });
        }));
  }

  /** Everyone with access to the board: workspace members and board-level roles, board roles winning. */
  public Future<JsonArray> people(Caller caller, String boardId) {
    return access.requireBoard(caller, boardId, Action.LIST_BOARD_PEOPLE).compose(scoped ->
        effectiveGrants(scoped.value()).compose(effective ->
            workspaces.withAccounts(new ArrayList<>(effective.values()), scoped.role() == Role.OWNER)));
  }

  /**
   * Every account holder's role on the board now, by user id (guests are not listed: their access
   * is their invitation's). Who a mention may notify, or a reply (docs/COMMENTS.md).
   */
  public Future<Map<String, Role>> readers(BoardInfo board) {
    return effectiveGrants(board).map(effective -> {
      Map<String, Role> roles = new HashMap<>();
      effective.forEach((user, grant) -> roles.put(user, grant.role()));
      return roles;
    });
  }

  /** Workspace grants overridden by board grants — except a workspace owner's, which board grants never lower. */
  private Future<Map<String, Grant>> effectiveGrants(BoardInfo board) {
    return stores.grants().byScope(Grant.workspaceScope(board.workspace())).compose(wsGrants ->
        stores.grants().byScope(Grant.boardScope(board.id())).map(boardGrants -> {
          Map<String, Grant> effective = new HashMap<>();
          wsGrants.forEach(g -> effective.put(g.userId(), g));
          boardGrants.forEach(g -> {
            Grant ws = effective.get(g.userId());
            if (ws == null || ws.role() != Role.OWNER) {
              effective.put(g.userId(), g);
            }
          });
          return effective;
        }));
  }

  /** Gives a person a role on one board (they must already belong to the workspace or board). */
  public Future<JsonObject> set(Caller caller, String boardId, String userId, Role role, String ip) {
    return access.requireBoard(caller, boardId, Action.MANAGE_BOARD_ROLES).compose(scoped -> {
      BoardInfo board = scoped.value();
      if (!scoped.role().atLeast(role)) {
        return Future.failedFuture(CrossboardException.forbidden("nobody can give a role above their own"));
      }
      return targetRole(board, userId).compose(current -> {
        if (current == null) {
          return Future.failedFuture(CrossboardException.notFound("that person has no access to this workspace"));
        }
        if (current.workspaceRole() == Role.OWNER) {
          return Future.failedFuture(CrossboardException.invalid("workspace owners are owners of every board"));
        }
        if (!scoped.role().atLeast(current.effective())) {
          return Future.failedFuture(CrossboardException.forbidden("nobody can change the role of someone above them"));
        }
        return stores.grants().put(new Grant(Grant.boardScope(boardId), board.workspace(), userId, role,
                System.currentTimeMillis()))
            .compose(v -> audit.record(AuditLog.workspaceChain(board.workspace()), caller.actor(), "board.role_changed",
                userId, new JsonObject().put("board", boardId).put("to", role.wire()), ip))
            .compose(v -> events.boardRoleChanged(boardId, userId))
            .map(v -> new JsonObject().put("user", userId).put("role", role.wire()));
      });
    });
  }

  /** Drops a board-level role: the person falls back to their workspace role (or loses access). */
  public Future<Void> remove(Caller caller, String boardId, String userId, String ip) {
    return access.requireBoard(caller, boardId, Action.MANAGE_BOARD_ROLES).compose(scoped ->
        targetRole(scoped.value(), userId).compose(current -> {
          if (current != null && !scoped.role().atLeast(current.effective())) {
            return Future.failedFuture(CrossboardException.forbidden("nobody can change the role of someone above them"));
          }
          return stores.grants().remove(Grant.boardScope(boardId), userId);
        }).compose(removed -> {
          if (!removed) {
            return Future.failedFuture(CrossboardException.notFound("no board role for that person"));
          }
          return audit.record(AuditLog.workspaceChain(scoped.value().workspace()), caller.actor(),
                  "board.role_removed", userId, new JsonObject().put("board", boardId), ip)
              .compose(v -> events.boardRoleChanged(boardId, userId));
        }));
  }

  private record TargetRole(Role workspaceRole, Role effective) {}

  private Future<TargetRole> targetRole(BoardInfo board, String userId) {
    return access.workspaceRole(userId, board.workspace()).compose(ws ->
        stores.grants().get(Grant.boardScope(board.id()), userId).compose(bg -> {
          if (ws == null && bg == null) {
            return stores.grants().byUser(userId).map(all -> all.stream().anyMatch(g ->
                g.workspace().equals(board.workspace())) ? new TargetRole(null, Role.VIEWER) : null);
          }
          Role effective = ws == Role.OWNER ? Role.OWNER : bg != null ? bg.role() : ws;
          return Future.succeededFuture(new TargetRole(ws, effective));
        }));
  }
}
