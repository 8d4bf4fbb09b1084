package org.crossboard.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The REST API's OpenAPI 3.1 document (docs/API.md), kept by hand in the resource
 * {@value #RESOURCE} and served as it is at {@value #PATH} without a token. It is read once when
 * the node starts; tests check it against the routes the node mounts and against the server's
 * answers.
 */
public final class OpenApiDocument {
  /** Where the document is on the classpath. */
  public static final String RESOURCE = "openapi.json";
  /** Where it is served. */
  public static final String PATH = "/api/openapi.json";
  private final String json;

  private OpenApiDocument(String json) {
    this.json = json;
  }

  /** Reads the document on a worker thread; fails when it is missing or not a JSON object. */
  public static Future<OpenApiDocument> load(Vertx vertx) {
    return vertx.executeBlocking(OpenApiDocument::read);
  }

  public void mount(Router router) {
    router.get(PATH).handler(ctx -> Json.send(ctx, 200, json));
  }

  private static OpenApiDocument read() throws IOException {
    try (InputStream in = OpenApiDocument.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is not on the classpath");
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      // a broken document stops the node at start rather than being served
      new JsonObject(text);
      return new OpenApiDocument(text);
    }
  }
}
