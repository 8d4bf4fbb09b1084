package org.crossboard.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.crossboard.testing.LogCapture;
import org.crossboard.testing.Rest;
import org.crossboard.testing.ServerExtension;
import org.crossboard.testing.TestAccess;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Passwords, tokens and invitation codes never reach the log (SPEC.md A2), also at debug level:
 * what a sign-in with a wrong password, a sign-in, an invitation and its use write is captured as
 * the JSON lines production would write.
 */
class SecretsNotLoggedTest {
  @RegisterExtension
  static ServerExtension server = new ServerExtension();

  @Test
  @DisplayName("[A2] a wrong password, a token and an invitation code never appear in the log, even at debug level")
  void nothingSecretLogged() {
    String url = server.baseUrl();
    TestAccess.Owner owner = TestAccess.owner(url);
    TestAccess.Account expert = TestAccess.signUp(url, "Invited Expert");
    String wrongPassword = "wrong-Pa55word-" + System.nanoTime();
    List<String> secrets;
    String logs;
    try (LogCapture capture = LogCapture.start(Level.DEBUG)) {
      HttpResponse<String> refused = Rest.call("POST", url + "/api/auth/signin",
          new JsonObject().put("email", expert.email()).put("password", wrongPassword).encode());
      assertEquals(401, refused.statusCode(), refused.body());
      HttpResponse<String> signedIn = Rest.call("POST", url + "/api/auth/signin",
          new JsonObject().put("email", expert.email()).put("password", TestAccess.PASSWORD).encode());
      assertEquals(200, signedIn.statusCode(), signedIn.body());
      String token = new JsonObject(signedIn.body()).getString("token");
      String code = TestAccess.invite(url, owner.token(), owner.workspace(), null, "commenter", 1);
      HttpResponse<String> preview = Rest.call("POST", url + "/api/invites/preview",
          new JsonObject().put("code", code).encode());
      assertEquals(200, preview.statusCode(), preview.body());
      HttpResponse<String> accepted = Rest.as(token).send("POST", url + "/api/invites/accept",
          new JsonObject().put("code", code).encode());
      assertEquals(200, accepted.statusCode(), accepted.body());
      HttpResponse<String> usedUp = Rest.as(token).send("POST", url + "/api/invites/accept",
          new JsonObject().put("code", code).encode());
      assertEquals(410, usedUp.statusCode(), usedUp.body());
      secrets = List.of(wrongPassword, TestAccess.PASSWORD, token, token.substring(token.lastIndexOf('.') + 1),
          owner.token(), code);
      logs = capture.text();
    }
    assertTrue(logs.contains("DEBUG"), "debug logging was captured");
    for (String secret : secrets) {
      assertFalse(logs.contains(secret), "the log contains a secret");
    }
  }

  @Test
  @DisplayName("[A2] a password sent as a form is refused unread: even a body that cannot be decoded logs nothing of it")
  void formBodiesRefusedUnread() throws Exception {
    String password = "Leaked-Pa55word-" + System.nanoTime();
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    List<String> answers = new java.util.ArrayList<>();
    String logs;
    try (LogCapture capture = LogCapture.start(Level.DEBUG)) {
      for (String type : new String[] {"application/x-www-form-urlencoded",
          "Application/X-WWW-Form-Urlencoded; charset=UTF-8", "multipart/form-data; boundary=XB"}) {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/auth/signin"))
            .header("Content-Type", type)
            .POST(HttpRequest.BodyPublishers.ofString("email=a%40b.example&password=" + password + "%zz")).build(),
            HttpResponse.BodyHandlers.ofString());
        answers.add(r.statusCode() + " " + new JsonObject(r.body()).getString("code"));
      }
      logs = capture.text();
    }
    assertFalse(logs.contains(password), "the log contains the password");
    assertEquals(List.of("400 ERR_MALFORMED", "400 ERR_MALFORMED", "400 ERR_MALFORMED"), answers);
  }
}
