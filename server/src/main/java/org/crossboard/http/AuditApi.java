package org.crossboard.http;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.crossboard.error.CrossboardException;
import org.crossboard.access.AccessService;
import org.crossboard.access.Action;
import org.crossboard.audit.AuditCsv;
import org.crossboard.audit.AuditLog;

/**
 * Reading and exporting audit chains (docs/API.md "Audit log"): a workspace's chain for its
 * owners, the server chain for the administrator. Every read verifies the chain.
 */
final class AuditApi {
  private final AuditLog audit;
  private final AccessService access;
  private final Api api;

  AuditApi(AuditLog audit, AccessService access, Api api) {
    this.audit = audit;
    this.access = access;
    this.api = api;
  }

  void mount(Router router) {
    router.get("/api/workspaces/:ws/audit").handler(ctx -> api.authed(ctx, 200, caller ->
        access.requireWorkspace(caller, ctx.pathParam("ws"), Action.VIEW_AUDIT)
            .compose(s -> answer(ctx, AuditLog.workspaceChain(s.value().id())))));
    router.get("/api/audit").handler(ctx -> api.authed(ctx, 200, caller -> caller.guest() || !caller.account().admin()
        ? Future.failedFuture(CrossboardException.forbidden("only the server administrator can read the server log"))
        : answer(ctx, AuditLog.SERVER_CHAIN)));
  }

  private Future<Object> answer(RoutingContext ctx, String chain) {
    String format = ctx.queryParams().get("format");
    return audit.verify(chain).map(v -> {
      String file = "audit-" + chain.replace(':', '-');
      if ("csv".equals(format)) {
        ctx.response().putHeader("Content-Type", "text/csv; charset=utf-8")
            .putHeader("Content-Disposition", "attachment; filename=\"" + file + ".csv\"");
        return AuditCsv.of(v.entries());
      }
      JsonArray entries = new JsonArray();
      v.entries().forEach(e -> entries.add(e.toJson()));
      if ("json".equals(format)) {
        ctx.response().putHeader("Content-Disposition", "attachment; filename=\"" + file + ".json\"");
      }
      return new JsonObject().put("chain", chain).put("valid", v.valid()).put("brokenAt", v.brokenAt())
          .put("entries", entries);
    });
  }
}
