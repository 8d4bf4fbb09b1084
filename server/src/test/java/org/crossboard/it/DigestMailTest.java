package org.crossboard.it;

import static org.crossboard.testing.SessionRequests.ask;
import static org.crossboard.testing.SessionRequests.push;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.crossboard.testing.BoardMembers;
import org.crossboard.testing.Changes;
import org.crossboard.testing.Rest;
import org.crossboard.testing.TestAccess;
import org.crossboard.testing.TestServer;
import org.crossboard.testing.WsTestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The e-mail digest of unread notifications (SPEC.md K7) against a real SMTP server in the test JVM
 * (GreenMail): the server is started with {@code SMTP_URL} pointing at it and a one-second digest
 * interval, so a mention becomes one message to the mentioned person's address, once.
 */
class DigestMailTest {
  static GreenMail smtp;
  static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    server = TestServer.start(Files.createTempDirectory("digest"), Map.of(
        "SMTP_URL", "smtp://127.0.0.1:" + smtp.getSmtp().getPort(), "SMTP_FROM", "digest@crossboard.test",
        "PUBLIC_URL", "https://boards.example.eu", "DIGEST_INTERVAL_MS", "1000"));
  }

  @AfterAll
  static void stop() {
    server.stop();
    smtp.stop();
  }

  @Test
  @DisplayName("[K7] an unread mention reaches the person by e-mail in the next digest, with a link to the thread, and only once")
  void digest() throws Exception {
    String url = server.baseUrl();
    String board = TestAccess.createBoard(url, "Digest board");
    TestAccess.Account expert = BoardMembers.member(url, board, "commenter", "Erin Expert");
    TestAccess.Account editor = BoardMembers.member(url, board, "editor", "Ted Team");
    try (WsTestClient x = WsTestClient.join(server.port(), board, "digest-expert-1", null, expert.token())) {
      assertEquals("ack", push(x, 1, Changes.put(new JsonObject().put("id", "c-legacy").put("type", "comment")
          .put("order", "a1").put("x", 1).put("y", 1).put("text", "an old-style comment"))).getString("t"));
      JsonObject reply = ask(x, "thread.create", new JsonObject()
          .put("anchor", new JsonObject().put("kind", "point").put("x", 5).put("y", 5)).put("kind", "question")
          .put("body", "@Ted Team can you share the pilot data?")
          .put("mentions", new JsonArray().add(new JsonObject().put("user", editor.userId()))));
      assertEquals("thread.ok", reply.getString("t"), reply.encode());
      String thread = reply.getString("thread");

      MimeMessage message = awaitMessageTo(editor.email());
      assertTrue(message.getSubject().contains("1 unread notification"), message.getSubject());
      String body = message.getContent().toString(); // decoded (quoted-printable would escape the link's "=")
      assertTrue(body.contains("Erin Expert mentioned you"), body);
      assertTrue(body.contains("can you share the pilot data?"), body);
      assertTrue(body.contains("https://boards.example.eu/board.html?b=" + board + "&thread=" + thread), body);

      Thread.sleep(2_500); // two more intervals: the notification was mailed, so no second message
      assertEquals(1, messagesTo(editor.email()).size(), "[K7] mailed once");
    }
  }

  @Test
  @DisplayName("[K7][W15] the digest is written in the person's language, which the account keeps (PATCH /api/me): German words and plural, Content-Language de")
  void digestInGerman() throws Exception {
    String url = server.baseUrl();
    String board = TestAccess.createBoard(url, "Digest auf Deutsch");
    TestAccess.Account expert = BoardMembers.member(url, board, "commenter", "Erin Expert");
    TestAccess.Account greta = BoardMembers.member(url, board, "editor", "Greta Gruber");
    HttpResponse<String> bad = Rest.as(greta.token()).send("PATCH", url + "/api/me",
        new JsonObject().put("lang", "xx").encode());
    assertEquals(400, bad.statusCode(), bad.body());
    assertEquals("ERR_INVALID", new JsonObject(bad.body()).getString("code"));
    HttpResponse<String> set = Rest.as(greta.token()).send("PATCH", url + "/api/me",
        new JsonObject().put("lang", "de").encode());
    assertEquals(200, set.statusCode(), set.body());
    assertEquals("de", new JsonObject(set.body()).getString("lang"));
    assertEquals("de", new JsonObject(Rest.as(greta.token()).send("GET", url + "/api/me", null).body()).getString("lang"));

    try (WsTestClient x = WsTestClient.join(server.port(), board, "digest-expert-2", null, expert.token())) {
      for (String body : List.of("@Greta Gruber siehe Seite 3", "@Greta Gruber und Seite 4")) {
        JsonObject created = ask(x, "thread.create", new JsonObject()
            .put("anchor", new JsonObject().put("kind", "point").put("x", 5).put("y", 5)).put("kind", "question")
            .put("body", body).put("lang", "de")
            .put("mentions", new JsonArray().add(new JsonObject().put("user", greta.userId()))));
        assertEquals("thread.ok", created.getString("t"), created.encode());
      }
      MimeMessage message = awaitMessageTo(greta.email());
      assertEquals("Crossboard: 2 ungelesene Benachrichtigungen", message.getSubject());
      assertEquals("de", message.getHeader("Content-Language")[0]);
      String body = message.getContent().toString();
      assertTrue(body.startsWith("Hallo Greta Gruber,"), body);
      assertTrue(body.contains("Erin Expert hat Sie erwähnt: \"@Greta Gruber siehe Seite 3\""), body);
      assertTrue(body.contains("in deren Kommentarbereich stumm"), body);
    }
  }

  /** The first message to {@code email}, waiting for it up to 10 s. */
  private static MimeMessage awaitMessageTo(String email) throws Exception {
    long deadline = System.currentTimeMillis() + 10_000;
    while (System.currentTimeMillis() < deadline) {
      List<MimeMessage> mine = messagesTo(email);
      if (!mine.isEmpty()) {
        return mine.get(0);
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no digest to " + email + " within a few intervals");
  }

  private static List<MimeMessage> messagesTo(String email) throws Exception {
    List<MimeMessage> mine = new ArrayList<>();
    for (MimeMessage m : smtp.getReceivedMessages()) {
      if (email.equals(m.getAllRecipients()[0].toString())) {
        mine.add(m);
      }
    }
    return mine;
  }
}
