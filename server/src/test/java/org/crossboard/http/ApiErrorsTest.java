package org.crossboard.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import org.crossboard.testing.Rest;
import org.crossboard.testing.ServerExtension;
import org.crossboard.testing.TestAccess;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What no REST route serves is answered in the REST error shape (docs/API.md, errors table). */
class ApiErrorsTest {
  @RegisterExtension
  static ServerExtension server = new ServerExtension();

  private static HttpResponse<String> call(String method, String path) {
    return Rest.as(TestAccess.owner(server.baseUrl()).token()).send(method, server.baseUrl() + path, null);
  }

  private static void assertError(HttpResponse<String> r, int status, String code) {
    assertEquals(status, r.statusCode(), r.body());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
        r.headers().toString());
    JsonObject body = new JsonObject(r.body());
    assertEquals(code, body.getString("code"));
    assertTrue(!body.getString("message", "").isBlank(), r.body());
  }

  @Test
  @DisplayName("an unknown /api/ path is 404 ERR_NOT_FOUND in JSON, whatever the method and the token")
  void unknownPath() {
    for (String path : new String[] {"/api/nope", "/api/", "/api/workspaces/w1/nope", "/api/boards/b1/export/x",
        "/api/me/more"}) {
      assertError(call("GET", path), 404, "ERR_NOT_FOUND");
      assertError(call("POST", path), 404, "ERR_NOT_FOUND");
    }
    assertError(Rest.call("DELETE", server.baseUrl() + "/api/nothing/here", null), 404, "ERR_NOT_FOUND");
  }

  @Test
  @DisplayName("a known /api/ path with another method is 405 ERR_METHOD_NOT_ALLOWED in JSON, with Allow")
  void wrongMethod() {
    HttpResponse<String> r = call("DELETE", "/api/me");
    assertError(r, 405, "ERR_METHOD_NOT_ALLOWED");
    assertEquals("GET, PATCH", r.headers().firstValue("Allow").orElse(""));
    r = call("GET", "/api/auth/signin");
    assertError(r, 405, "ERR_METHOD_NOT_ALLOWED");
    assertEquals("POST", r.headers().firstValue("Allow").orElse(""));
    r = call("PATCH", "/api/workspaces/w1/members/u1");
    assertError(r, 405, "ERR_METHOD_NOT_ALLOWED");
    assertEquals("DELETE, PUT", r.headers().firstValue("Allow").orElse(""));
    r = Rest.call("POST", server.baseUrl() + "/api/health", null);
    assertError(r, 405, "ERR_METHOD_NOT_ALLOWED");
    assertEquals("GET", r.headers().firstValue("Allow").orElse(""));
  }

  @Test
  @DisplayName("pages outside /api/ keep their answers: a missing page is a 404 page, not JSON")
  void pagesUnchanged() {
    HttpResponse<String> r = Rest.call("GET", server.baseUrl() + "/no-such-page.html", null);
    assertEquals(404, r.statusCode());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), r.headers().toString());
    assertEquals(200, Rest.call("GET", server.baseUrl() + "/signin.html", null).statusCode());
    assertEquals(200, Rest.call("GET", server.baseUrl() + "/api/health", null).statusCode());
  }
}
