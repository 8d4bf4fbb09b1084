package org.crossboard.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.crossboard.testing.Rest;
import org.crossboard.testing.ServerExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The web client's pages come with a Content Security Policy (SPEC.md W4, defence in depth), and
 * are revalidated by browsers so that an upgrade reaches them at once.
 */
class WebClientHeadersTest {
  @RegisterExtension
  static ServerExtension server = new ServerExtension();
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @Test
  @DisplayName("[W4] pages carry a CSP allowing only this origin's scripts; the API does not need one")
  void securityHeaders() {
    for (String page : new String[] {"/", "/board.html", "/signin.html", "/join.html", "/js/sync.js"}) {
      HttpResponse<String> r = Rest.call("GET", server.baseUrl() + page, null);
      assertEquals(200, r.statusCode(), page);
      String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
      assertTrue(csp.contains("script-src 'self'") && csp.contains("frame-ancestors 'none'"), page + ": " + csp);
      assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""));
      assertEquals("no-referrer", r.headers().firstValue("Referrer-Policy").orElse(""));
    }
    HttpResponse<String> health = Rest.call("GET", server.baseUrl() + "/api/health", null);
    assertTrue(health.headers().firstValue("Content-Security-Policy").isEmpty());
  }

  @Test
  @DisplayName("pages, modules and stylesheets are revalidated (no-cache) and answer an unchanged copy with 304")
  void clientFilesRevalidate() throws Exception {
    for (String file : new String[] {"/", "/board.html", "/js/sync.js", "/js/auth.js", "/css/app.css"}) {
      HttpResponse<String> first = get(file, Map.of());
      assertEquals(200, first.statusCode(), file);
      assertEquals("no-cache", first.headers().firstValue("Cache-Control").orElse(""), file);
      String etag = first.headers().firstValue("ETag").orElse("");
      String lastModified = first.headers().firstValue("Last-Modified").orElse("");
      assertTrue(etag.matches("\"[A-Za-z0-9_-]+\""), file + " ETag " + etag);
      assertFalse(lastModified.isEmpty(), file + " has no Last-Modified");

      for (Map<String, String> unchanged : List.of(Map.of("If-None-Match", etag), Map.of("If-None-Match", "W/" + etag),
          Map.of("If-None-Match", "\"older\", " + etag, "If-Modified-Since", lastModified),
          Map.of("If-Modified-Since", lastModified))) {
        HttpResponse<String> again = get(file, unchanged);
        assertEquals(304, again.statusCode(), file + " " + unchanged);
        assertEquals("", again.body(), file);
        assertEquals("no-cache", again.headers().firstValue("Cache-Control").orElse(""), file);
      }
      // a copy of another version gets this one, even when it is not older (another node, an upgrade)
      for (Map<String, String> other : List.of(Map.of("If-None-Match", "\"another-version\""),
          Map.of("If-None-Match", "\"another-version\"", "If-Modified-Since", lastModified),
          Map.of("If-Modified-Since", "Thu, 01 Jan 2015 00:00:00 GMT"))) {
        HttpResponse<String> fresh = get(file, other);
        assertEquals(200, fresh.statusCode(), file + " " + other);
        assertEquals(first.body(), fresh.body(), file);
        assertEquals(etag, fresh.headers().firstValue("ETag").orElse(""), file);
      }
    }
  }

  private static HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path));
    headers.forEach(request::header);
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  @DisplayName("WebJars (versioned URLs) stay cached for long, as immutable")
  void webJarsImmutable() {
    HttpResponse<String> r = Rest.call("GET",
        server.baseUrl() + "/webjars/sockjs-client/1.6.1/dist/sockjs.min.js", null);
    assertEquals(200, r.statusCode());
    String cacheControl = r.headers().firstValue("Cache-Control").orElse("");
    assertTrue(cacheControl.contains("immutable") && cacheControl.contains("public"), cacheControl);
    long maxAge = Long.parseLong(cacheControl.replaceAll(".*max-age=(\\d+).*", "$1"));
    assertTrue(maxAge >= 86_400, cacheControl);
  }
}
