package org.crossboard.testing;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Minimal blocking REST calls for tests. */
public final class Rest {
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private Rest() {}

  public static HttpResponse<String> call(String method, String url, String body) {
    return call(HTTP, method, url, body);
  }

  /**
   * On a connection of its own: SockJS polling ends responses in ways that make a pooled
   * connection unusable for the next request now and then.
   */
  public static HttpResponse<String> callUnpooled(String method, String url, String body) {
    return call(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(), method, url, body);
  }

  private static HttpResponse<String> call(HttpClient http, String method, String url, String body) {
    HttpRequest.BodyPublisher publisher = body == null
        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body);
    try {
      return http.send(HttpRequest.newBuilder(URI.create(url)).method(method, publisher)
          .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Creates a board and returns its id. */
  public static String createBoard(String baseUrl, String title) {
    HttpResponse<String> r = call("POST", baseUrl + "/api/boards", new JsonObject().put("title", title).encode());
    if (r.statusCode() != 201) {
      throw new IllegalStateException("create board: " + r.statusCode() + " " + r.body());
    }
    return new JsonObject(r.body()).getString("id");
  }

  /** The exported (durable) records of a board. */
  public static JsonObject export(String baseUrl, String board) {
    return new JsonObject(call("GET", baseUrl + "/api/boards/" + board + "/export", null).body());
  }
}
