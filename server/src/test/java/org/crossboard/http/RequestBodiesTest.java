package org.crossboard.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.crossboard.access.AccountService;
import org.crossboard.access.InviteService;
import org.crossboard.access.Role;
import org.crossboard.error.CrossboardException;
import org.crossboard.error.ErrorCode;
import org.crossboard.testing.Rest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Request bodies are parsed and checked in http (docs/API.md): each field's limits, the typed
 * values the services get, and refusals that name the field without echoing what was sent.
 */
class RequestBodiesTest {
  private static final String PASSWORD = "a long enough password";

  static JsonObject signUpBody() {
    return new JsonObject().put("email", " Kadri.Kask@Example.EE ").put("password", PASSWORD)
        .put("name", "  Kadri Kask ").put("org", "Ministry of Economic Affairs").put("country", "EE").put("lang", "et");
  }

  /**
   * {@code body} with {@code field} set to {@code value} (removed when {@code value} is absent) is
   * refused with {@code ERR_INVALID} and {@code message}, which never contains a string value sent.
   */
  static void refused(Function<JsonObject, ?> parse, JsonObject body, String field, Object value, String message) {
    JsonObject bad = body.copy().put(field, value);
    CrossboardException e = assertThrows(CrossboardException.class, () -> parse.apply(bad), field + " = " + value);
    assertEquals(ErrorCode.ERR_INVALID, e.code(), field + " = " + value);
    assertEquals(message, e.getMessage(), field + " = " + value);
    if (value instanceof String s && !s.isBlank()) {
      assertFalse(e.getMessage().contains(s.strip()), "the message echoes " + field);
    }
  }

  static void refusedWithout(Function<JsonObject, ?> parse, JsonObject body, String field, String message) {
    JsonObject bad = body.copy();
    bad.remove(field);
    CrossboardException e = assertThrows(CrossboardException.class, () -> parse.apply(bad), "without " + field);
    assertEquals(ErrorCode.ERR_INVALID, e.code());
    assertEquals(message, e.getMessage());
  }

  @Test
  @DisplayName("[A11] sign-up: the email in its normal form, names stripped, org/country optional, lang defaults to en")
  void signUpValues() {
    AccountService.SignUp s = RequestBodies.signUp(signUpBody());
    assertEquals("kadri.kask@example.ee", s.email());
    assertEquals(PASSWORD, s.password());
    assertEquals("Kadri Kask", s.name());
    assertEquals("Ministry of Economic Affairs", s.org());
    assertEquals("EE", s.country());
    assertEquals("et", s.lang());
    assertFalse(s.toString().contains(PASSWORD), "a logged request shows no password");

    JsonObject bare = signUpBody().put("org", "   ").put("country", null);
    bare.remove("lang");
    AccountService.SignUp minimal = RequestBodies.signUp(bare);
    assertNull(minimal.org());
    assertNull(minimal.country());
    assertEquals("en", minimal.lang());
    assertEquals("en", RequestBodies.signUp(signUpBody().put("lang", null)).lang());
    String padded = " padded password ";
    assertEquals(padded, RequestBodies.signUp(signUpBody().put("password", padded)).password(),
        "a password is taken as typed");
  }

  @Test
  @DisplayName("[A11] sign-up limits: email shape and length, password 10-200, name 1-80, org/country up to 80, lang")
  void signUpLimits() {
    Function<JsonObject, ?> signUp = RequestBodies::signUp;
    JsonObject body = signUpBody();
    String email = "email must look like name@example.org";
    refusedWithout(signUp, body, "email", email);
    refused(signUp, body, "email", 42, email);
    refused(signUp, body, "email", "no-at-sign-secret", email);
    refused(signUp, body, "email", "two@at@example.org", email);
    refused(signUp, body, "email", "white space@example.org", email);
    refused(signUp, body, "email", "l".repeat(65) + "@example.org", email);
    refused(signUp, body, "email", "a@" + "d".repeat(190), email);
    assertEquals("l".repeat(64) + "@" + "d".repeat(189),
        RequestBodies.signUp(body.copy().put("email", "L".repeat(64) + "@" + "D".repeat(189))).email());

    String password = "password must be 10-200 characters";
    refusedWithout(signUp, body, "password", password);
    refused(signUp, body, "password", "nine-char", password);
    refused(signUp, body, "password", "p".repeat(201), password);
    refused(signUp, body, "password", 1234567890123L, password);
    assertEquals(10, RequestBodies.signUp(body.copy().put("password", "p".repeat(10))).password().length());
    assertEquals(200, RequestBodies.signUp(body.copy().put("password", "p".repeat(200))).password().length());

    for (String field : new String[] {"name", "org", "country"}) {
      String message = field + " must be 1-80 characters";
      refused(signUp, body, field, "n".repeat(81), message);
      refused(signUp, body, field, 7, message);
      refused(signUp, body, field, new JsonObject().put("first", "Kadri"), message);
    }
    String eighty = "  " + "n".repeat(80) + " ";
    assertEquals("n".repeat(80), RequestBodies.signUp(body.copy().put("name", eighty)).name());
    assertEquals("n".repeat(80), RequestBodies.signUp(body.copy().put("org", eighty)).org());
    assertEquals("n".repeat(80), RequestBodies.signUp(body.copy().put("country", eighty)).country());
    refusedWithout(signUp, body, "name", "name must be 1-80 characters");
    refused(signUp, body, "name", "   ", "name must be 1-80 characters");

    String lang = "lang must be one of " + AccountService.LANGUAGES;
    refused(signUp, body, "lang", "xx", lang);
    refused(signUp, body, "lang", "EN", lang);
    refused(signUp, body, "lang", 1, lang);
    for (String each : AccountService.LANGUAGES) {
      assertEquals(each, RequestBodies.signUp(body.copy().put("lang", each)).lang());
    }

    CrossboardException first = assertThrows(CrossboardException.class,
        () -> RequestBodies.signUp(body.copy().put("email", "bad").put("password", "bad").put("name", "")));
    assertEquals(email, first.getMessage(), "fields are checked in order; the first bad one is named");
  }

  @Test
  @DisplayName("[A11] sign-in needs two strings, nothing more; the email is looked up in its normal form")
  void signIn() {
    JsonObject body = new JsonObject().put("email", " KADRI@example.ee ").put("password", "short");
    RequestBodies.SignIn s = RequestBodies.signIn(body);
    assertEquals("kadri@example.ee", s.email());
    assertEquals("short", s.password(), "a wrong password is a failed sign-in, not a bad request");
    assertFalse(s.toString().contains("short"));
    String message = "email and password are required";
    refusedWithout(RequestBodies::signIn, body, "email", message);
    refusedWithout(RequestBodies::signIn, body, "password", message);
    refused(RequestBodies::signIn, body, "password", 12345, message);
    refused(RequestBodies::signIn, body, "email", null, message);
  }

  @Test
  @DisplayName("[A11] a password change: the new password is checked first, then a current one must be there")
  void passwordChange() {
    JsonObject body = new JsonObject().put("current", "old one").put("password", "a brand new passphrase");
    RequestBodies.PasswordChange change = RequestBodies.passwordChange(body);
    assertEquals("old one", change.current());
    assertEquals("a brand new passphrase", change.next());
    assertFalse(change.toString().contains("old one") || change.toString().contains("passphrase"));
    refused(RequestBodies::passwordChange, body, "password", "too-short", "password must be 10-200 characters");
    refused(RequestBodies::passwordChange, body, "password", "p".repeat(201), "password must be 10-200 characters");
    refusedWithout(RequestBodies::passwordChange, body, "password", "password must be 10-200 characters");
    JsonObject neither = new JsonObject().put("password", "short");
    assertEquals("password must be 10-200 characters",
        assertThrows(CrossboardException.class, () -> RequestBodies.passwordChange(neither)).getMessage());
    refusedWithout(RequestBodies::passwordChange, body, "current", "current password is required");
    refused(RequestBodies::passwordChange, body, "current", 42, "current password is required");
  }

  @Test
  @DisplayName("[A11] workspace names and board titles are 1-200 characters; roles are wire names")
  void namesTitlesRoles() {
    JsonObject ws = new JsonObject().put("name", " Tallinn ");
    assertEquals("Tallinn", RequestBodies.workspaceName(ws));
    assertEquals("t".repeat(200), RequestBodies.workspaceName(ws.copy().put("name", "t".repeat(200))));
    refused(RequestBodies::workspaceName, ws, "name", "t".repeat(201), "name must be 1-200 characters");
    refused(RequestBodies::workspaceName, ws, "name", "", "name must be 1-200 characters");
    refused(RequestBodies::workspaceName, ws, "name", 42, "name must be 1-200 characters");

    JsonObject board = new JsonObject().put("title", "Retro ");
    assertEquals("Retro", RequestBodies.boardTitle(board));
    refusedWithout(RequestBodies::boardTitle, board, "title", "title must be 1-200 characters");
    refused(RequestBodies::boardTitle, board, "title", "t".repeat(201), "title must be 1-200 characters");

    for (Role role : Role.values()) {
      assertEquals(role, RequestBodies.role(new JsonObject().put("role", role.wire())));
    }
    String roles = "role must be owner, facilitator, editor, commenter or viewer";
    JsonObject member = new JsonObject().put("role", "editor");
    refusedWithout(RequestBodies::role, member, "role", roles);
    refused(RequestBodies::role, member, "role", "Owner", roles);
    refused(RequestBodies::role, member, "role", "administrator", roles);
    refused(RequestBodies::role, member, "role", 0, roles);
  }

  @Test
  @DisplayName("[A7] a new link: role, expiresInHours 1-720 (default 72), maxUses 1-1000 (default 1), board id")
  void newInvite() {
    InviteService.NewInvite defaults = RequestBodies.newInvite(new JsonObject().put("role", "viewer"));
    assertEquals(new InviteService.NewInvite(Role.VIEWER, null, 72, 1), defaults);
    JsonObject body = new JsonObject().put("role", "editor").put("expiresInHours", 24).put("maxUses", 10)
        .put("board", " bBoard1 ");
    assertEquals(new InviteService.NewInvite(Role.EDITOR, "bBoard1", 24, 10), RequestBodies.newInvite(body));
    assertEquals(720, RequestBodies.newInvite(body.copy().put("expiresInHours", 720)).expiresInHours());
    assertEquals(2, RequestBodies.newInvite(body.copy().put("expiresInHours", 2.0)).expiresInHours());
    assertEquals(1000, RequestBodies.newInvite(body.copy().put("maxUses", 1000)).maxUses());
    assertNull(RequestBodies.newInvite(body.copy().put("board", null)).board());

    String hours = "expiresInHours must be a whole number from 1 to 720";
    refused(RequestBodies::newInvite, body, "expiresInHours", 0, hours);
    refused(RequestBodies::newInvite, body, "expiresInHours", 721, hours);
    refused(RequestBodies::newInvite, body, "expiresInHours", 1.5, hours);
    refused(RequestBodies::newInvite, body, "expiresInHours", "24", hours);
    refused(RequestBodies::newInvite, body, "expiresInHours", null, hours);
    refused(RequestBodies::newInvite, body, "expiresInHours", Long.MAX_VALUE, hours);
    String uses = "maxUses must be a whole number from 1 to 1000";
    refused(RequestBodies::newInvite, body, "maxUses", 0, uses);
    refused(RequestBodies::newInvite, body, "maxUses", 1001, uses);
    refused(RequestBodies::newInvite, body, "maxUses", -3, uses);
    String board = "board must be 1-64 characters";
    refused(RequestBodies::newInvite, body, "board", "", board);
    refused(RequestBodies::newInvite, body, "board", "   ", board);
    refused(RequestBodies::newInvite, body, "board", "b".repeat(65), board);
    refused(RequestBodies::newInvite, body, "board", 12, board);
    refusedWithout(RequestBodies::newInvite, body, "role",
        "role must be owner, facilitator, editor, commenter or viewer");
  }

  @Test
  @DisplayName("[A7][A8] codes go to the service as sent (it refuses unusable ones); guests need a name")
  void invitationCodesAndGuests() {
    assertEquals(" code with spaces ", RequestBodies.inviteCode(new JsonObject().put("code", " code with spaces ")));
    assertNull(RequestBodies.inviteCode(new JsonObject()));
    assertNull(RequestBodies.inviteCode(new JsonObject().put("code", 42)));

    JsonObject body = new JsonObject().put("code", "secret-code").put("name", " Guest ").put("org", "Agency");
    InviteService.GuestJoin join = RequestBodies.guestJoin(body);
    assertEquals(new InviteService.GuestJoin("secret-code", "Guest", "Agency", null), join);
    assertFalse(join.toString().contains("secret-code"), "a logged request shows no code");
    assertNull(RequestBodies.guestJoin(body.copy().put("code", false)).code());
    refusedWithout(RequestBodies::guestJoin, body, "name", "name must be 1-80 characters");
    refused(RequestBodies::guestJoin, body, "name", "g".repeat(81), "name must be 1-80 characters");
    refused(RequestBodies::guestJoin, body, "org", "o".repeat(81), "org must be 1-80 characters");
    refused(RequestBodies::guestJoin, body, "country", "c".repeat(81), "country must be 1-80 characters");
  }

  @Test
  @DisplayName("[A11] Api answers a non-object body or a bad field in the one error shape; Retry-After when said")
  void answersOverHttp() throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      Router router = Router.router(vertx);
      Api.mountBodyLimit(router);
      router.post("/api/signin").handler(ctx -> Api.run(ctx, 200, RequestBodies::signIn,
          s -> Future.succeededFuture(new JsonObject().put("email", s.email()))));
      router.post("/api/throttled").handler(ctx -> Api.run(ctx, 200, RequestBodies::inviteCode,
          code -> Future.failedFuture(CrossboardException.retryAfter(ErrorCode.ERR_THROTTLED, "try again in 7 s", 7))));
      int port = vertx.createHttpServer().requestHandler(router).listen(0).await(20, TimeUnit.SECONDS).actualPort();
      String url = "http://localhost:" + port + "/api/";

      for (String notAnObject : new String[] {"not json", "[1, 2]", "\"text\"", "", "null"}) {
        HttpResponse<String> r = Rest.call("POST", url + "signin", notAnObject);
        assertEquals(400, r.statusCode(), notAnObject);
        assertEquals(new JsonObject().put("code", "ERR_MALFORMED").put("message", "body must be a JSON object"),
            new JsonObject(r.body()), notAnObject);
      }

      HttpResponse<String> invalid = Rest.call("POST", url + "signin",
          new JsonObject().put("email", "someone@example.org").put("password", 1234567890).encode());
      assertEquals(400, invalid.statusCode());
      assertEquals(new JsonObject().put("code", "ERR_INVALID").put("message", "email and password are required"),
          new JsonObject(invalid.body()));
      assertFalse(invalid.body().contains("someone") || invalid.body().contains("1234567890"));
      assertTrue(invalid.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));

      HttpResponse<String> ok = Rest.call("POST", url + "signin",
          new JsonObject().put("email", "Someone@Example.org").put("password", "x").encode());
      assertEquals(200, ok.statusCode());
      assertEquals("someone@example.org", new JsonObject(ok.body()).getString("email"));

      HttpResponse<String> throttled = Rest.call("POST", url + "throttled", "{}");
      assertEquals(429, throttled.statusCode());
      assertEquals("7", throttled.headers().firstValue("Retry-After").orElse(""));
      assertEquals("ERR_THROTTLED", new JsonObject(throttled.body()).getString("code"));
    } finally {
      vertx.close().await(20, TimeUnit.SECONDS);
    }
  }
}
