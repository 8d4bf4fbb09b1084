package org.crossboard.it;

import static org.crossboard.testing.SessionRequests.ask;
import static org.crossboard.testing.SessionRequests.push;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
 * Comment threads over real sockets and REST (docs/COMMENTS.md, SPEC.md K1–K10): each role's
 * rights, replies, edits with history, tombstones, resolve, reactions, anchors that follow their
 * record (orphaned when it is removed, back when it returns), mentions and notifications (live on
 * another board, listed, read, muted, waited for), limits, filters and exports.
 */
class ThreadTest {
  static TestServer server;
  static String url;
  static final AtomicInteger IDS = new AtomicInteger();

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start(Files.createTempDirectory("threads"));
    url = server.baseUrl();
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  static WsTestClient join(String board, String token) {
    return WsTestClient.join(server.port(), board, "t" + IDS.incrementAndGet() + "abcdefgh", null, token);
  }

  /** A request that must be answered {@code thread.ok}; returns the answer. */
  static JsonObject ok(WsTestClient c, String type, JsonObject fields) {
    JsonObject reply = ask(c, type, fields);
    assertEquals("thread.ok", reply.getString("t"), type + " → " + reply.encode());
    return reply;
  }

  static void refused(WsTestClient c, String type, JsonObject fields, String code) {
    JsonObject reply = ask(c, type, fields);
    assertEquals("error", reply.getString("t"), reply.encode());
    assertEquals(code, reply.getString("code"), reply.encode());
  }

  /** The next {@code thread} frame for thread {@code id} matching {@code p}. */
  static JsonObject thread(WsTestClient c, String id, java.util.function.Predicate<JsonObject> p) {
    return c.expect(m -> "thread".equals(m.getString("t")) && id.equals(m.getJsonObject("thread").getString("id"))
        && p.test(m.getJsonObject("thread"))).getJsonObject("thread");
  }

  static JsonObject question(String record, String body) {
    return new JsonObject().put("anchor", new JsonObject().put("kind", "record").put("record", record))
        .put("kind", "question").put("body", body);
  }

  static JsonObject get(String token, String path) {
    HttpResponse<String> r = Rest.as(token).send("GET", url + path, null);
    assertEquals(200, r.statusCode(), path + ": " + r.body());
    return new JsonObject(r.body());
  }

  @Test
  @DisplayName("[K1][K3][K4][K5][K10] an expert asks, the team replies; edits keep history, removals leave a tombstone, each role's rights hold")
  void conversation() {
    String board = TestAccess.createBoard(url, "Advisory board");
    TestAccess.Owner owner = TestAccess.ownerOf(board);
    TestAccess.Account expert = BoardMembers.member(url, board, "commenter", "Erin Expert");
    TestAccess.Account editor = BoardMembers.member(url, board, "editor", "Ted Team");
    TestAccess.Account viewer = BoardMembers.member(url, board, "viewer", "Vera Viewer");
    try (WsTestClient o = join(board, owner.token()); WsTestClient x = join(board, expert.token());
        WsTestClient e = join(board, editor.token()); WsTestClient v = join(board, viewer.token())) {
      assertEquals("ack", push(e, 1, Changes.put(Changes.note("n1", 0, 0, "Open data first"))).getString("t"));
      refused(v, "thread.create", question("n1", "may I?"), "ERR_FORBIDDEN");
      String tid = ok(x, "thread.create", question("n1", "What evidence supports this?")).getString("thread");
      JsonObject seen = thread(v, tid, t -> true);
      JsonObject first = seen.getJsonArray("comments").getJsonObject(0);
      assertEquals("advisory-expert", first.getJsonObject("author").getString("badge"), "[K10]");
      assertEquals("question", seen.getString("kind"));
      assertEquals("open", seen.getString("state"));

      String reply = ok(e, "thread.reply", new JsonObject().put("thread", tid).put("body", "The 2024 pilot report"))
          .getString("comment");
      assertEquals("team-member", thread(x, tid, t -> t.getJsonArray("comments").size() == 2)
          .getJsonArray("comments").getJsonObject(1).getJsonObject("author").getString("badge"));
      String firstId = first.getString("id");
      refused(e, "thread.edit", new JsonObject().put("thread", tid).put("comment", firstId).put("body", "hijack"),
          "ERR_FORBIDDEN");
      ok(x, "thread.edit", new JsonObject().put("thread", tid).put("comment", firstId)
          .put("body", "What evidence from other countries supports this?"));
      JsonObject edited = thread(e, tid, t -> t.getJsonArray("comments").getJsonObject(0).getValue("editedAt") != null)
          .getJsonArray("comments").getJsonObject(0);
      assertEquals("What evidence supports this?", edited.getJsonArray("history").getJsonObject(0).getString("body"),
          "[K3] history kept");

      ok(x, "thread.react", new JsonObject().put("thread", tid).put("comment", reply).put("reaction", "+1").put("on", true));
      refused(x, "thread.react", new JsonObject().put("thread", tid).put("comment", reply).put("reaction", "poop")
          .put("on", true), "ERR_INVALID");
      assertEquals(new JsonArray().add(expert.userId()), thread(o, tid, t -> t.getJsonArray("comments").size() == 2
          && t.getJsonArray("comments").getJsonObject(1).getJsonObject("reactions", new JsonObject()).containsKey("+1"))
          .getJsonArray("comments").getJsonObject(1).getJsonObject("reactions").getJsonArray("+1"));

      refused(x, "thread.remove", new JsonObject().put("thread", tid).put("comment", reply), "ERR_FORBIDDEN");
      ok(o, "thread.remove", new JsonObject().put("thread", tid).put("comment", reply));
      JsonObject tomb = thread(v, tid, t -> t.getJsonArray("comments").size() == 2
          && t.getJsonArray("comments").getJsonObject(1).getValue("removed") != null)
          .getJsonArray("comments").getJsonObject(1);
      assertNull(tomb.getValue("body"), "[K3] the tombstone keeps no text");
      assertEquals(owner.account().name(), tomb.getJsonObject("removed").getJsonObject("by").getString("name"));
      assertFalse(String.join("\n", v.received().subList(v.received().size() - 1, v.received().size()))
          .contains("The 2024 pilot report"));

      ok(e, "thread.resolve", new JsonObject().put("thread", tid).put("resolved", true));
      assertEquals("resolved", thread(x, tid, t -> "resolved".equals(t.getString("state"))).getString("state"));
      ok(x, "thread.resolve", new JsonObject().put("thread", tid).put("resolved", false)); // its creator reopens
      thread(v, tid, t -> "open".equals(t.getString("state")));
      assertEquals("pong", ask(v, "ping", new JsonObject()).getString("t"), "refusals left the connections unharmed");
    }
  }

  @Test
  @DisplayName("[K2] a thread follows its note; removing the note orphans it (kept, listed), undoing the removal re-attaches it")
  void anchorsFollowRecords() {
    String board = TestAccess.createBoard(url, "Anchors");
    TestAccess.Owner owner = TestAccess.ownerOf(board);
    try (WsTestClient o = join(board, owner.token()); WsTestClient other = join(board, owner.token())) {
      JsonObject note = Changes.note("n2", 10, 10, "Move me");
      assertEquals("ack", push(o, 1, Changes.put(note)).getString("t"));
      String tid = ok(o, "thread.create", question("n2", "Where does this go?")).getString("thread");
      assertEquals("ack", push(o, 2, Changes.patch("n2", new JsonObject().put("x", 400))).getString("t"));
      assertEquals("ack", push(o, 3, Changes.remove("n2")).getString("t"));
      assertTrue(thread(other, tid, t -> t.getBoolean("orphaned", false)).getBoolean("orphaned"));
      JsonObject listed = get(owner.token(), "/api/boards/" + board + "/threads");
      assertEquals(1, listed.getJsonArray("threads").size(), "[K2] orphaned, never lost");
      assertEquals("ack", push(o, 4, Changes.put(note.copy().put("x", 400))).getString("t")); // undo puts it back
      assertFalse(thread(other, tid, t -> !t.getBoolean("orphaned", true)).getBoolean("orphaned"));
    }
  }

  @Test
  @DisplayName("[K6][K7] mentions notify exactly the mentioned who can read the board — live on another board too — listed, read, muted")
  void mentionsAndNotifications() throws Exception {
    String board = TestAccess.createBoard(url, "Mentions");
    TestAccess.Owner owner = TestAccess.ownerOf(board);
    TestAccess.Account expert = BoardMembers.member(url, board, "commenter", "Erin Expert");
    TestAccess.Account editor = BoardMembers.member(url, board, "editor", "Ted Team");
    TestAccess.Account outsider = TestAccess.signUp(url, "Olly Outsider");
    String elsewhere = TestAccess.createBoard(url, "Another board");
    TestAccess.Account editorThere = editor; // Ted is only on the other board's page
    BoardMembers.member(url, elsewhere, "viewer", "Ted's other seat"); // someone else, so the board has people
    String invite = TestAccess.invite(url, TestAccess.ownerOf(elsewhere).token(),
        TestAccess.ownerOf(elsewhere).workspace(), elsewhere, "viewer", 1);
    Rest.as(editorThere.token()).send("POST", url + "/api/invites/accept", new JsonObject().put("code", invite).encode());
    try (WsTestClient x = join(board, expert.token()); WsTestClient tedAway = join(elsewhere, editor.token());
        WsTestClient o = join(board, owner.token())) {
      assertEquals("ack", push(o, 1, Changes.put(Changes.note("n3", 0, 0, "Owner's note"))).getString("t"));
      JsonObject create = question("n3", "@Ted Team @Olly what do you think?")
          .put("mentions", new JsonArray().add(new JsonObject().put("user", editor.userId()))
              .add(new JsonObject().put("user", outsider.userId())));
      String tid = ok(x, "thread.create", create).getString("thread");

      JsonObject live = tedAway.expect(m -> "notification".equals(m.getString("t")));
      assertEquals("mention", live.getJsonObject("notification").getString("reason"), "[K7] on another board's socket");
      assertEquals(tid, live.getJsonObject("notification").getString("thread"));
      assertEquals(1, live.getInteger("unread"));
      JsonObject ownerGot = o.expect(m -> "notification".equals(m.getString("t")));
      assertEquals("your-record", ownerGot.getJsonObject("notification").getString("reason"), "[K7] on my note");
      JsonObject outsiders = get(outsider.token(), "/api/me/notifications");
      assertEquals(0, outsiders.getJsonArray("notifications").size(), "[K6] cannot read the board: never notified");

      // a group mention reaches the facilitators (the owner); a reply reaches who wrote before (the expert)
      ok(o, "thread.reply", new JsonObject().put("thread", tid).put("body", "@facilitators please look")
          .put("mentions", new JsonArray().add(new JsonObject().put("group", "team"))));
      JsonObject expertGot = x.expect(m -> "notification".equals(m.getString("t")));
      assertEquals("reply", expertGot.getJsonObject("notification").getString("reason"));
      assertEquals("mention", tedAway.expect(m -> "notification".equals(m.getString("t")))
          .getJsonObject("notification").getString("reason"), "[K6] the team group holds Ted");

      JsonObject teds = get(editor.token(), "/api/me/notifications?unread=true");
      assertEquals(2, teds.getInteger("unread"));
      String firstId = teds.getJsonArray("notifications").getJsonObject(1).getString("_id");
      HttpResponse<String> read = Rest.as(editor.token()).send("POST", url + "/api/me/notifications/read",
          new JsonObject().put("ids", new JsonArray().add(firstId)).encode());
      assertEquals(1, new JsonObject(read.body()).getInteger("unread"), read.body());

      // Ted mutes the board: nothing more reaches him from it
      assertEquals(200, Rest.as(editor.token()).send("PUT", url + "/api/me/mutes",
          new JsonObject().put("board", board).put("muted", true).encode()).statusCode());
      ok(x, "thread.reply", new JsonObject().put("thread", tid).put("body", "@Ted Team again")
          .put("mentions", new JsonArray().add(new JsonObject().put("user", editor.userId()))));
      ask(x, "ping", new JsonObject());
      assertEquals(1, get(editor.token(), "/api/me/notifications").getInteger("unread"), "[K7] muted");

      // the bell of a page without a board socket waits for the next one
      long now = System.currentTimeMillis();
      CompletableFuture<JsonObject> waiting = CompletableFuture.supplyAsync(() ->
          get(expert.token(), "/api/me/notifications?after=" + now + "&wait=15"));
      Thread.sleep(300);
      ok(o, "thread.reply", new JsonObject().put("thread", tid).put("body", "@Erin Expert thanks")
          .put("mentions", new JsonArray().add(new JsonObject().put("user", expert.userId()))));
      long asked = System.currentTimeMillis();
      JsonObject woke = waiting.get(10, TimeUnit.SECONDS);
      assertTrue(System.currentTimeMillis() - asked < 5_000, "[K7] answered when it arrived");
      assertEquals("mention", woke.getJsonArray("notifications").getJsonObject(0).getString("reason"));
    }
  }

  @Test
  @DisplayName("[K8] limits: body length, mentions per comment, comments per minute — each its own code, the connection unharmed")
  void limits() {
    String board = TestAccess.createBoard(url, "Limits");
    TestAccess.Owner owner = TestAccess.ownerOf(board);
    try (WsTestClient o = join(board, owner.token())) {
      JsonObject point = new JsonObject().put("kind", "point").put("x", 1).put("y", 2);
      refused(o, "thread.create", new JsonObject().put("anchor", point).put("kind", "plain")
          .put("body", "x".repeat(4001)), "ERR_TOO_LARGE");
      JsonArray many = new JsonArray();
      for (int i = 0; i < 21; i++) {
        many.add(new JsonObject().put("user", "u" + i));
      }
      refused(o, "thread.create", new JsonObject().put("anchor", point).put("kind", "plain").put("body", "hi")
          .put("mentions", many), "ERR_TOO_MANY_MENTIONS");
      refused(o, "thread.create", new JsonObject().put("anchor", point).put("kind", "reference").put("body", "see")
          .put("link", "javascript:alert(1)"), "ERR_INVALID");
      String tid = ok(o, "thread.create", new JsonObject().put("anchor", point).put("kind", "plain").put("body", "1"))
          .getString("thread");
      for (int i = 2; i <= 20; i++) {
        ok(o, "thread.reply", new JsonObject().put("thread", tid).put("body", "comment " + i));
      }
      JsonObject throttled = ask(o, "thread.reply", new JsonObject().put("thread", tid).put("body", "one too many"));
      assertEquals("ERR_THROTTLED", throttled.getString("code"), throttled.encode());
      assertEquals("pong", ask(o, "ping", new JsonObject()).getString("t"));
    }
  }

  @Test
  @DisplayName("[K9] REST filters, one thread, and the exports: W3C Web Annotation (JSON-LD) with replies, and CSV")
  void restAndExports() {
    String board = TestAccess.createBoard(url, "Exports");
    TestAccess.Owner owner = TestAccess.ownerOf(board);
    TestAccess.Account expert = BoardMembers.member(url, board, "commenter", "Erin Expert");
    try (WsTestClient o = join(board, owner.token()); WsTestClient x = join(board, expert.token())) {
      assertEquals("ack", push(o, 1, Changes.put(Changes.note("n4", 0, 0, "Scaling plan"))).getString("t"));
      String q = ok(x, "thread.create", question("n4", "Who pays for scaling?")
          .put("mentions", new JsonArray().add(new JsonObject().put("user", owner.account().userId()))))
          .getString("thread");
      ok(o, "thread.reply", new JsonObject().put("thread", q).put("body", "The ministry, from 2027"));
      String s = ok(o, "thread.create", new JsonObject().put("anchor", new JsonObject().put("kind", "region")
          .put("x", 0).put("y", 0).put("w", 300).put("h", 200)).put("kind", "decision").put("body", "We scale in 3 regions"))
          .getString("thread");
      ok(o, "thread.resolve", new JsonObject().put("thread", s).put("resolved", true));

      String base = "/api/boards/" + board + "/threads";
      assertEquals(2, get(expert.token(), base).getJsonArray("threads").size());
      assertEquals(q, get(expert.token(), base + "?state=open").getJsonArray("threads").getJsonObject(0).getString("id"));
      assertEquals(s, get(expert.token(), base + "?kind=decision").getJsonArray("threads").getJsonObject(0).getString("id"));
      assertEquals(q, get(owner.token(), base + "?mentions=me").getJsonArray("threads").getJsonObject(0).getString("id"));
      assertEquals(0, get(expert.token(), base + "?mentions=me").getJsonArray("threads").size());
      assertEquals(q, get(expert.token(), base + "?record=n4").getJsonArray("threads").getJsonObject(0).getString("id"));
      assertEquals(q, get(expert.token(), base + "/" + q).getString("id"));
      assertEquals(400, Rest.as(expert.token()).send("GET", url + base + "?state=maybe", null).statusCode());

      HttpResponse<String> ld = Rest.as(expert.token()).send("GET", url + base + "/export?format=annotation", null);
      assertEquals(200, ld.statusCode(), ld.body());
      assertTrue(ld.headers().firstValue("Content-Type").orElse("").startsWith("application/ld+json"));
      JsonObject collection = new JsonObject(ld.body());
      assertEquals("http://www.w3.org/ns/anno.jsonld", collection.getString("@context"));
      JsonArray items = collection.getJsonObject("first").getJsonArray("items");
      JsonObject annotation = null;
      JsonObject replyAnnotation = null;
      for (Object i : items) {
        JsonObject a = (JsonObject) i;
        assertEquals("Annotation", a.getString("type"));
        assertTrue(a.getString("id").startsWith("http"), "[K9] an IRI: " + a.getString("id"));
        if ("replying".equals(a.getString("motivation"))) {
          replyAnnotation = a;
        } else if (a.encode().contains("Who pays")) {
          annotation = a;
        }
      }
      assertNotNull(annotation);
      assertNotNull(replyAnnotation);
      JsonObject target = annotation.getJsonObject("target");
      assertEquals("SpecificResource", target.getString("type"));
      assertNotNull(target.getJsonObject("selector"));
      JsonObject body = annotation.getJsonArray("body").getJsonObject(0);
      assertEquals("TextualBody", body.getString("type"));
      assertTrue(body.containsKey("language"));
      assertEquals(annotation.getString("id"), replyAnnotation.getValue("target") instanceof String t ? t
          : replyAnnotation.getJsonObject("target").getString("source"), "[K9] a reply targets its parent");

      HttpResponse<String> csv = Rest.as(expert.token()).send("GET", url + base + "/export?format=csv", null);
      assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
      assertTrue(csv.body().contains("The ministry, from 2027"), csv.body());
    }
  }

  @Test
  @DisplayName("[K6][K7] a notification is no longer shown once its comment is removed or the person has lost the board")
  void notificationsFollowAccess() {
    String board = TestAccess.createBoard(url, "Access follows");
    TestAccess.Owner owner = TestAccess.ownerOf(board);
    TestAccess.Account expert = BoardMembers.member(url, board, "commenter", "Erin Expert");
    TestAccess.Account editor = BoardMembers.member(url, board, "editor", "Ted Team");
    JsonObject point = new JsonObject().put("kind", "point").put("x", 1).put("y", 1);
    JsonArray ted = new JsonArray().add(new JsonObject().put("user", editor.userId()));
    try (WsTestClient x = join(board, expert.token())) {
      JsonObject first = ok(x, "thread.create", new JsonObject().put("anchor", point).put("kind", "plain")
          .put("body", "REMOVED-LATER @Ted Team").put("mentions", ted));
      ok(x, "thread.create", new JsonObject().put("anchor", point).put("kind", "plain")
          .put("body", "STAYS @Ted Team").put("mentions", ted));
      long deadline = System.currentTimeMillis() + 5_000; // stored just after thread.ok
      while (get(editor.token(), "/api/me/notifications").getJsonArray("notifications").size() < 2
          && System.currentTimeMillis() < deadline) {
        Thread.onSpinWait();
      }
      assertEquals(2, get(editor.token(), "/api/me/notifications").getJsonArray("notifications").size());

      ok(x, "thread.remove", new JsonObject().put("thread", first.getString("thread")).put("comment",
          first.getString("comment")));
      String listed = get(editor.token(), "/api/me/notifications").encode();
      assertFalse(listed.contains("REMOVED-LATER"), "[K7] a removed comment's excerpt is not shown: " + listed);
      assertTrue(listed.contains("STAYS"));

      assertEquals(204, Rest.as(owner.token()).send("DELETE", url + "/api/boards/" + board + "/members/"
          + editor.userId(), null).statusCode());
      String after = get(editor.token(), "/api/me/notifications").encode();
      assertFalse(after.contains("STAYS"), "[K6] nothing of a board Ted can no longer read: " + after);
    }
  }
}
