package org.crossboard.http;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Gives every REST request an id: the caller's (or a proxy's) {@code X-Request-Id} when it is
 * well formed, else a new one. It is echoed in the response's {@code X-Request-Id} and put on
 * the log lines written for the request (see {@code org.crossboard.logging.Logs}), so an
 * operator can find a client's failed call in the log.
 */
final class RequestIds {
  static final String HEADER = "X-Request-Id";
  private static final String KEY = "crossboard.requestId";
  // Letters, digits and a few separators: enough for UUIDs, nginx's $request_id and tracing ids,
  // and nothing that could break a log line.
  private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  private RequestIds() {}

  /** Installs the id on every {@code /api/} request; mount it before any other API route. */
  static void mount(Router router) {
    router.route("/api/*").handler(ctx -> {
      String id = accepted(ctx.request().getHeader(HEADER));
      ctx.put(KEY, id);
      ctx.response().putHeader(HEADER, id);
      ctx.next();
    });
  }

  /** The request's id; a new one for a request that came in without {@link #mount}. */
  static String of(RoutingContext ctx) {
    String id = ctx.get(KEY);
    return id != null ? id : generate();
  }

  /** {@code incoming} when well formed, else a new id. */
  static String accepted(String incoming) {
    return incoming != null && WELL_FORMED.matcher(incoming).matches() ? incoming : generate();
  }

  /** 32 hex digits, like nginx's $request_id. Unique enough to find a request; not a secret. */
  private static String generate() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return String.format("%016x%016x", random.nextLong(), random.nextLong());
  }
}
