package org.crossboard.http;

import io.vertx.ext.web.Router;
import org.crossboard.access.InviteService;

/**
 * Invitation links (docs/API.md "Invitations"). Codes only ever travel in request bodies: a code in
 * a URL would end up in proxy and server logs.
 */
final class InviteApi {
  private final InviteService invites;
  private final Api api;

  InviteApi(InviteService invites, Api api) {
    this.invites = invites;
    this.api = api;
  }

  void mount(Router router) {
    router.post("/api/workspaces/:ws/invites").handler(ctx -> api.authed(ctx, 201, RequestBodies::newInvite,
        (caller, invite) -> invites.create(caller, ctx.pathParam("ws"), invite, api.ip(ctx))));
    router.get("/api/workspaces/:ws/invites").handler(ctx -> api.authed(ctx, 200, caller ->
        invites.list(caller, ctx.pathParam("ws"))));
    router.get("/api/boards/:id/invites").handler(ctx -> api.authed(ctx, 200, caller ->
        invites.listForBoard(caller, ctx.pathParam("id"))));
    router.delete("/api/invites/:id").handler(ctx -> api.authed(ctx, 204, caller ->
        invites.revoke(caller, ctx.pathParam("id"), api.ip(ctx))));
    router.post("/api/invites/preview").handler(ctx -> Api.run(ctx, 200, RequestBodies::inviteCode,
        invites::preview));
    router.post("/api/invites/accept").handler(ctx -> api.authed(ctx, 200, RequestBodies::inviteCode,
        (caller, code) -> invites.accept(caller, code, api.ip(ctx))));
    router.post("/api/invites/guest").handler(ctx -> Api.run(ctx, 200, RequestBodies::guestJoin, join ->
        invites.guest(join, api.ip(ctx))));
  }
}
