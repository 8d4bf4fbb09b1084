package org.crossboard.http;

import io.vertx.ext.web.handler.FileSystemAccess;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;
import java.nio.file.Path;

/**
 * Serves the web client (from the web-client jar, or from disk in development) and WebJars, with
 * a Content Security Policy: only this origin's scripts run, so even text that slipped into the
 * DOM as markup could not execute (defence in depth behind rendering text with textContent).
 */
public final class WebClientRoutes {
  /** No inline scripts or styles in the pages; the client only talks to this origin (ws/wss included). */
  static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
      + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

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
        .setMaxAgeSeconds(86_400));
    StaticHandler webroot = webrootDir == null
        ? StaticHandler.create("webroot")
        : StaticHandler.create(FileSystemAccess.ROOT, webrootDir.toAbsolutePath().toString()).setCachingEnabled(false);
    router.route("/*").handler(webroot.setIndexPage("index.html"));
  }
}
