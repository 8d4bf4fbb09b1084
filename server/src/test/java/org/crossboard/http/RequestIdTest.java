package org.crossboard.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.crossboard.testing.ServerExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every REST answer names its request: X-Request-Id, the caller's when well formed. */
class RequestIdTest {
  @RegisterExtension
  static ServerExtension server = new ServerExtension();
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private static HttpResponse<String> get(String path, String requestId) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path));
    if (requestId != null) {
      request.header("X-Request-Id", requestId);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String requestId(HttpResponse<String> r) {
    return r.headers().firstValue("X-Request-Id").orElse("");
  }

  @Test
  @DisplayName("a REST request without an id gets a new one, different for every request, also on errors")
  void generated() throws Exception {
    String first = requestId(get("/api/health", null));
    String second = requestId(get("/api/health", null));
    assertTrue(first.matches("[0-9a-f]{32}"), first);
    assertNotEquals(first, second);
    HttpResponse<String> unauthorized = get("/api/me", null);
    assertEquals(401, unauthorized.statusCode());
    assertTrue(requestId(unauthorized).matches("[0-9a-f]{32}"));
    assertTrue(requestId(get("/api/no-such-call", null)).matches("[0-9a-f]{32}"));
  }

  @Test
  @DisplayName("a well-formed incoming X-Request-Id is kept; a malformed one is replaced")
  void incoming() throws Exception {
    assertEquals("9f1c2a7e-1b2c-4d5e-8f90-123456789abc",
        requestId(get("/api/health", "9f1c2a7e-1b2c-4d5e-8f90-123456789abc")));
    assertEquals("edge.node-2:42", requestId(get("/api/me", "edge.node-2:42")));
    for (String bad : new String[] {"a b", "x\"y", "<script>", "a".repeat(129), "id;drop"}) {
      String answered = requestId(get("/api/health", bad));
      assertTrue(answered.matches("[0-9a-f]{32}"), bad + " -> " + answered);
    }
  }

  @Test
  @DisplayName("pages are not REST requests: no request id")
  void notOnPages() throws Exception {
    assertTrue(get("/signin.html", null).headers().firstValue("X-Request-Id").isEmpty());
  }
}
