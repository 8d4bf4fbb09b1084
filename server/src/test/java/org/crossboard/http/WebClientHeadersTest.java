package org.crossboard.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.crossboard.testing.Rest;
import org.crossboard.testing.ServerExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The web client's pages come with a Content Security Policy (SPEC.md W4, defence in depth). */
class WebClientHeadersTest {
  @RegisterExtension
  static ServerExtension server = new ServerExtension();

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
}
