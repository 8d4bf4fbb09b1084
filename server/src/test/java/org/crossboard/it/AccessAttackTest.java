package org.crossboard.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.crossboard.access.InviteService;
import org.crossboard.testing.Changes;
import org.crossboard.testing.ReachableMongo;
import org.crossboard.testing.Rest;
import org.crossboard.testing.TestAccess;
import org.crossboard.testing.TestServer;
import org.crossboard.testing.WsTestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Attacks on accounts, tokens, roles and invitations over real sockets and REST (SPEC.md A1–A10).
 * The server stores in a MongoDB-compatible server this test can also reach, to play an attacker
 * who edits the database (audit tampering) and to age an invitation past its expiry.
 */
class AccessAttackTest {
  static ReachableMongo database;
  static MongoClient mongo;
  static TestServer server;
  static TestAccess.Owner owner;
  static String url;

  @BeforeAll
  static void start() throws Exception {
    database = ReachableMongo.start();
    mongo = database.client();
    String mongoUrl = database.url();
    server = TestServer.start(Files.createTempDirectory("attack"), Map.of("MONGO_URL", mongoUrl,
        "MAX_CONNECTIONS_PER_USER", "3", "LOGIN_FAILURES_PER_ACCOUNT", "3"));
    url = server.baseUrl();
    owner = TestAccess.owner(url);
  }

  @AfterAll
  static void stop() {
    server.stop();
    database.close();
  }

  static TestAccess.Account member(String role) {
    TestAccess.Account person = TestAccess.signUp(url, role + " member");
    String code = TestAccess.invite(url, owner.token(), owner.workspace(), null, role, 1);
    assertEquals(200, accept(person.token(), code).statusCode());
    return person;
  }

  static HttpResponse<String> accept(String token, String code) {
    return Rest.as(token).send("POST", url + "/api/invites/accept", new JsonObject().put("code", code).encode());
  }

  static void assertRefused(String board, String token, String code, int closeCode) {
    try (WsTestClient c = WsTestClient.connect(server.port())) {
      c.send(WsTestClient.helloFrame(board, "attacker", null, token));
      JsonObject error = c.expect(m -> "error".equals(m.getString("t")));
      assertEquals(code, error.getString("code"), error.encode());
      if (token != null && token.length() > 10) {
        assertFalse(error.encode().contains(token), "the token is never echoed");
      }
      assertEquals(closeCode, c.awaitClose());
    }
  }

  @Test
  @DisplayName("[A4][A8] a guest token for board A does not open board B; an outsider's token opens nothing")
  void tokenForAnotherBoard() {
    String boardA = TestAccess.createBoard(url, "A");
    String boardB = TestAccess.createBoard(url, "B");
    String guestOfA = TestAccess.guestToken(url, boardA, "guest-a", "Guest of A");
    assertRefused(boardB, guestOfA, "ERR_FORBIDDEN", 4011);
    assertEquals(404, Rest.as(guestOfA).send("GET", url + "/api/boards/" + boardB, null).statusCode());
    TestAccess.Account outsider = TestAccess.signUp(url, "Outsider");
    assertRefused(boardA, outsider.token(), "ERR_FORBIDDEN", 4011);
    assertEquals(404, Rest.as(outsider.token()).send("GET", url + "/api/boards/" + boardA, null).statusCode());
    assertEquals(404, Rest.as(outsider.token()).send("GET", url + "/api/workspaces/" + owner.workspace()
        + "/members", null).statusCode(), "workspaces of others do not exist for an outsider");
  }

  @Test
  @DisplayName("[A2] forged, expired, garbage and missing tokens: 4010 on the socket, 401 on REST")
  void badTokens() {
    String board = TestAccess.createBoard(url, "bad tokens");
    String[] parts = owner.token().split("\\.");
    String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
    String expired = "eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1MSIsInNpZCI6InMxIiwiZXhwIjoxMDAwLCJpc3MiOiJjcm9zc2JvYXJkIn0."
        + parts[2];
    for (String token : new String[] {forged, expired, "garbage", null}) {
      assertRefused(board, token, "ERR_UNAUTHORIZED", 4010);
      HttpResponse<String> r = token == null ? Rest.call("GET", url + "/api/workspaces", null)
          : Rest.as(token).send("GET", url + "/api/workspaces", null);
      assertEquals(401, r.statusCode());
      assertEquals("ERR_UNAUTHORIZED", new JsonObject(r.body()).getString("code"));
    }
  }

  @Test
  @DisplayName("[A1][A6] viewers cannot push; commenters only touch their own comments; nothing else is harmed")
  void viewersAndCommenters() {
    String board = TestAccess.createBoard(url, "read only");
    TestAccess.Account viewer = member("viewer");
    TestAccess.Account commenter = member("commenter");
    try (WsTestClient ownerSocket = WsTestClient.join(server.port(), board, "owner-ro", null, owner.token());
         WsTestClient viewerSocket = WsTestClient.join(server.port(), board, "viewer-ro", null, viewer.token());
         WsTestClient commenterSocket = WsTestClient.join(server.port(), board, "commenter-ro", null, commenter.token())) {
      assertEquals("viewer", viewerSocket.welcome().getString("role"));
      ownerSocket.send(Changes.push("o1", 1, Changes.put(Changes.note("n1", 0, 0, "owner's note")),
          Changes.put(comment("c-owner", "n1", "owner's comment"))));
      assertNotNull(ownerSocket.reply("o1").getLong("seq"));

      viewerSocket.send(Changes.push("v1", 1, Changes.patch("n1", new JsonObject().put("text", "defaced"))));
      assertEquals("ERR_FORBIDDEN", viewerSocket.reply("v1").getString("code"));
      viewerSocket.send(Changes.push("v2", 2, Changes.put(comment("c-viewer", "n1", "viewers cannot comment"))));
      assertEquals("ERR_FORBIDDEN", viewerSocket.reply("v2").getString("code"));

      commenterSocket.send(Changes.push("c1", 1, Changes.patch("n1", new JsonObject().put("text", "defaced"))));
      assertEquals("ERR_FORBIDDEN", commenterSocket.reply("c1").getString("code"));
      commenterSocket.send(Changes.push("c2", 2, Changes.remove("n1")));
      assertEquals("ERR_FORBIDDEN", commenterSocket.reply("c2").getString("code"));
      commenterSocket.send(Changes.push("c3", 3, Changes.patch("c-owner", new JsonObject().put("text", "rewritten"))));
      assertEquals("ERR_FORBIDDEN", commenterSocket.reply("c3").getString("code"));
      commenterSocket.send(Changes.push("c4", 4, Changes.put(comment("c-expert", "n1", "Has legal checked this?")),
          Changes.put(Changes.note("sneaky", 0, 0, "a note smuggled into a comment push"))));
      assertEquals("ERR_FORBIDDEN", commenterSocket.reply("c4").getString("code"), "the whole push is refused");
      commenterSocket.send(Changes.push("c5", 5, Changes.put(comment("c-expert", "n1", "Has legal checked this?"))));
      assertNotNull(commenterSocket.reply("c5").getLong("seq"));
      commenterSocket.send(Changes.push("c6", 6, Changes.patch("c-expert", new JsonObject().put("resolved", true)
          .put("text", "Has legal checked this? (yes)"))));
      assertNotNull(commenterSocket.reply("c6").getLong("seq"));

      ownerSocket.send(Changes.push("o2", 2, Changes.patch("c-expert", new JsonObject().put("text", "put words in"))));
      assertEquals("ERR_FORBIDDEN", ownerSocket.reply("o2").getString("code"), "nobody rewrites another's comment");

      JsonArray records = Rest.export(url, board).getJsonArray("records");
      JsonObject note = find(records, "n1");
      assertEquals("owner's note", note.getString("text"));
      JsonObject expert = find(records, "c-expert");
      assertEquals(commenter.userId(), expert.getString("createdBy"));
      assertEquals("commenter member", expert.getString("authorName"));
      assertEquals(null, find(records, "sneaky"));
      viewerSocket.send(new JsonObject().put("t", "ping").put("id", "alive"));
      assertEquals("pong", viewerSocket.reply("alive").getString("t"), "refused pushes do not close the connection");
    }
  }

  static JsonObject comment(String id, String target, String text) {
    return new JsonObject().put("id", id).put("type", "comment").put("order", "z1").put("x", 5).put("y", 5)
        .put("target", target).put("text", text);
  }

  static JsonObject find(JsonArray records, String id) {
    return records.stream().map(JsonObject.class::cast).filter(r -> id.equals(r.getString("id"))).findFirst().orElse(null);
  }

  @Test
  @DisplayName("[A7][A8] an invitation works up to its use limit, not once more; a revoked one never; an expired one never")
  void invitationLimits() throws Exception {
    String board = TestAccess.createBoard(url, "invitations");
    String code = TestAccess.invite(url, owner.token(), owner.workspace(), board, "commenter", 2);
    assertEquals(200, TestAccess.joinAsGuest(url, code, "first").getString("token") != null ? 200 : 0);
    assertEquals(200, accept(TestAccess.signUp(url, "second").token(), code).statusCode());
    HttpResponse<String> replay = accept(TestAccess.signUp(url, "third").token(), code);
    assertEquals(410, replay.statusCode());
    assertEquals("ERR_INVITE_INVALID", new JsonObject(replay.body()).getString("code"));
    assertFalse(replay.body().contains(code), "codes are never echoed");

    String revoked = TestAccess.invite(url, owner.token(), owner.workspace(), board, "editor", 10);
    String guest = TestAccess.joinAsGuest(url, revoked, "Guest soon revoked").getString("token");
    try (WsTestClient guestSocket = WsTestClient.join(server.port(), board, "guest-revoked", null, guest)) {
      assertEquals("editor", guestSocket.welcome().getString("role"));
      assertEquals(204, Rest.as(owner.token()).send("DELETE", url + "/api/invites/" + InviteService.idOf(revoked),
          null).statusCode());
      assertEquals("ERR_ACCESS_REVOKED", guestSocket.expect(m -> "error".equals(m.getString("t"))).getString("code"));
      assertEquals(4013, guestSocket.awaitClose());
    }
    assertRefused(board, guest, "ERR_FORBIDDEN", 4011);
    assertEquals(410, Rest.call("POST", url + "/api/invites/guest", new JsonObject().put("code", revoked)
        .put("name", "late").encode()).statusCode());

    String aging = TestAccess.invite(url, owner.token(), owner.workspace(), board, "viewer", 10);
    mongo.updateCollection("invites", new JsonObject().put("_id", InviteService.idOf(aging)),
        new JsonObject().put("$set", new JsonObject().put("expiresAt", System.currentTimeMillis() - 1)))
        .await(5, TimeUnit.SECONDS);
    assertEquals(410, Rest.call("POST", url + "/api/invites/preview", new JsonObject().put("code", aging).encode())
        .statusCode());
    assertEquals(410, accept(TestAccess.signUp(url, "too late").token(), aging).statusCode());
  }

  @Test
  @DisplayName("[A8] a guest's connection closes (4013) when the link it came through expires")
  void guestLinkExpiry() throws Exception {
    String board = TestAccess.createBoard(url, "expiring link");
    String code = TestAccess.invite(url, owner.token(), owner.workspace(), board, "commenter", 5);
    mongo.updateCollection("invites", new JsonObject().put("_id", InviteService.idOf(code)),
        new JsonObject().put("$set", new JsonObject().put("expiresAt", System.currentTimeMillis() + 2_500)))
        .await(5, TimeUnit.SECONDS);
    String guest = TestAccess.joinAsGuest(url, code, "Short visit").getString("token");
    try (WsTestClient socket = WsTestClient.join(server.port(), board, "short-visit", null, guest)) {
      assertEquals("commenter", socket.welcome().getString("role"));
      JsonObject error = socket.expect(m -> "error".equals(m.getString("t")));
      assertEquals("ERR_ACCESS_REVOKED", error.getString("code"));
      assertEquals(4013, socket.awaitClose());
    }
    assertRefused(board, guest, "ERR_UNAUTHORIZED", 4010);
  }

  @Test
  @DisplayName("[P10] a person's connections beyond the limit get ERR_TOO_MANY_CONNECTIONS (4014)")
  void tooManyConnections() {
    String board = TestAccess.createBoard(url, "connections");
    TestAccess.Account person = member("editor");
    List<WsTestClient> open = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) {
        open.add(WsTestClient.join(server.port(), board, "tab-client-" + i, null, person.token()));
      }
      assertRefused(board, person.token(), "ERR_TOO_MANY_CONNECTIONS", 4014);
      open.get(0).send(new JsonObject().put("t", "ping").put("id", "p"));
      assertEquals("pong", open.get(0).reply("p").getString("t"), "the open ones are unharmed");
    } finally {
      open.forEach(WsTestClient::close);
    }
  }

  @Test
  @DisplayName("[A2][A5] signing out ends the token and closes the session's sockets (4010)")
  void signOut() {
    String board = TestAccess.createBoard(url, "sign out");
    TestAccess.Account person = member("editor");
    try (WsTestClient socket = WsTestClient.join(server.port(), board, "signing-out", null, person.token())) {
      assertEquals(204, Rest.as(person.token()).send("POST", url + "/api/auth/signout", null).statusCode());
      assertEquals(4010, socket.awaitClose());
    }
    assertEquals(401, Rest.as(person.token()).send("GET", url + "/api/me", null).statusCode());
  }

  @Test
  @DisplayName("[A3] failed sign-ins are throttled per account, even with the right password afterwards")
  void loginThrottling() {
    TestAccess.Account person = TestAccess.signUp(url, "Throttled");
    for (int i = 0; i < 3; i++) {
      HttpResponse<String> wrong = signIn(person.email(), "wrong password " + i);
      assertEquals(401, wrong.statusCode());
      assertEquals("ERR_BAD_CREDENTIALS", new JsonObject(wrong.body()).getString("code"));
      assertFalse(wrong.body().contains("wrong password"), "passwords are never echoed");
    }
    HttpResponse<String> locked = signIn(person.email(), TestAccess.PASSWORD);
    assertEquals(429, locked.statusCode());
    assertTrue(Long.parseLong(locked.headers().firstValue("Retry-After").orElseThrow()) > 0);
    assertEquals(401, signIn("nobody@test.example", "whatever it is").statusCode(), "unknown emails look the same");
    assertEquals(200, signIn(member("viewer").email(), TestAccess.PASSWORD).statusCode(), "other accounts unaffected");
  }

  static HttpResponse<String> signIn(String email, String password) {
    return Rest.call("POST", url + "/api/auth/signin",
        new JsonObject().put("email", email).put("password", password).encode());
  }

  @Test
  @DisplayName("[P3][P8] one client's oversized and flood traffic does not slow another client down")
  void floodDoesNotHarmOthers() throws Exception {
    String board = TestAccess.createBoard(url, "flood");
    String flooderToken = TestAccess.guestToken(url, board, "flooder-client", "Flooder");
    try (WsTestClient flooder = WsTestClient.join(server.port(), board, "flooder-client", null, flooderToken);
         WsTestClient calm = WsTestClient.join(server.port(), board, "calm-client", null)) {
      Thread flood = new Thread(() -> {
        String big = "x".repeat(300 * 1024);
        for (int i = 0; i < 400; i++) {
          flooder.send(i % 50 == 0 ? new JsonObject().put("t", "push").put("id", "big" + i).put("clientSeq", 1)
              .put("changes", new JsonArray().add(big))
              : Changes.push("f" + i, i + 1, Changes.put(Changes.note("f" + (i % 20), i, i, "flood " + i))));
        }
      });
      flood.start();
      List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
      for (int i = 0; i < 40; i++) {
        long t0 = System.nanoTime();
        calm.send(Changes.push("calm" + i, i + 1, Changes.put(Changes.note("calm" + i, i, 0, "calm"))));
        assertNotNull(calm.reply("calm" + i).getLong("seq"));
        latencies.add((System.nanoTime() - t0) / 1_000_000);
      }
      flood.join();
      Collections.sort(latencies);
      long p50 = latencies.get(latencies.size() / 2);
      long max = latencies.get(latencies.size() - 1);
      System.out.println("calm client during a flood: push-to-ack p50 " + p50 + " ms, max " + max + " ms");
      assertTrue(max < 2_000, "a calm client's pushes keep being acknowledged promptly (max " + max + " ms)");
    }
  }
}
