package org.crossboard.it;

import static org.crossboard.testing.SessionRequests.ask;
import static org.crossboard.testing.SessionRequests.castAtOnce;
import static org.crossboard.testing.SessionRequests.ok;
import static org.crossboard.testing.SessionRequests.push;
import static org.crossboard.testing.SessionRequests.refused;
import static org.crossboard.testing.SessionRequests.seen;
import static org.crossboard.testing.SessionRequests.session;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.crossboard.session.BallotChain;
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
 * Live sessions over real sockets and REST (docs/SESSIONS.md, SPEC.md L1–L10): who drives, the
 * server's timer acting at zero, locks, private mode and votes kept secret in every frame a
 * participant receives, hands, breakouts, attendance and the recap, and a restart mid-session.
 */
class SessionTest {
  static TestServer server;
  static String url;
  static final AtomicInteger IDS = new AtomicInteger();

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start(Files.createTempDirectory("sessions"));
    url = server.baseUrl();
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  /** A board with its owner (the facilitator) and people with board roles. */
  record Room(String board, TestAccess.Owner owner) {
    TestAccess.Account member(String role, String name) {
      return BoardMembers.member(url, board, role, name);
    }

    WsTestClient join(String token) {
      return WsTestClient.join(server.port(), board, "c" + IDS.incrementAndGet() + "abcdefgh", null, token);
    }
  }

  static JsonObject comment(String id, String text) {
    return new JsonObject().put("id", id).put("type", "comment").put("order", "a1").put("x", 5).put("y", 5)
        .put("text", text);
  }

  static Room room() {
    String board = TestAccess.createBoard(url, "Cohort session");
    return new Room(board, TestAccess.ownerOf(board));
  }





  static JsonObject createAndStart(WsTestClient facilitator) {
    ok(facilitator, "session.create", new JsonObject().put("title", "Open experimentation")
        .put("startsAt", System.currentTimeMillis()).put("timeZone", "Europe/Tallinn")
        .put("phases", new JsonArray().add(new JsonObject().put("title", "Ideas").put("minutes", 10))
            .add(new JsonObject().put("title", "Vote").put("minutes", 5))));
    ok(facilitator, "session.start", new JsonObject());
    return facilitator.expect(m -> "session".equals(m.getString("t"))
        && "live".equals(m.getJsonObject("session").getString("state"))).getJsonObject("session");
  }


  @Test
  @DisplayName("[L1][L2] only facilitators drive a session; everyone sees it go scheduled → live → ended")
  void onlyFacilitatorsDrive() {
    Room room = room();
    TestAccess.Account editor = room.member("editor", "Eve Editor");
    try (WsTestClient f = room.join(room.owner().token()); WsTestClient e = room.join(editor.token())) {
      assertTrue(f.welcome().containsKey("session"));
      refused(e, "session.create", new JsonObject().put("title", "Mine").put("startsAt", 1).put("timeZone", "UTC")
          .put("phases", new JsonArray()), "ERR_FORBIDDEN");
      refused(f, "session.start", new JsonObject(), "ERR_NO_SESSION");
      createAndStart(f);
      assertEquals("live", session(e, s -> "live".equals(s.getString("state"))).getString("state"));
      refused(e, "session.end", new JsonObject(), "ERR_FORBIDDEN");
      refused(e, "session.timer", new JsonObject().put("action", "start").put("durationMs", 5000), "ERR_FORBIDDEN");
      refused(f, "session.start", new JsonObject(), "ERR_SESSION_STATE");
      refused(f, "session.timer", new JsonObject().put("action", "start").put("durationMs", -5), "ERR_INVALID");
      JsonObject bad = ask(f, "session.timer", new JsonObject().put("action", 7));
      assertEquals("ERR_MALFORMED", bad.getString("code"), bad.encode());
      ok(f, "session.end", new JsonObject());
      session(e, s -> "ended".equals(s.getString("state")));
      JsonObject pong = ask(e, "ping", new JsonObject());
      assertEquals("pong", pong.getString("t"), "the connection is unharmed by refusals");
    }
  }

  @Test
  @DisplayName("[L3][L4] the server's timer acts at zero (locks the board) and every client gets the cue within 100 ms")
  void timerActsAtZero() {
    Room room = room();
    TestAccess.Account a = room.member("editor", "Ana");
    try (WsTestClient f = room.join(room.owner().token()); WsTestClient p = room.join(a.token())) {
      createAndStart(f);
      assertEquals("ack", push(p, 1, Changes.put(Changes.note("n1", 0, 0, "before the lock"))).getString("t"));
      ok(f, "session.timer", new JsonObject().put("action", "start").put("durationMs", 1500).put("atZero", "lock"));
      JsonObject running = session(p, s -> "running".equals(s.getJsonObject("timers").getJsonObject("all").getString("state")));
      long endsAt = running.getJsonObject("timers").getJsonObject("all").getLong("endsAt");
      JsonObject facilitatorsTimer = session(f, s -> "running".equals(s.getJsonObject("timers").getJsonObject("all").getString("state")));
      assertEquals(endsAt, facilitatorsTimer.getJsonObject("timers").getJsonObject("all").getLong("endsAt"),
          "[L3] one end time for everyone");
      for (WsTestClient c : List.of(p, f)) {
        JsonObject cue = c.expect(m -> "session.cue".equals(m.getString("t")));
        long late = System.currentTimeMillis() - endsAt;
        assertEquals("timerZero", cue.getString("kind"));
        assertEquals("lock", cue.getString("action"));
        assertTrue(late >= 0 && late < 100, "[L3] cue " + late + " ms after the server's zero");
      }
      session(p, s -> s.getJsonObject("locks").getBoolean("board"));
      assertEquals(1, p.received().stream().filter(m -> m.startsWith("{\"t\":\"session.cue\"")).count(),
          "[L3] one cue: the timer's and the stored step's are the same");
      JsonObject refusedPush = push(p, 2, Changes.patch("n1", new JsonObject().put("x", 50)));
      assertEquals("ERR_LOCKED", refusedPush.getString("code"), "[L4] " + refusedPush.encode());
      assertEquals("ack", push(f, 1, Changes.patch("n1", new JsonObject().put("x", 60))).getString("t"),
          "[L4] facilitators still edit");
      ok(f, "session.lock", new JsonObject().put("target", "board").put("locked", false));
      session(p, s -> !s.getJsonObject("locks").getBoolean("board"));
      assertEquals("ack", push(p, 3, Changes.patch("n1", new JsonObject().put("x", 70))).getString("t"));
    }
  }

  @Test
  @DisplayName("[L4] a locked frame refuses participants' changes inside it and moves into it; facilitators may")
  void lockedFrame() {
    Room room = room();
    TestAccess.Account a = room.member("editor", "Ana");
    try (WsTestClient f = room.join(room.owner().token()); WsTestClient p = room.join(a.token())) {
      createAndStart(f);
      JsonObject frame = Changes.note("f1", 0, 0, null).put("type", "frame").put("w", 800).put("h", 600);
      frame.remove("text");
      assertEquals("ack", push(f, 1, Changes.put(frame), Changes.put(Changes.note("in", 10, 10, "inside").put("parent", "f1")),
          Changes.put(Changes.note("out", 900, 10, "outside"))).getString("t"));
      p.expectOps();
      ok(f, "session.lock", new JsonObject().put("target", "f1").put("locked", true));
      session(p, s -> s.getJsonObject("locks").getJsonArray("frames").contains("f1"));
      assertEquals("ERR_LOCKED", push(p, 1, Changes.patch("in", new JsonObject().put("text", "x"))).getString("code"));
      assertEquals("ERR_LOCKED", push(p, 2, Changes.patch("out", new JsonObject().put("parent", "f1"))).getString("code"));
      assertEquals("ERR_LOCKED", push(p, 3, Changes.remove("f1")).getString("code"));
      assertEquals("ack", push(p, 4, Changes.patch("out", new JsonObject().put("text", "free"))).getString("t"));
      assertEquals("ack", push(f, 2, Changes.patch("in", new JsonObject().put("text", "by the facilitator"))).getString("t"));
      refused(f, "session.lock", new JsonObject().put("target", "out").put("locked", true), "ERR_INVALID");
    }
  }

  @Test
  @DisplayName("[L5] private mode: a participant's notes reach no other participant — no frame, welcome, fetch, export or REST answer — until the reveal, then all at once")
  void privateModeIsSecret() {
    Room room = room();
    TestAccess.Account ana = room.member("editor", "Ana");
    TestAccess.Account bo = room.member("editor", "Bo");
    try (WsTestClient f = room.join(room.owner().token()); WsTestClient a = room.join(ana.token());
        WsTestClient b = room.join(bo.token())) {
      createAndStart(f);
      assertEquals("ack", push(f, 1, Changes.put(Changes.note("pub", 0, 0, "public note"))).getString("t"));
      ok(f, "session.private", new JsonObject().put("on", true).put("facilitatorsSee", true));
      session(b, s -> s.getJsonObject("privateMode").getBoolean("on"));

      assertEquals("ack", push(a, 1, Changes.put(Changes.note("sec", 100, 0, "SECRET-DRAFT-one"))).getString("t"));
      assertEquals("ack", push(a, 2, Changes.patch("sec", new JsonObject().put("text", "SECRET-FINAL-two"))).getString("t"));
      assertEquals("ERR_PRIVATE_MODE", push(a, 3, Changes.patch("pub", new JsonObject().put("x", 5))).getString("code"),
          "[L5] others' records wait for the reveal");
      assertEquals("ERR_PRIVATE_MODE", push(b, 1, Changes.patch("sec", new JsonObject().put("text", "guess"))).getString("code"));
      f.expect(m -> m.encode().contains("SECRET-FINAL-two")); // the facilitator sees it (facilitatorsSee)
      refused(a, "thread.create", new JsonObject().put("anchor", new JsonObject().put("kind", "record")
          .put("record", "sec")).put("kind", "question").put("body", "a thread would tell everyone"), "ERR_PRIVATE_MODE");

      JsonObject fetched = ask(b, "fetch", new JsonObject().put("from", 0).put("to", currentSeq(f)));
      assertEquals("ops", fetched.getString("t"), fetched.encode());
      try (WsTestClient again = room.join(bo.token())) { // a welcome snapshot while private
        assertFalse(again.welcome().encode().contains("SECRET"), "[L5] welcome snapshot");
        assertTrue(again.welcome().getJsonObject("snapshot").encode().contains("public note"));
      }
      try (WsTestClient resumed = WsTestClient.join(server.port(), room.board(), "resume-bo-1", 0L, bo.token())) {
        assertFalse(resumed.welcome().encode().contains("SECRET"), "[L5] welcome ops");
      }
      String export = Rest.as(bo.token()).send("GET", url + "/api/boards/" + room.board() + "/export", null).body();
      assertTrue(export.contains("public note"));
      assertFalse(export.contains("SECRET"), "[L5] export");
      assertTrue(Rest.as(ana.token()).send("GET", url + "/api/boards/" + room.board() + "/export", null).body()
          .contains("SECRET-FINAL-two"), "the author's own export has it");
      String sessions = Rest.as(bo.token()).send("GET", url + "/api/boards/" + room.board() + "/sessions", null).body();
      assertFalse(sessions.contains("SECRET"));
      ask(b, "ping", new JsonObject());
      assertTrue(b.received().stream().anyMatch(x -> x.equals("{\"t\":\"session.private\",\"hidden\":1}")),
          "[L5] a count instead of the notes");
      for (String frame : b.received()) {
        assertFalse(frame.contains("SECRET"), "[L5] frame to another participant: " + frame);
      }

      ok(f, "session.private", new JsonObject().put("on", false));
      JsonObject revealed = b.expect(m -> m.encode().contains("SECRET-FINAL-two"));
      assertEquals("batch", revealed.getString("t"));
      assertFalse(String.join("\n", b.received()).contains("SECRET-DRAFT-one"),
          "[L5] what was changed while private stays unsent");
      JsonObject put = revealed.getJsonArray("ops").getJsonObject(0).getJsonArray("changes").getJsonObject(0);
      assertEquals("put", put.getString("op"), "[L5] the reveal sends the whole record");
      assertFalse(put.getJsonObject("record").containsKey("private"));
      assertEquals("ack", push(b, 2, Changes.patch("pub", new JsonObject().put("x", 9))).getString("t"));
    }
  }

  private static long currentSeq(WsTestClient c) {
    long seq = c.welcome().getLong("seq");
    for (String frame : c.received()) {
      JsonObject m = new JsonObject(frame);
      if ("batch".equals(m.getString("t"))) {
        for (Object op : m.getJsonArray("ops")) {
          seq = Math.max(seq, ((JsonObject) op).getLong("seq"));
        }
      }
    }
    return seq;
  }

  @Test
  @DisplayName("[L5] an anonymous reveal names no author")
  void anonymousReveal() {
    Room room = room();
    TestAccess.Account ana = room.member("editor", "Ana");
    TestAccess.Account bo = room.member("editor", "Bo");
    try (WsTestClient f = room.join(room.owner().token()); WsTestClient a = room.join(ana.token());
        WsTestClient b = room.join(bo.token())) {
      createAndStart(f);
      ok(f, "session.private", new JsonObject().put("on", true).put("anonymous", true).put("facilitatorsSee", false));
      session(a, s -> s.getJsonObject("privateMode").getBoolean("on"));
      assertEquals("ack", push(a, 1, Changes.put(Changes.note("anon", 0, 0, "ANON-IDEA"))).getString("t"));
      ask(f, "ping", new JsonObject());
      assertFalse(String.join("\n", f.received()).contains("ANON-IDEA"), "[L5] facilitators see nothing when not allowed");
      ok(f, "session.private", new JsonObject().put("on", false));
      JsonObject revealed = b.expect(m -> m.encode().contains("ANON-IDEA"));
      JsonObject record = revealed.getJsonArray("ops").getJsonObject(0).getJsonArray("changes").getJsonObject(0)
          .getJsonObject("record");
      assertEquals("anonymous", record.getString("createdBy"));
      for (String frame : b.received()) { // presence names Ana, of course; nothing about the note does
        JsonObject m = new JsonObject(frame);
        if ("batch".equals(m.getString("t"))) {
          for (Object op : m.getJsonArray("ops")) {
            if (((JsonObject) op).encode().contains("\"anon\"")) {
              assertFalse(((JsonObject) op).encode().contains(ana.userId()), "[L5] the note's ops never name Ana: " + op);
            }
          }
        }
      }
    }
  }

  @Test
  @DisplayName("[L6][L7] a dot vote: limits hold under concurrent casts, nothing of anyone's ballot reaches others before close, and the revealed chain verifies")
  void dotVote() {
    Room room = room();
    List<TestAccess.Account> voters = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      voters.add(room.member("editor", "Voter " + i));
    }
    TestAccess.Account viewer = room.member("viewer", "Vic Viewer");
    try (WsTestClient f = room.join(room.owner().token())) {
      createAndStart(f);
      assertEquals("ack", push(f, 1, Changes.put(Changes.note("v1", 0, 0, "one")), Changes.put(Changes.note("v2", 300, 0, "two")),
          Changes.put(Changes.note("v3", 600, 0, "three"))).getString("t"));
      List<WsTestClient> clients = new ArrayList<>();
      voters.forEach(v -> clients.add(room.join(v.token())));
      try (WsTestClient vic = room.join(viewer.token())) {
        ok(f, "session.vote.open", new JsonObject().put("records", new JsonArray().add("v1").add("v2").add("v3"))
            .put("dots", 2).put("cap", 1).put("anonymous", false).put("liveCounts", false));
        refused(vic, "session.vote.cast", new JsonObject().put("record", "v1").put("delta", 1), "ERR_FORBIDDEN");
        // every voter fires five casts at once: two on v1 (cap 1), then v2, v3, v2 (2 dots)
        Map<WsTestClient, Integer> accepted = castAtOnce(clients, List.of("v1", "v1", "v2", "v3", "v2"));
        for (WsTestClient c : clients) {
          assertEquals(2, accepted.get(c), "[L6] two dots each, one per record");
          ask(c, "ping", new JsonObject()); // the own-dots frame may come before or after the last refusal
          assertTrue(c.received().stream().map(JsonObject::new).anyMatch(m -> "session.mine".equals(m.getString("t"))
              && m.getJsonObject("vote").getInteger("left", -1) == 0), "[L6] each voter sees their dots used up");
        }
        WsTestClient first = clients.get(0);
        // seen, not session: the pings above may have passed over that view
        JsonObject head = seen(first, s -> s.getJsonObject("vote") != null
            && s.getJsonObject("vote").getJsonObject("chain").getInteger("count") == 12);
        assertFalse(head.getJsonObject("vote").containsKey("ballots") && !head.getJsonObject("vote").getJsonArray("ballots").isEmpty());
        // before close: no frame to a voter names another voter or carries a ballot or a count
        for (int i = 0; i < clients.size(); i++) {
          for (String frame : clients.get(i).received()) {
            if (!frame.startsWith("{\"t\":\"session")) {
              continue; // presence names everyone in the room; votes travel only in session frames
            }
            for (int j = 0; j < voters.size(); j++) {
              if (j != i) {
                assertFalse(frame.contains(voters.get(j).userId()), "[L6] another's vote leaked: " + frame);
              }
            }
            assertFalse(frame.contains("\"nonce\""), "[L6] no ballot before close: " + frame);
            assertFalse(frame.contains("\"counts\""), "[L6] no counts without live counts: " + frame);
          }
        }
        ok(f, "session.vote.close", new JsonObject());
        for (WsTestClient c : List.of(first, vic)) {
          JsonObject revealed = c.expect(m -> "session.ballots".equals(m.getString("t")));
          JsonObject closed = session(c, s -> s.getJsonObject("vote") != null
              && "closed".equals(s.getJsonObject("vote").getString("state"))).getJsonObject("vote");
          assertFalse(closed.containsKey("ballots"), "[L7] ballots go once, not with every view");
          assertEquals(closed.getJsonObject("chain"), revealed.getJsonObject("chain"));
          JsonArray ballots = revealed.getJsonArray("ballots");
          assertEquals(12, ballots.size());
          List<JsonObject> list = new ArrayList<>();
          ballots.forEach(x -> list.add((JsonObject) x));
          assertEquals(closed.getJsonObject("chain").getString("hash"), BallotChain.headOf(list), "[L7] the chain verifies");
          Map<String, Integer> counted = new HashMap<>();
          list.forEach(x -> counted.merge(x.getString("record"), x.getInteger("delta"), Integer::sum));
          JsonArray ranking = closed.getJsonObject("results").getJsonArray("ranking");
          for (Object r : ranking) {
            JsonObject row = (JsonObject) r;
            assertEquals(counted.getOrDefault(row.getString("record"), 0), row.getInteger("count"), "[L7] " + row);
          }
          assertEquals("v1", ranking.getJsonObject(0).getString("record"), "v1 has all six voters' dots");
          assertEquals(6, ranking.getJsonObject(0).getInteger("count"));
        }
      } finally {
        clients.forEach(WsTestClient::close);
      }
    }
  }

  @Test
  @DisplayName("[L8] hands: an ordered queue; people lower their own, only facilitators lower others'")
  void hands() {
    Room room = room();
    TestAccess.Account ana = room.member("viewer", "Ana");
    TestAccess.Account bo = room.member("editor", "Bo");
    try (WsTestClient f = room.join(room.owner().token()); WsTestClient a = room.join(ana.token());
        WsTestClient b = room.join(bo.token())) {
      createAndStart(f);
      ok(a, "session.hand", new JsonObject().put("up", true));
      ok(b, "session.hand", new JsonObject().put("up", true));
      JsonObject both = session(f, s -> s.getJsonArray("hands").size() == 2);
      assertEquals(ana.userId(), both.getJsonArray("hands").getJsonObject(0).getString("user"));
      refused(b, "session.hand", new JsonObject().put("up", false).put("user", ana.userId()), "ERR_FORBIDDEN");
      ok(f, "session.hand", new JsonObject().put("up", false).put("user", ana.userId()));
      // not the view from when only Ana's hand was up (it may still wait in a's buffer): the one after lowering
      JsonObject one = session(a, s -> s.getJsonArray("hands").size() == 1
          && !ana.userId().equals(s.getJsonArray("hands").getJsonObject(0).getString("user")));
      assertEquals(bo.userId(), one.getJsonArray("hands").getJsonObject(0).getString("user"));
    }
  }

  @Test
  @DisplayName("[L9] breakouts: groups of participants; a group's summon reaches only that group (and facilitators); summon everyone reaches all")
  void breakouts() {
    Room room = room();
    List<TestAccess.Account> people = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      people.add(room.member("editor", "Person " + i));
    }
    try (WsTestClient f = room.join(room.owner().token())) {
      List<WsTestClient> clients = new ArrayList<>();
      people.forEach(p -> clients.add(room.join(p.token())));
      try {
        createAndStart(f);
        ok(f, "session.breakouts", new JsonObject().put("action", "split").put("by", "random").put("count", 2));
        JsonObject split = session(f, s -> s.getJsonObject("breakouts") != null);
        JsonArray groups = split.getJsonObject("breakouts").getJsonArray("groups");
        assertEquals(2, groups.size());
        JsonObject g1 = groups.getJsonObject(0);
        assertEquals(2, g1.getJsonArray("members").size(), "balanced");
        assertFalse(g1.getJsonArray("members").contains(room.owner().account().userId()), "facilitators are not split");
        ok(f, "session.summon", new JsonObject().put("viewport", new JsonObject().put("x", 5).put("y", 6).put("zoom", 1))
            .put("force", true).put("group", g1.getString("id")));
        for (int i = 0; i < people.size(); i++) {
          boolean inGroup = g1.getJsonArray("members").contains(people.get(i).userId());
          WsTestClient c = clients.get(i);
          JsonObject ping = ask(c, "ping", new JsonObject()); // everything sent before it has arrived
          assertNotNull(ping);
          boolean summoned = c.received().stream().anyMatch(x -> x.contains("\"session.summon\""));
          assertEquals(inGroup, summoned, "person " + i + " in group " + inGroup);
        }
        ok(f, "session.summon", new JsonObject().put("viewport", new JsonObject().put("x", 1).put("y", 2).put("zoom", 2))
            .put("force", false));
        clients.forEach(c -> assertEquals(2, c.expect(m -> "session.summon".equals(m.getString("t"))
            && m.getValue("group") == null).getJsonObject("viewport").getInteger("zoom")));
        ok(f, "session.breakouts", new JsonObject().put("action", "end"));
        session(f, s -> s.getValue("breakouts") == null);
      } finally {
        clients.forEach(WsTestClient::close);
      }
    }
  }

  @Test
  @DisplayName("[L10] attendance while live, and the recap at the end (Markdown, JSON, CSV) with phases, votes and who attended")
  void attendanceAndRecap() throws Exception {
    Room room = room();
    TestAccess.Account ana = room.member("editor", "Ana Attendee");
    TestAccess.Account bo = room.member("editor", "Bo Latecomer");
    try (WsTestClient f = room.join(room.owner().token()); WsTestClient a = room.join(ana.token())) {
      JsonObject session = createAndStart(f);
      String sid = session.getString("id");
      assertEquals("ack", push(f, 1, Changes.put(Changes.note("r1", 0, 0, "Recap note")),
          Changes.put(comment("c-open", "Which evidence supports this?").put("target", "r1")),
          Changes.put(comment("c-done", "Settled already").put("resolved", true))).getString("t"));
      try (WsTestClient b = room.join(bo.token())) {
        ok(f, "session.vote.open", new JsonObject().put("records", new JsonArray().add("r1")).put("dots", 1));
        ok(b, "session.vote.cast", new JsonObject().put("record", "r1").put("delta", 1));
      }
      Thread.sleep(100);
      ok(f, "session.next", new JsonObject());
      ok(f, "session.end", new JsonObject());
      JsonObject ended = session(f, s -> s.getJsonObject("recap") != null);
      assertEquals("ended", ended.getString("state"));

      String base = url + "/api/boards/" + room.board() + "/sessions/" + sid;
      JsonObject attendance = new JsonObject(Rest.as(room.owner().token()).send("GET", base + "/attendance", null).body());
      String events = attendance.getJsonArray("events").encode();
      assertTrue(events.contains(ana.userId()) && events.contains(bo.userId()), events);
      assertEquals(403, Rest.as(ana.token()).send("GET", base + "/attendance", null).statusCode(), "[L10] facilitators only");

      JsonObject recap = new JsonObject(Rest.as(room.owner().token()).send("GET", base + "/recap", null).body());
      assertEquals(2, recap.getJsonArray("phases").size());
      assertEquals("Ideas", recap.getJsonArray("phases").getJsonObject(0).getString("title"));
      assertEquals(1, recap.getJsonArray("votes").size());
      assertTrue(recap.getJsonArray("attendance").encode().contains("Bo Latecomer"));
      JsonArray comments = recap.getJsonArray("openComments");
      assertEquals(1, comments.size(), "[L10] the open comments, not the resolved: " + comments.encode());
      assertEquals("Recap note", comments.getJsonObject(0).getString("onLabel"));
      JsonObject participants = new JsonObject(Rest.as(ana.token()).send("GET", base + "/recap", null).body());
      assertFalse(participants.containsKey("attendance"), "[L10] who attended is the facilitators'");
      assertEquals(recap.getJsonArray("votes"), participants.getJsonArray("votes"));
      for (String format : List.of("md", "csv")) {
        HttpResponse<String> theirs = Rest.as(ana.token()).send("GET", base + "/recap?format=" + format, null);
        assertEquals(200, theirs.statusCode(), theirs.body());
        assertFalse(theirs.body().contains("Bo Latecomer"), "[L10] no attendance in a participant's " + format);
      }
      HttpResponse<String> md = Rest.as(room.owner().token()).send("GET", base + "/recap?format=md", null);
      assertTrue(md.headers().firstValue("Content-Type").orElse("").startsWith("text/markdown"));
      assertTrue(md.body().contains("Open experimentation") && md.body().contains("Ana Attendee"), md.body());
      assertTrue(md.body().contains("Which evidence supports this?"), md.body());
      assertTrue(md.body().contains("## Attendance"), "the owner's account is in English: " + md.body());
      HttpResponse<String> fr = Rest.as(room.owner().token()).send("GET", base + "/recap?format=md&lang=fr", null);
      assertEquals("fr", fr.headers().firstValue("Content-Language").orElse(""));
      assertTrue(fr.body().contains("## Présences") && fr.body().contains("Ana Attendee"), "[W15] " + fr.body());
      HttpResponse<String> csv = Rest.as(room.owner().token()).send("GET", base + "/recap?format=csv", null);
      assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
      assertTrue(csv.body().contains("Bo Latecomer"), csv.body());
    }
  }

  @Test
  @DisplayName("[L3] a session survives a restart mid-session: the timer keeps its end time and still acts at zero")
  void survivesRestart() throws Exception {
    Room room = room();
    long endsAt;
    try (WsTestClient f = room.join(room.owner().token())) {
      createAndStart(f);
      ok(f, "session.timer", new JsonObject().put("action", "start").put("durationMs", 4000).put("atZero", "next"));
      endsAt = session(f, s -> "running".equals(s.getJsonObject("timers").getJsonObject("all").getString("state")))
          .getJsonObject("timers").getJsonObject("all").getLong("endsAt");
    }
    server.restart();
    try (WsTestClient f = room.join(room.owner().token())) {
      JsonObject session = f.welcome().getJsonObject("session");
      if (session == null) {
        session = session(f, s -> true);
      }
      assertEquals("live", session.getString("state"));
      assertEquals(endsAt, session.getJsonObject("timers").getJsonObject("all").getLong("endsAt"), "[L3] same end time");
      JsonObject cue = f.expect(m -> "session.cue".equals(m.getString("t")));
      assertEquals("next", cue.getString("action"));
      assertEquals(1, session(f, s -> s.getInteger("current") == 1).getInteger("current"));
    }
  }
}
