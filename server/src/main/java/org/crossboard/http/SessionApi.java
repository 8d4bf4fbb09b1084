package org.crossboard.http;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.crossboard.access.AccessService;
import org.crossboard.access.AccountService;
import org.crossboard.access.Action;
import org.crossboard.access.Caller;
import org.crossboard.access.Role;
import org.crossboard.error.CrossboardException;
import org.crossboard.error.ErrorCode;
import org.crossboard.session.Recap;
import org.crossboard.session.Session;
import org.crossboard.session.SessionViews;
import org.crossboard.store.AttendanceStore;
import org.crossboard.store.SessionStore;

/**
 * A board's live sessions over REST (docs/API.md "Sessions"): the list, one session, its
 * attendance (facilitators) and its recap as Markdown, JSON or CSV. A session is answered as the
 * caller's audience sees it on the socket — never a ballot of an open vote (SPEC.md L6); one
 * session also comes with the ballots of its closed votes, to check them (L7).
 */
final class SessionApi {
  private final AccessService access;
  private final SessionStore sessions;
  private final AttendanceStore attendance;
  private final Api api;

  SessionApi(AccessService access, SessionStore sessions, AttendanceStore attendance, Api api) {
    this.access = access;
    this.sessions = sessions;
    this.attendance = attendance;
    this.api = api;
  }

  void mount(Router router) {
    router.get("/api/boards/:id/sessions").handler(ctx -> api.authed(ctx, 200, caller ->
        access.requireBoard(caller, ctx.pathParam("id"), Action.VIEW_SESSIONS).compose(s ->
            sessions.listForBoard(s.value().id()).map(docs -> {
              JsonArray out = new JsonArray();
              docs.forEach(doc -> out.add(view(Session.fromJson(doc), s.role())));
              return new JsonObject().put("sessions", out);
            }))));
    router.get("/api/boards/:id/sessions/:sid").handler(ctx -> api.authed(ctx, 200, caller ->
        access.requireBoard(caller, ctx.pathParam("id"), Action.VIEW_SESSIONS).compose(s ->
            session(ctx).map(session -> view(session, s.role()).put("ballots", SessionViews.ballots(session))))));
    router.get("/api/boards/:id/sessions/:sid/attendance").handler(ctx -> api.authed(ctx, 200, caller ->
        access.requireBoard(caller, ctx.pathParam("id"), Action.VIEW_ATTENDANCE).compose(s -> session(ctx))
            .compose(session -> attendance.list(session.id()).map(events -> new JsonObject()
                .put("session", session.id()).put("events", new JsonArray(events))))));
    router.get("/api/boards/:id/sessions/:sid/recap").handler(ctx -> api.authed(ctx, 200, caller ->
        access.requireBoard(caller, ctx.pathParam("id"), Action.VIEW_SESSIONS).compose(s -> session(ctx)
            .compose(session -> recap(ctx, session, s.role(), recapLanguage(ctx, caller))))));
  }

  /** The session named in the path, if it is this board's. */
  private Future<Session> session(RoutingContext ctx) {
    return sessions.get(ctx.pathParam("sid")).compose(doc -> doc == null || !ctx.pathParam("id").equals(doc.getString("board"))
        ? Future.failedFuture(CrossboardException.notFound("no such session on this board"))
        : Future.succeededFuture(Session.fromJson(doc)));
  }

  private static JsonObject view(Session session, Role role) {
    return role.atLeast(Role.FACILITATOR) ? SessionViews.forFacilitators(session) : SessionViews.forParticipants(session);
  }

  /**
   * The language of a Markdown recap: {@code ?lang=} when it is an account language (the web
   * client sends its own), else the caller's account's, else English.
   */
  private static String recapLanguage(RoutingContext ctx, Caller caller) {
    String asked = ctx.queryParams().get("lang");
    if (asked != null && AccountService.LANGUAGES.contains(asked)) {
      return asked;
    }
    return caller.account() != null ? caller.account().lang() : AccountService.DEFAULT_LANGUAGE;
  }

  /** The recap; who attended (names, organisations, countries) only for facilitators, as on the socket. */
  private static Future<Object> recap(RoutingContext ctx, Session session, Role role, String lang) {
    JsonObject recap = view(session, role).getJsonObject("recap");
    if (recap == null) {
      return Future.failedFuture(new CrossboardException(ErrorCode.ERR_SESSION_STATE,
          "the recap is made when the session ends"));
    }
    String format = ctx.queryParams().get("format");
    String file = "recap-" + session.id();
    if ("md".equals(format)) {
      ctx.response().putHeader("Content-Type", "text/markdown; charset=utf-8")
          .putHeader("Content-Disposition", "attachment; filename=\"" + file + ".md\"");
      ctx.response().putHeader("Content-Language", lang);
      return Future.succeededFuture(Recap.markdown(recap, lang));
    }
    if ("csv".equals(format)) {
      ctx.response().putHeader("Content-Type", "text/csv; charset=utf-8")
          .putHeader("Content-Disposition", "attachment; filename=\"" + file + ".csv\"");
      return Future.succeededFuture(Recap.csv(recap));
    }
    if ("json".equals(format)) {
      ctx.response().putHeader("Content-Disposition", "attachment; filename=\"" + file + ".json\"");
    }
    return Future.succeededFuture(recap);
  }
}
