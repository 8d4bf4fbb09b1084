package org.crossboard.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.crossboard.error.ErrorCode;

/** JSON responses and the one REST error shape {@code {"code","message"}}. */
final class Json {
  private Json() {}

  static void send(RoutingContext ctx, int status, String body) {
    ctx.response().setStatusCode(status)
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .end(body);
  }

  static void error(RoutingContext ctx, ErrorCode code, String message) {
    send(ctx, code.httpStatus(), new JsonObject().put("code", code.name()).put("message", message).encode());
  }
}
