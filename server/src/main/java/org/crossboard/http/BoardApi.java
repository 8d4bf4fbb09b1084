package org.crossboard.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.crossboard.access.AccessService;
import org.crossboard.access.Action;
import org.crossboard.access.BoardRoles;
import org.crossboard.access.Role;
import org.crossboard.audit.AuditLog;
import org.crossboard.board.PrivateRecords;
import org.crossboard.lifecycle.BoardService;
import org.crossboard.store.WorkspaceStore;

/** One board: read, delete, export, board-level roles (docs/API.md "Boards"). */
final class BoardApi {
  private final AccessService access;
  private final BoardService boards;
  private final BoardRoles boardRoles;
  private final WorkspaceStore workspaces;
  private final AuditLog audit;
  private final Api api;

  BoardApi(AccessService access, BoardService boards, BoardRoles boardRoles, WorkspaceStore workspaces,
      AuditLog audit, Api api) {
    this.access = access;
    this.boards = boards;
    this.boardRoles = boardRoles;
    this.workspaces = workspaces;
    this.audit = audit;
    this.api = api;
  }

  void mount(Router router) {
    router.get("/api/boards/:id").handler(ctx -> api.authed(ctx, 200, caller ->
        access.requireBoard(caller, id(ctx), Action.VIEW_BOARD).compose(s -> workspaces.get(s.value().workspace())
            .map(ws -> s.value().toJson().put("workspaceName", ws == null ? null : ws.name())
                .put("role", s.role().wire())))));
    router.delete("/api/boards/:id").handler(ctx -> api.authed(ctx, 204, caller ->
        access.requireBoard(caller, id(ctx), Action.DELETE_BOARD).compose(s -> boards.delete(s.value().id())
            .compose(deleted -> audit.record(AuditLog.workspaceChain(s.value().workspace()), caller.actor(),
                "board.deleted", s.value().id(), new JsonObject().put("title", s.value().title()), api.ip(ctx)))
            .map(v -> null))));
    router.get("/api/boards/:id/export").handler(ctx -> api.authed(ctx, 200, caller ->
        access.requireBoard(caller, id(ctx), Action.EXPORT_BOARD).compose(s -> boards.export(s.value().id(),
            new PrivateRecords.Viewer(caller.userId(), s.role().atLeast(Role.FACILITATOR)))
            .compose(doc -> audit.record(AuditLog.workspaceChain(s.value().workspace()), caller.actor(),
                    "board.exported", s.value().id(), new JsonObject().put("seq", doc.getLong("seq")), api.ip(ctx))
                .map(v -> {
                  ctx.response().putHeader("Content-Disposition",
                      "attachment; filename=\"board-" + s.value().id() + ".json\"");
                  return doc;
                })))));
    router.get("/api/boards/:id/members").handler(ctx -> api.authed(ctx, 200, caller ->
        boardRoles.people(caller, id(ctx))));
    router.put("/api/boards/:id/members/:user").handler(ctx -> api.authed(ctx, 200, RequestBodies::role,
        (caller, role) -> boardRoles.set(caller, id(ctx), ctx.pathParam("user"), role, api.ip(ctx))));
    router.delete("/api/boards/:id/members/:user").handler(ctx -> api.authed(ctx, 204, caller ->
        boardRoles.remove(caller, id(ctx), ctx.pathParam("user"), api.ip(ctx)).map(v -> (Object) null)));
  }

  private static String id(RoutingContext ctx) {
    return ctx.pathParam("id");
  }
}
