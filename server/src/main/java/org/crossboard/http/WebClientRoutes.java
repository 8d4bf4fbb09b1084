package org.crossboard.http;

import io.vertx.ext.web.handler.FileSystemAccess;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;
import java.nio.file.Path;

/** Serves the web client (from the web-client jar, or from disk in development) and WebJars. */
public final class WebClientRoutes {
  private WebClientRoutes() {}

  public static void mount(Router router, Path webrootDir) {
    router.route("/webjars/*").handler(StaticHandler.create("META-INF/resources/webjars")
        .setMaxAgeSeconds(86_400));
    StaticHandler webroot = webrootDir == null
        ? StaticHandler.create("webroot")
        : StaticHandler.create(FileSystemAccess.ROOT, webrootDir.toAbsolutePath().toString()).setCachingEnabled(false);
    router.route("/*").handler(webroot.setIndexPage("index.html"));
  }
}
