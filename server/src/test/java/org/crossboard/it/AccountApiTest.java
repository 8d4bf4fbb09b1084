package org.crossboard.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.crossboard.testing.Rest;
import org.crossboard.testing.TestAccess;
import org.crossboard.testing.TestServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sign-up, sign-in, renewal, sign-out and the administrator, over REST (SPEC.md A2, A9). */
class AccountApiTest {
  @TempDir
  Path data;

  static HttpResponse<String> post(String url, String path, JsonObject body) {
    return Rest.call("POST", url + path, body.encode());
  }

  static JsonObject signUpBody(String email, String password) {
    return new JsonObject().put("email", email).put("password", password).put("name", "Kadri Kask")
        .put("org", "Ministry of Economic Affairs").put("country", "EE").put("lang", "et");
  }

  static String code(HttpResponse<String> r) {
    return new JsonObject(r.body()).getString("code");
  }

  @Test
  @DisplayName("[A2][A9] sign up (first = administrator), sign in, renew, sign out; bad input gets precise errors")
  void lifecycle() throws Exception {
    try (TestServer server = TestServer.start(data)) {
      String url = server.baseUrl();
      HttpResponse<String> first = post(url, "/api/auth/signup", signUpBody("Kadri@Example.EE", "a long enough password"));
      assertEquals(201, first.statusCode(), first.body());
      JsonObject user = new JsonObject(first.body()).getJsonObject("user");
      assertEquals("kadri@example.ee", user.getString("email"), "emails are case-insensitive");
      assertEquals("et", user.getString("lang"));
      assertTrue(user.getBoolean("admin"), "the first account on an empty server administers it");
      assertFalse(first.body().contains("a long enough password"));
      assertFalse(TestAccess.signUp(url, "Second").signedIn().getJsonObject("user").getBoolean("admin"));

      assertEquals("ERR_EMAIL_TAKEN", code(post(url, "/api/auth/signup", signUpBody("kadri@example.ee", "another password"))));
      assertEquals("ERR_INVALID", code(post(url, "/api/auth/signup", signUpBody("no-at-sign", "a long enough password"))));
      HttpResponse<String> shortPassword = post(url, "/api/auth/signup", signUpBody("x@example.ee", "short"));
      assertEquals(400, shortPassword.statusCode());
      assertTrue(new JsonObject(shortPassword.body()).getString("message").contains("password"));
      assertEquals("ERR_INVALID", code(post(url, "/api/auth/signup", signUpBody("y@example.ee", "a long enough password")
          .put("lang", "xx"))));
      assertEquals("ERR_MALFORMED", code(Rest.call("POST", url + "/api/auth/signup", "not json")));
      HttpResponse<String> huge = Rest.call("POST", url + "/api/auth/signup", "{\"name\":\"" + "x".repeat(70_000) + "\"}");
      assertEquals(413, huge.statusCode());
      assertEquals("ERR_TOO_LARGE", code(huge));

      HttpResponse<String> signIn = post(url, "/api/auth/signin", new JsonObject().put("email", "KADRI@example.ee")
          .put("password", "a long enough password"));
      assertEquals(200, signIn.statusCode());
      JsonObject session = new JsonObject(signIn.body());
      String token = session.getString("token");
      assertEquals("Kadri Kask", new JsonObject(Rest.as(token).send("GET", url + "/api/me", null).body()).getString("name"));

      Thread.sleep(1_100); // a renewed token must differ from the old one (expiry is in whole seconds)
      HttpResponse<String> renewed = Rest.as(token).send("POST", url + "/api/auth/renew", null);
      assertEquals(200, renewed.statusCode());
      JsonObject fresh = new JsonObject(renewed.body());
      assertNotEquals(token, fresh.getString("token"));
      assertTrue(fresh.getLong("expiresAt") > session.getLong("expiresAt"));

      assertEquals(204, Rest.as(fresh.getString("token")).send("POST", url + "/api/auth/signout", null).statusCode());
      assertEquals(401, Rest.as(fresh.getString("token")).send("GET", url + "/api/me", null).statusCode());
      assertEquals(401, Rest.as(token).send("GET", url + "/api/me", null).statusCode(), "every token of the session");
    }
  }

  @Test
  @DisplayName("[A2] changing the password ends the other sessions (and their sockets); signing out everywhere ends all")
  void passwordChangeAndSignOutEverywhere() {
    try (TestServer server = TestServer.start(data)) {
      String url = server.baseUrl();
      String board = TestAccess.createBoard(url, "password change");
      TestAccess.Owner owner = TestAccess.ownerOf(board);
      String email = owner.account().email();
      String laptop = owner.token();
      String phone = new JsonObject(post(url, "/api/auth/signin", new JsonObject().put("email", email)
          .put("password", TestAccess.PASSWORD)).body()).getString("token");
      JsonObject change = new JsonObject().put("current", "not it").put("password", "a brand new passphrase");
      HttpResponse<String> wrong = Rest.as(laptop).send("POST", url + "/api/auth/password", change.encode());
      assertEquals(403, wrong.statusCode());
      assertEquals("ERR_WRONG_PASSWORD", code(wrong));
      assertEquals(400, Rest.as(laptop).send("POST", url + "/api/auth/password", change.copy()
          .put("current", TestAccess.PASSWORD).put("password", "short").encode()).statusCode());

      try (org.crossboard.testing.WsTestClient onPhone = org.crossboard.testing.WsTestClient.join(server.port(), board,
          "phone-client", null, phone)) {
        assertEquals(204, Rest.as(laptop).send("POST", url + "/api/auth/password", change.copy()
            .put("current", TestAccess.PASSWORD).encode()).statusCode());
        assertEquals(4010, onPhone.awaitClose(), "the other session's socket closes");
      }
      assertEquals(401, Rest.as(phone).send("GET", url + "/api/me", null).statusCode());
      assertEquals(200, Rest.as(laptop).send("GET", url + "/api/me", null).statusCode(), "this session stays");
      assertEquals(401, post(url, "/api/auth/signin", new JsonObject().put("email", email)
          .put("password", TestAccess.PASSWORD)).statusCode());
      String tablet = new JsonObject(post(url, "/api/auth/signin", new JsonObject().put("email", email)
          .put("password", "a brand new passphrase")).body()).getString("token");

      assertEquals(204, Rest.as(tablet).send("POST", url + "/api/auth/signout-everywhere", null).statusCode());
      assertEquals(401, Rest.as(tablet).send("GET", url + "/api/me", null).statusCode());
      assertEquals(401, Rest.as(laptop).send("GET", url + "/api/me", null).statusCode());
    }
  }

  static int signInVia(String url, String forwardedFor, String email) throws Exception {
    java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(url + "/api/auth/signin"))
        .header("Content-Type", "application/json").header("X-Forwarded-For", forwardedFor)
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(new JsonObject().put("email", email)
            .put("password", "wrong password!").encode())).build();
    return java.net.http.HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
  }

  @Test
  @DisplayName("[A3][A10] behind a trusted proxy the client address is the proxy's X-Forwarded-For entry, not the client's claim")
  void trustedProxy() throws Exception {
    try (TestServer server = TestServer.start(data, java.util.Map.of("TRUSTED_PROXY_HOPS", "1",
        "LOGIN_FAILURES_PER_ADDRESS", "2"))) {
      String url = server.baseUrl();
      TestAccess.Owner owner = TestAccess.owner(url); // the administrator: reads the server chain
      // "6.6.6.6" is what a client wrote itself; the proxy appended the address it saw
      assertEquals(401, signInVia(url, "6.6.6.6, 203.0.113.9", "a@example.ee"));
      assertEquals(401, signInVia(url, "7.7.7.7, 203.0.113.9", "b@example.ee"));
      assertEquals(429, signInVia(url, "8.8.8.8, 203.0.113.9", "c@example.ee"), "one address, whatever it claims");
      assertEquals(401, signInVia(url, "6.6.6.6, 198.51.100.7", "d@example.ee"), "another address is not throttled");
      JsonObject log = new JsonObject(Rest.as(owner.token()).send("GET", url + "/api/audit", null).body());
      java.util.List<String> ips = log.getJsonArray("entries").stream().map(e -> (JsonObject) e)
          .filter(e -> "signin.failed".equals(e.getString("action"))).map(e -> e.getString("ip")).toList();
      assertEquals(java.util.List.of("203.0.113.9", "203.0.113.9", "198.51.100.7"), ips);
    }
  }

  @Test
  @DisplayName("[A3] sign-ups per client address are limited (each one costs a password hash)")
  void signupThrottle() {
    try (TestServer server = TestServer.start(data, java.util.Map.of("SIGNUPS_PER_ADDRESS_PER_HOUR", "2"))) {
      String url = server.baseUrl();
      assertEquals(201, post(url, "/api/auth/signup", signUpBody("one@example.ee", "a long enough password")).statusCode());
      assertEquals(201, post(url, "/api/auth/signup", signUpBody("two@example.ee", "a long enough password")).statusCode());
      HttpResponse<String> third = post(url, "/api/auth/signup", signUpBody("three@example.ee", "a long enough password"));
      assertEquals(429, third.statusCode());
      assertEquals("ERR_THROTTLED", code(third));
      assertTrue(Long.parseLong(third.headers().firstValue("Retry-After").orElseThrow()) > 3_000);
      assertEquals(200, post(url, "/api/auth/signin", new JsonObject().put("email", "one@example.ee")
          .put("password", "a long enough password")).statusCode(), "signing in is not affected");
    }
  }

  @Test
  @DisplayName("[A2] passwords and tokens never reach the logs, even when requests fail")
  void nothingSecretInLogs() throws Exception {
    java.io.PrintStream realErr = System.err;
    java.io.PrintStream realOut = System.out;
    java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
    java.io.PrintStream tee = new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8);
    String token;
    System.setErr(tee);
    System.setOut(tee);
    try (TestServer server = TestServer.start(data)) {
      String url = server.baseUrl();
      token = new JsonObject(post(url, "/api/auth/signup", signUpBody("logs@example.ee", "secret-password-123")).body())
          .getString("token");
      post(url, "/api/auth/signin", new JsonObject().put("email", "logs@example.ee").put("password", "wrong-password-456"));
      Rest.as(token + "x").send("GET", url + "/api/me", null);
      Rest.as(token).send("POST", url + "/api/workspaces", new JsonObject().put("name", 42).encode());
      Rest.as(token).send("POST", url + "/api/invites/accept", new JsonObject().put("code", "guessed-code-789").encode());
      try (org.crossboard.testing.WsTestClient ws = org.crossboard.testing.WsTestClient.connect(server.port())) {
        ws.send(org.crossboard.testing.WsTestClient.helloFrame("bNoSuchBoard", "log-check-client", null, token));
        ws.awaitClose();
      }
    } finally {
      System.setErr(realErr);
      System.setOut(realOut);
    }
    String logs = captured.toString(java.nio.charset.StandardCharsets.UTF_8);
    realErr.print(logs);
    for (String secret : new String[] {"secret-password-123", "wrong-password-456", "guessed-code-789", token,
        token.substring(token.lastIndexOf('.') + 1)}) {
      assertFalse(logs.contains(secret), "the logs contain a secret");
    }
  }

  @Test
  @DisplayName("[A2] tokens survive a restart: the generated key is kept in DATA_DIR/jwt.key, owner-only")
  void keyIsKept() throws Exception {
    TestServer server = TestServer.start(data);
    try {
      String token = TestAccess.signUp(server.baseUrl(), "Survivor").token();
      Path key = data.resolve("jwt.key");
      assertTrue(Files.size(key) >= 32);
      assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
      server.restart();
      assertEquals(200, Rest.as(token).send("GET", server.baseUrl() + "/api/me", null).statusCode());
    } finally {
      server.stop();
    }
  }
}
