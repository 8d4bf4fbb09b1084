package org.crossboard.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.handler.FileSystemAccess;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;
import java.nio.file.Path;

/**
 * Serves the web client (from the web-client jar, or from disk in development) and WebJars, with
 * a Content Security Policy: only this origin's scripts run, so even text that slipped into the
 * DOM as markup could not execute (defence in depth behind rendering text with textContent).
 *
 * <p>Caching: the web client's own files have unversioned URLs, so browsers must revalidate them
 * ({@code no-cache}) or they would keep running an old client after an upgrade; an unchanged file
 * costs a 304 ({@code ETag} from its content, see {@link ContentEtags}, and {@code Last-Modified}).
 * WebJars have the version in their URL and stay cached as immutable.
 */
public final class WebClientRoutes {
  /** No inline scripts or styles in the pages; the client only talks to this origin (ws/wss included). */
  static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
      + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

  /** WebJar URLs name their version, so a cached copy never goes stale: one year. */
  static final long WEBJAR_MAX_AGE_SECONDS = 365L * 86_400;

  private static final String WEBROOT = "webroot";
  private static final String INDEX_PAGE = "index.html";

  private WebClientRoutes() {}

  public static void mount(Router router, Path webrootDir) {
    router.route("/*").handler(ctx -> {
      String path = ctx.normalizedPath();
      if (!path.startsWith("/api/") && !path.startsWith("/sockjs/") && !path.equals("/ws")) {
        ctx.response()
            .putHeader("Content-Security-Policy", CSP)
            .putHeader("X-Content-Type-Options", "nosniff")
            .putHeader("Referrer-Policy", "no-referrer");
      }
      ctx.next();
    });
    router.route("/webjars/*").handler(StaticHandler.create("META-INF/resources/webjars")
        .setMaxAgeSeconds(WEBJAR_MAX_AGE_SECONDS));
    // StaticHandler only adds its own Cache-Control ("immutable") when none is set yet.
    Route webroot = router.route("/*").handler(ctx -> {
      ctx.response().putHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
      ctx.next();
    });
    if (webrootDir == null) {
      webroot.handler(new ContentEtags(WEBROOT, INDEX_PAGE))
          .handler(StaticHandler.create(WEBROOT).setIndexPage(INDEX_PAGE));
    } else {
      // development: files change under a running server, so nothing about them is remembered
      webroot.handler(StaticHandler.create(FileSystemAccess.ROOT, webrootDir.toAbsolutePath().toString())
          .setCachingEnabled(false).setIndexPage(INDEX_PAGE));
    }
  }
}
