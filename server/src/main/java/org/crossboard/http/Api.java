package org.crossboard.http;

import org.crossboard.error.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.crossboard.error.CrossboardException;
import org.crossboard.access.AccountService;
import org.crossboard.access.Caller;
import org.crossboard.logging.Logs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every REST handler shares: the body limit, the bearer token (only ever read from the
 * {@code Authorization} header), the request body parsed before the service it is for runs, the
 * client address, and one mapping from failures to {@code {"code","message"}} answers. Unexpected
 * failures are logged without request data and answered without details.
 */
final class Api {
  static final int MAX_BODY_BYTES = 64 * 1024;
  private static final Logger LOG = LoggerFactory.getLogger(Api.class);
  private final AccountService accounts;
  private final int trustedProxyHops;

  /**
   * @param trustedProxyHops how many reverse proxies in front of this node append to
   *     {@code X-Forwarded-For} (0: the socket's peer is the client)
   */
  Api(AccountService accounts, int trustedProxyHops) {
    this.accounts = accounts;
    this.trustedProxyHops = trustedProxyHops;
  }

  /**
   * Installs the body limit on every /api route, and answers what fails before a handler runs
   * (an oversized body: 413 {@code ERR_TOO_LARGE}; a form: 400 {@code ERR_MALFORMED}) in the same
   * error shape as everything else.
   */
  static void mountBodyLimit(Router router) {
    // Forms are refused unread: the body handler would decode them, and a decoding error quotes
    // the field's value (a password, a code) in the exception that reaches the log.
    router.route("/api/*").handler(ctx -> {
      if (isForm(ctx.request().getHeader(HttpHeaders.CONTENT_TYPE))) {
        Json.error(ctx, ErrorCode.ERR_MALFORMED, "body must be a JSON object");
      } else {
        ctx.next();
      }
    });
    // No file uploads either: an upload would be written to disk by anyone (unauthenticated,
    // before any handler runs) and never deleted.
    router.route("/api/*").handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES));
    router.route("/api/*").failureHandler(ctx -> {
      if (ctx.failure() != null) {
        fail(ctx, ctx.failure());
      } else {
        switch (ctx.statusCode()) {
          case 413 -> Json.error(ctx, ErrorCode.ERR_TOO_LARGE, "request body over " + MAX_BODY_BYTES + " bytes");
          case 400 -> Json.error(ctx, ErrorCode.ERR_MALFORMED, "malformed request");
          case 404 -> Json.error(ctx, ErrorCode.ERR_NOT_FOUND, "no such resource");
          case 405 -> Json.error(ctx, ErrorCode.ERR_METHOD_NOT_ALLOWED, "method not allowed on this path");
          default -> Json.error(ctx, ErrorCode.ERR_INTERNAL, "the server could not complete this request");
        }
      }
    });
  }

  private static boolean isForm(String contentType) {
    String type = contentType == null ? "" : contentType.strip().toLowerCase(Locale.ROOT);
    return type.startsWith("multipart/") || type.startsWith("application/x-www-form-urlencoded");
  }

  /** Runs {@code action} for an authenticated caller and answers with its result. */
  void authed(RoutingContext ctx, int status, Function<Caller, Future<?>> action) {
    String token = bearer(ctx);
    answer(ctx, status, accounts.authenticate(token).compose(action::apply));
  }

  /**
   * Like {@link #authed(RoutingContext, int, Function)} for a request with a body: once the caller
   * is known, the body is parsed by {@code parse} (a {@link RequestBodies} method) and the result
   * handed to {@code action} with the caller.
   */
  <T> void authed(RoutingContext ctx, int status, Function<JsonObject, T> parse,
      BiFunction<Caller, T, Future<?>> action) {
    String token = bearer(ctx);
    answer(ctx, status, accounts.authenticate(token)
        .compose(caller -> parsed(ctx, parse).compose(request -> action.apply(caller, request))));
  }

  /** For a call that needs no token: parses the body by {@code parse}, runs {@code action} on it, answers. */
  static <T> void run(RoutingContext ctx, int status, Function<JsonObject, T> parse, Function<T, Future<?>> action) {
    answer(ctx, status, parsed(ctx, parse).compose(action::apply));
  }

  /**
   * The request body as {@code parse} makes it, or the refusal it threw: the one place where a
   * request that cannot be parsed ({@code ERR_MALFORMED}, {@code ERR_INVALID}) becomes a failure
   * answered like any other.
   */
  private static <T> Future<T> parsed(RoutingContext ctx, Function<JsonObject, T> parse) {
    try {
      return Future.succeededFuture(parse.apply(body(ctx)));
    } catch (CrossboardException e) {
      return Future.failedFuture(e);
    }
  }

  private static void answer(RoutingContext ctx, int status, Future<?> result) {
    result.onSuccess(value -> {
      if (value == null) {
        ctx.response().setStatusCode(204).putHeader("Cache-Control", "no-store").end();
      } else if (value instanceof JsonObject || value instanceof JsonArray) {
        Json.send(ctx, status, value.toString());
      } else {
        ctx.response().setStatusCode(status).putHeader("Cache-Control", "no-store").end(value.toString());
      }
    }).onFailure(e -> fail(ctx, e));
  }

  static void fail(RoutingContext ctx, Throwable e) {
    if (ctx.response().ended()) {
      return;
    }
    if (e instanceof CrossboardException a) {
      if (a.retryAfterSeconds() > 0) {
        ctx.response().putHeader("Retry-After", Long.toString(a.retryAfterSeconds()));
      }
      Json.error(ctx, a.code(), a.getMessage());
    } else {
      Logs.withRequestId(RequestIds.of(ctx),
          () -> LOG.error("{} {} failed", ctx.request().method(), ctx.normalizedPath(), e));
      Json.error(ctx, ErrorCode.ERR_INTERNAL, "the server could not complete this request");
    }
  }

  /** The request body as an object; {@code ERR_MALFORMED} otherwise. */
  private static JsonObject body(RoutingContext ctx) {
    try {
      JsonObject body = ctx.body().asJsonObject();
      if (body != null) {
        return body;
      }
    } catch (RuntimeException e) {
      // fall through: not JSON
    }
    throw new CrossboardException(ErrorCode.ERR_MALFORMED, "body must be a JSON object");
  }

  /**
   * The client's address for throttling and the audit log. Behind {@code trustedProxyHops} proxies
   * it is the entry that many places from the right of {@code X-Forwarded-For} — the one our own
   * outermost proxy saw; anything further left was written by the client and is not trusted.
   */
  String ip(RoutingContext ctx) {
    if (trustedProxyHops > 0) {
      java.util.List<String> hops = new java.util.ArrayList<>();
      for (String header : ctx.request().headers().getAll("X-Forwarded-For")) {
        for (String hop : header.split(",")) {
          if (!hop.isBlank()) {
            hops.add(hop.strip());
          }
        }
      }
      if (hops.size() >= trustedProxyHops) {
        return hops.get(hops.size() - trustedProxyHops);
      }
    }
    return ctx.request().remoteAddress() == null ? "unknown" : ctx.request().remoteAddress().hostAddress();
  }

  private static String bearer(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : null;
  }
}
