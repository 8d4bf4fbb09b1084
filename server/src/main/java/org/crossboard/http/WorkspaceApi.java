package org.crossboard.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.crossboard.access.AccessService;
import org.crossboard.access.Action;
import org.crossboard.access.BoardRoles;
import org.crossboard.access.WorkspaceService;
import org.crossboard.audit.AuditLog;
import org.crossboard.lifecycle.BoardService;

/** Workspaces, their members and their boards (docs/API.md "Workspaces and members"). */
final class WorkspaceApi {
  private final WorkspaceService workspaces;
  private final BoardRoles boardRoles;
  private final AccessService access;
  private final BoardService boards;
  private final AuditLog audit;
  private final Api api;

  WorkspaceApi(WorkspaceService workspaces, BoardRoles boardRoles, AccessService access, BoardService boards,
      AuditLog audit, Api api) {
    this.workspaces = workspaces;
    this.boardRoles = boardRoles;
    this.access = access;
    this.boards = boards;
    this.audit = audit;
    this.api = api;
  }

  void mount(Router router) {
    router.get("/api/workspaces").handler(ctx -> api.authed(ctx, 200, workspaces::list));
    router.post("/api/workspaces").handler(ctx -> api.authed(ctx, 201, RequestBodies::workspaceName,
        (caller, name) -> workspaces.create(caller, name, api.ip(ctx))));
    router.get("/api/workspaces/:ws").handler(ctx -> api.authed(ctx, 200, caller -> workspaces.view(caller, ws(ctx))));
    router.get("/api/workspaces/:ws/members").handler(ctx -> api.authed(ctx, 200, caller ->
        workspaces.members(caller, ws(ctx))));
    router.put("/api/workspaces/:ws/members/:user").handler(ctx -> api.authed(ctx, 200, RequestBodies::role,
        (caller, role) -> workspaces.setRole(caller, ws(ctx), ctx.pathParam("user"), role, api.ip(ctx))));
    router.delete("/api/workspaces/:ws/members/:user").handler(ctx -> api.authed(ctx, 204, caller ->
        workspaces.remove(caller, ws(ctx), ctx.pathParam("user"), api.ip(ctx))));
    router.get("/api/workspaces/:ws/boards").handler(ctx -> api.authed(ctx, 200, caller ->
        boardRoles.visibleBoards(caller, ws(ctx))));
    router.post("/api/workspaces/:ws/boards").handler(ctx -> api.authed(ctx, 201, RequestBodies::boardTitle,
        (caller, title) -> access.requireWorkspace(caller, ws(ctx), Action.CREATE_BOARD).compose(s ->
            boards.create(s.value().id(), title).compose(board ->
                audit.record(AuditLog.workspaceChain(board.workspace()), caller.actor(), "board.created", board.id(),
                        new JsonObject().put("title", title), api.ip(ctx))
                    .map(v -> board.toJson().put("role", s.role().wire()))))));
  }

  private static String ws(RoutingContext ctx) {
    return ctx.pathParam("ws");
  }
}
