package org.crossboard.testing;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Minimal blocking REST calls for tests, anonymous or with a bearer token. */
public final class Rest {
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final HttpClient http;
  private final String token;

  private Rest(HttpClient http, String token) {
    this.http = http;
    this.token = token;
  }

  /** Calls that carry {@code Authorization: Bearer token}. */
  public static Rest as(String token) {
    return new Rest(HTTP, token);
  }

  public static HttpResponse<String> call(String method, String url, String body) {
    return new Rest(HTTP, null).send(method, url, body);
  }

  /** A fresh HTTP/1.1 client without a token: its (kept-alive) connections are used by nobody else. */
  public static Rest unpooled() {
    return new Rest(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(), null);
  }

  public HttpResponse<String> send(String method, String url, String body) {
    HttpRequest.BodyPublisher publisher = body == null
        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body);
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).method(method, publisher)
        .header("Content-Type", "application/json");
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Creates a board in the server's test workspace and returns its id. */
  public static String createBoard(String baseUrl, String title) {
    return TestAccess.createBoard(baseUrl, title);
  }

  /** The exported (durable) records of a board, read as its owner. */
  public static JsonObject export(String baseUrl, String board) {
    HttpResponse<String> r = as(TestAccess.ownerOf(board).token()).send("GET",
        baseUrl + "/api/boards/" + board + "/export", null);
    if (r.statusCode() != 200) {
      throw new IllegalStateException("export: " + r.statusCode() + " " + r.body());
    }
    return new JsonObject(r.body());
  }

  /** A call as the owner of {@code board}. */
  public static HttpResponse<String> asOwnerOf(String board, String method, String url, String body) {
    return as(TestAccess.ownerOf(board).token()).send(method, url, body);
  }
}
