package org.crossboard.http;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import org.crossboard.access.AccountService;

/** Sign-up, sign-in, renewal, sign-out and "me" (docs/API.md "Accounts"). */
final class AuthApi {
  private final AccountService accounts;
  private final Api api;

  AuthApi(AccountService accounts, Api api) {
    this.accounts = accounts;
    this.api = api;
  }

  void mount(Router router) {
    router.post("/api/auth/signup").handler(ctx -> Api.run(ctx, 201, RequestBodies::signUp, signUp ->
        accounts.signUp(signUp, api.ip(ctx)).map(AuthApi::signedIn)));
    router.post("/api/auth/signin").handler(ctx -> Api.run(ctx, 200, RequestBodies::signIn, signIn ->
        accounts.signIn(signIn.email(), signIn.password(), api.ip(ctx)).map(AuthApi::signedIn)));
    router.post("/api/auth/renew").handler(ctx -> api.authed(ctx, 200, caller ->
        accounts.renew(caller).map(AuthApi::signedIn)));
    router.post("/api/auth/signout").handler(ctx -> api.authed(ctx, 204, caller ->
        accounts.signOut(caller, api.ip(ctx))));
    router.post("/api/auth/password").handler(ctx -> api.authed(ctx, 204, RequestBodies::passwordChange,
        (caller, change) -> accounts.changePassword(caller, change.current(), change.next(), api.ip(ctx))));
    router.post("/api/auth/signout-everywhere").handler(ctx -> api.authed(ctx, 204, caller ->
        accounts.signOutEverywhere(caller, api.ip(ctx))));
    router.get("/api/me").handler(ctx -> api.authed(ctx, 200, caller -> Future.succeededFuture(caller.guest()
        ? new JsonObject().put("id", caller.userId()).put("name", caller.name()).put("guest", true)
        : AccountService.toJson(caller.account()))));
    router.patch("/api/me").handler(ctx -> api.authed(ctx, 200, RequestBodies::accountLanguage,
        (caller, lang) -> accounts.setLanguage(caller, lang).map(AccountService::toJson)));
  }

  private static JsonObject signedIn(AccountService.SignedIn s) {
    return new JsonObject().put("token", s.token()).put("expiresAt", s.expiresAt())
        .put("user", AccountService.toJson(s.account()));
  }
}
