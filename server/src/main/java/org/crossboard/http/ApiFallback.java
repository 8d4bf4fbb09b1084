package org.crossboard.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import java.util.Set;
import java.util.TreeSet;
import org.crossboard.error.ErrorCode;

/**
 * Answers the {@code /api/} requests no REST route served, in the REST error shape: an unknown
 * path {@code 404 ERR_NOT_FOUND}, a known path with another method {@code 405
 * ERR_METHOD_NOT_ALLOWED} with {@code Allow}. Without it they would fall through to the web
 * client's routes and get its HTML 404 page.
 *
 * <p>Mount it after every {@code /api/} route and before the web client: it answers everything
 * under {@code /api/} that reaches it. (The router's own 405 does not survive the web client's
 * catch-all routes, which match every path after the API's.)
 */
public final class ApiFallback {
  private ApiFallback() {}

  /** Installs the catch-all for {@code /api/}; the routes it tells 404 from 405 by are read per request. */
  public static void mount(Router router) {
    router.route("/api/*").handler(ctx -> {
      Set<String> allowed = allowedMethods(router, ctx.normalizedPath());
      if (allowed.isEmpty()) {
        Json.error(ctx, ErrorCode.ERR_NOT_FOUND, "no such resource");
      } else {
        ctx.response().putHeader(HttpHeaders.ALLOW, String.join(", ", allowed));
        Json.error(ctx, ErrorCode.ERR_METHOD_NOT_ALLOWED, "method not allowed on this path");
      }
    });
  }

  /**
   * The methods of the routes whose path is {@code path}: exact paths and {@code :param}
   * segments, which is how every REST route is written.
   */
  static Set<String> allowedMethods(Router router, String path) {
    Set<String> allowed = new TreeSet<>();
    for (Route route : router.getRoutes()) {
      Set<HttpMethod> methods = route.methods();
      // a ":param" route reports a regex path but keeps its pattern; a pathRegex route has none
      if (methods != null && !methods.isEmpty() && route.isExactPath() && matches(route.getPath(), path)) {
        methods.forEach(m -> allowed.add(m.name()));
      }
    }
    return allowed;
  }

  private static boolean matches(String pattern, String path) {
    if (pattern == null) {
      return false;
    }
    String[] want = trimSlash(pattern).split("/", -1);
    String[] got = trimSlash(path).split("/", -1);
    if (want.length != got.length) {
      return false;
    }
    for (int i = 0; i < want.length; i++) {
      boolean param = want[i].startsWith(":") && !got[i].isEmpty();
      if (!param && !want[i].equals(got[i])) {
        return false;
      }
    }
    return true;
  }

  private static String trimSlash(String path) {
    return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }
}
