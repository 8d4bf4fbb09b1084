package org.crossboard.http;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.crossboard.access.AccessService;
import org.crossboard.access.Action;
import org.crossboard.access.Caller;
import org.crossboard.error.CrossboardException;
import org.crossboard.store.ThreadStore;
import org.crossboard.thread.Thread;
import org.crossboard.thread.ThreadCsv;
import org.crossboard.thread.WebAnnotation;

/**
 * A board's comment threads over REST (docs/API.md "Comment threads", SPEC.md K9): the list with
 * filters, one thread, and the exports — W3C Web Annotation (JSON-LD) and CSV. Anyone who can read
 * the board may read its threads.
 */
final class ThreadApi {
  private final AccessService access;
  private final ThreadStore threads;
  private final Api api;

  ThreadApi(AccessService access, ThreadStore threads, Api api) {
    this.access = access;
    this.threads = threads;
    this.api = api;
  }

  void mount(Router router) {
    // before /:tid, which would take "export" for a thread id
    router.get("/api/boards/:id/threads/export").handler(ctx -> api.authed(ctx, 200, caller ->
        access.requireBoard(caller, ctx.pathParam("id"), Action.VIEW_THREADS).compose(s ->
            all(s.value().id()).map(list -> export(ctx, s.value().id(), list)))));
    router.get("/api/boards/:id/threads").handler(ctx -> api.authed(ctx, 200, caller ->
        access.requireBoard(caller, ctx.pathParam("id"), Action.VIEW_THREADS).compose(s -> filter(ctx, caller)
            .compose(filter -> all(s.value().id()).map(list -> {
              JsonArray out = new JsonArray();
              list.stream().filter(filter).forEach(t -> out.add(t.view()));
              return new JsonObject().put("threads", out);
            })))));
    router.get("/api/boards/:id/threads/:tid").handler(ctx -> api.authed(ctx, 200, caller ->
        access.requireBoard(caller, ctx.pathParam("id"), Action.VIEW_THREADS).compose(s ->
            threads.get(ctx.pathParam("tid")).compose(doc -> doc == null || !s.value().id().equals(doc.getString("board"))
                ? Future.failedFuture(CrossboardException.notFound("no such thread on this board"))
                : Future.succeededFuture(Thread.fromJson(doc).view())))));
  }

  private Future<List<Thread>> all(String boardId) {
    return threads.listForBoard(boardId).map(docs -> {
      List<Thread> out = new ArrayList<>(docs.size());
      docs.forEach(d -> out.add(Thread.fromJson(d)));
      return out;
    });
  }

  /** {@code state=open|resolved}, {@code kind}, {@code author} (wrote a comment), {@code record}, {@code mentions=me}. */
  private static Future<Predicate<Thread>> filter(RoutingContext ctx, Caller caller) {
    Predicate<Thread> p = t -> true;
    String state = ctx.queryParams().get("state");
    if (state != null) {
      if (!state.equals(Thread.OPEN) && !state.equals(Thread.RESOLVED)) {
        return Future.failedFuture(CrossboardException.invalid("state must be open or resolved"));
      }
      p = p.and(t -> t.resolved() == state.equals(Thread.RESOLVED));
    }
    String kind = ctx.queryParams().get("kind");
    if (kind != null) {
      if (!Thread.KINDS.contains(kind)) {
        return Future.failedFuture(CrossboardException.invalid("kind must be one of " + Thread.KINDS));
      }
      p = p.and(t -> t.kind().equals(kind));
    }
    String author = ctx.queryParams().get("author");
    if (author != null) {
      p = p.and(t -> t.comments().stream().anyMatch(c -> !c.isRemoved() && author.equals(c.author().id())));
    }
    String record = ctx.queryParams().get("record");
    if (record != null) {
      p = p.and(t -> "record".equals(t.anchor().kind()) && record.equals(t.anchor().record()));
    }
    String mentions = ctx.queryParams().get("mentions");
    if (mentions != null) {
      if (!mentions.equals("me")) {
        return Future.failedFuture(CrossboardException.invalid("mentions takes only me"));
      }
      String me = caller.userId();
      p = p.and(t -> t.comments().stream().anyMatch(c -> !c.isRemoved()
          && c.mentions().stream().anyMatch(m -> me.equals(m.user()))));
    }
    return Future.succeededFuture(p);
  }

  private static Object export(RoutingContext ctx, String boardId, List<Thread> list) {
    String format = ctx.queryParams().get("format");
    String file = "comments-" + boardId;
    if ("csv".equals(format)) {
      ctx.response().putHeader("Content-Type", "text/csv; charset=utf-8")
          .putHeader("Content-Disposition", "attachment; filename=\"" + file + ".csv\"");
      return ThreadCsv.of(list);
    }
    ctx.response().putHeader("Content-Type", "application/ld+json; profile=\"http://www.w3.org/ns/anno.jsonld\"")
        .putHeader("Content-Disposition", "attachment; filename=\"" + file + ".jsonld\"");
    return WebAnnotation.export(boardIri(ctx, boardId), list).encode();
  }

  /** The board's address as people open it, the IRI annotations target (K9). */
  private static String boardIri(RoutingContext ctx, String boardId) {
    String scheme = ctx.request().scheme();
    String host = ctx.request().authority() == null ? "localhost" : ctx.request().authority().toString();
    return scheme + "://" + host + "/board.html?b=" + boardId;
  }
}
