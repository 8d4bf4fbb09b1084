package org.crossboard.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import org.crossboard.board.BoardService;
import org.crossboard.protocol.Limits;
import org.crossboard.store.BoardCatalog;

/** REST for boards: list, create, get, delete, export (docs/PROTOCOL.md "REST"). */
public final class BoardApi {
  private static final int MAX_BODY_BYTES = 64 * 1024;
  private final BoardCatalog catalog;
  private final BoardService boards;

  public BoardApi(BoardCatalog catalog, BoardService boards) {
    this.catalog = catalog;
    this.boards = boards;
  }

  public void mount(Router router) {
    router.route("/api/boards*").handler(BodyHandler.create().setBodyLimit(MAX_BODY_BYTES));
    router.get("/api/boards").handler(this::list);
    router.post("/api/boards").handler(this::create);
    router.get("/api/boards/:id").handler(this::get);
    router.delete("/api/boards/:id").handler(this::delete);
    router.get("/api/boards/:id/export").handler(this::export);
  }

  private void list(RoutingContext ctx) {
    catalog.list().onSuccess(all -> {
      JsonArray out = new JsonArray();
      all.forEach(b -> out.add(b.toJson()));
      Json.send(ctx, 200, out.encode());
    }).onFailure(ctx::fail);
  }

  private void create(RoutingContext ctx) {
    JsonObject body;
    try {
      body = ctx.body().asJsonObject();
    } catch (RuntimeException e) {
      Json.error(ctx, 400, "ERR_MALFORMED", "body must be a JSON object");
      return;
    }
    Object title = body == null ? null : body.getValue("title");
    if (!(title instanceof String t) || t.isBlank() || t.length() > Limits.MAX_TITLE_LENGTH) {
      Json.error(ctx, 400, "ERR_INVALID", "title must be 1-" + Limits.MAX_TITLE_LENGTH + " characters");
      return;
    }
    boards.create(t.strip())
        .onSuccess(b -> Json.send(ctx, 201, b.toJson().encode()))
        .onFailure(ctx::fail);
  }

  private void get(RoutingContext ctx) {
    catalog.get(ctx.pathParam("id")).onSuccess(b -> {
      if (b == null) {
        Json.error(ctx, 404, "ERR_BOARD_NOT_FOUND", "no such board");
      } else {
        Json.send(ctx, 200, b.toJson().encode());
      }
    }).onFailure(ctx::fail);
  }

  private void delete(RoutingContext ctx) {
    boards.delete(ctx.pathParam("id")).onSuccess(deleted -> {
      if (deleted) {
        ctx.response().setStatusCode(204).end();
      } else {
        Json.error(ctx, 404, "ERR_BOARD_NOT_FOUND", "no such board");
      }
    }).onFailure(ctx::fail);
  }

  private void export(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    boards.export(id).onSuccess(doc -> {
      if (doc == null) {
        Json.error(ctx, 404, "ERR_BOARD_NOT_FOUND", "no such board");
        return;
      }
      ctx.response().putHeader("Content-Disposition", "attachment; filename=\"board-" + id + ".json\"");
      Json.send(ctx, 200, doc.encode());
    }).onFailure(ctx::fail);
  }
}
