package org.crossboard.thread;

import static org.crossboard.thread.Fixture.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.crossboard.error.CrossboardException;
import org.crossboard.error.ErrorCode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ThreadCommandTest {

  private static JsonObject create() {
    return new JsonObject().put("anchor", new JsonObject().put("kind", "point").put("x", 1).put("y", 2))
        .put("kind", "plain").put("body", "Hello");
  }

  @Test
  @DisplayName("[K1] every message type decodes to its command with its thread id")
  void decodesEveryType() {
    ThreadCommand.Create c = (ThreadCommand.Create) ThreadCommand.decode("thread.create", create()
        .put("mentions", new JsonArray().add(new JsonObject().put("user", "u_1")).add(new JsonObject().put("group", "team"))
            .add(new JsonObject().put("user", "u_1"))));
    assertEquals(new ThreadCommand.Create(Anchor.point(1, 2), "plain", "Hello", null, null,
        List.of(Mention.ofUser("u_1"), Mention.ofGroup("team"))), c);
    assertNull(c.threadId());
    assertEquals(new ThreadCommand.Reply("t_1", "Sim", "pt", "https://example.org/a?b=1", List.of()),
        ThreadCommand.decode("thread.reply", new JsonObject().put("thread", "t_1").put("body", "Sim").put("lang", "pt")
            .put("link", "https://example.org/a?b=1")));
    assertEquals(new ThreadCommand.Edit("t_1", "m_1", "New", null, null, List.of()), ThreadCommand.decode("thread.edit",
        new JsonObject().put("thread", "t_1").put("comment", "m_1").put("body", "New")));
    assertEquals(new ThreadCommand.Remove("t_1", "m_1"), ThreadCommand.decode("thread.remove",
        new JsonObject().put("thread", "t_1").put("comment", "m_1")));
    assertEquals(new ThreadCommand.Resolve("t_1", true), ThreadCommand.decode("thread.resolve",
        new JsonObject().put("thread", "t_1").put("resolved", true)));
    assertEquals(new ThreadCommand.React("t_1", "m_1", "heart", false), ThreadCommand.decode("thread.react",
        new JsonObject().put("thread", "t_1").put("comment", "m_1").put("reaction", "heart").put("on", false)));
    ThreadCommand move = ThreadCommand.decode("thread.move", new JsonObject().put("thread", "t_1")
        .put("anchor", new JsonObject().put("kind", "region").put("x", -5).put("y", 2.5).put("w", 30).put("h", 40)));
    assertEquals(new ThreadCommand.Move("t_1", Anchor.region(-5, 2.5, 30, 40)), move);
    assertEquals("thread.move", move.type());
    assertEquals("t_1", move.threadId());
    refused(ErrorCode.ERR_UNKNOWN_TYPE, () -> ThreadCommand.decode("thread.delete", new JsonObject()));
  }

  @Test
  @DisplayName("[N1] a comment's lang is a canonical BCP 47 tag or absent; anything else is ERR_INVALID or ERR_MALFORMED")
  void languages() {
    for (String tag : List.of("pt", "fr-CA", "zh-Hant-TW", "und")) {
      assertEquals(tag, ((ThreadCommand.Create) ThreadCommand.decode("thread.create", create().put("lang", tag))).lang());
    }
    for (String bad : List.of("", "PT", "fr_CA", "not a language", "x".repeat(36))) {
      CrossboardException e = refused(ErrorCode.ERR_INVALID,
          () -> ThreadCommand.decode("thread.reply", new JsonObject().put("thread", "t_1").put("body", "b").put("lang", bad)));
      assertTrue(e.getMessage().contains("lang"), e.getMessage());
    }
    refused(ErrorCode.ERR_MALFORMED, () -> ThreadCommand.decode("thread.edit",
        new JsonObject().put("thread", "t_1").put("comment", "m_1").put("body", "b").put("lang", 7)));
  }

  @Test
  @DisplayName("[K2] anchors: record, point or region; coordinates within ±1,000,000, sizes 1–100,000")
  void anchors() {
    assertEquals(Anchor.record("n_1"), Anchor.fromJson(new JsonObject().put("kind", "record").put("record", "n_1")));
    assertEquals(new JsonObject().put("kind", "record").put("record", "n_1"), Anchor.record("n_1").toJson());
    assertEquals(new JsonObject().put("kind", "point").put("x", 1.0).put("y", 2.0), Anchor.point(1, 2).toJson());
    Anchor r = Anchor.region(-1_000_000, 1_000_000, 1, 100_000);
    assertEquals(r, Anchor.fromJson(r.toJson()));
    for (JsonObject bad : List.of(new JsonObject().put("kind", "circle"),
        new JsonObject().put("kind", "record").put("record", ""),
        new JsonObject().put("kind", "point").put("x", 1_000_001).put("y", 0),
        new JsonObject().put("kind", "region").put("x", 0).put("y", 0).put("w", 0).put("h", 10),
        new JsonObject().put("kind", "region").put("x", 0).put("y", 0).put("w", 10).put("h", 100_001))) {
      refused(ErrorCode.ERR_INVALID, () -> Anchor.fromJson(bad));
    }
    refused(ErrorCode.ERR_MALFORMED, () -> Anchor.fromJson(new JsonObject().put("kind", "point").put("x", "1").put("y", 0)));
    refused(ErrorCode.ERR_MALFORMED, () -> Anchor.fromJson(new JsonObject().put("kind", "point").put("x", 1)));
    refused(ErrorCode.ERR_MALFORMED, () -> ThreadCommand.decode("thread.create", create().put("anchor", "n_1")));
    CrossboardException e = refused(ErrorCode.ERR_INVALID, () -> ThreadCommand.decode("thread.move",
        new JsonObject().put("thread", "t_1").put("anchor", new JsonObject().put("kind", "record").put("record", "n_2"))));
    assertTrue(e.getMessage().contains("anchor.kind"), e.getMessage());
  }

  @Test
  @DisplayName("[K4] kinds: question, suggestion, reference (needs an http(s) link), decision, plain")
  void kinds() {
    for (String kind : List.of("question", "suggestion", "decision", "plain")) {
      assertEquals(kind, ((ThreadCommand.Create) ThreadCommand.decode("thread.create", create().put("kind", kind))).kind());
    }
    refused(ErrorCode.ERR_INVALID, () -> ThreadCommand.decode("thread.create", create().put("kind", "idea")));
    refused(ErrorCode.ERR_MALFORMED, () -> ThreadCommand.decode("thread.create", create().putNull("kind")));
    CrossboardException noLink = refused(ErrorCode.ERR_INVALID,
        () -> ThreadCommand.decode("thread.create", create().put("kind", "reference")));
    assertTrue(noLink.getMessage().contains("link"));
    assertEquals("http://oecd.org/x", ((ThreadCommand.Create) ThreadCommand.decode("thread.create",
        create().put("kind", "reference").put("link", "http://oecd.org/x"))).link());
    for (String bad : List.of("javascript:alert(1)", "ftp://x.org/a", "/relative", "https://", "data:text/html,x",
        "https://" + "a".repeat(2_100) + ".org")) {
      refused(ErrorCode.ERR_INVALID, () -> ThreadCommand.decode("thread.create", create().put("link", bad)));
    }
  }

  @Test
  @DisplayName("[K8] body 1–4,000 characters (ERR_TOO_LARGE beyond), at most 20 mentions (ERR_TOO_MANY_MENTIONS)")
  void limits() {
    ThreadCommand.decode("thread.create", create().put("body", "x".repeat(4_000)));
    CrossboardException big = refused(ErrorCode.ERR_TOO_LARGE,
        () -> ThreadCommand.decode("thread.reply", new JsonObject().put("thread", "t_1").put("body", "x".repeat(4_001))));
    assertTrue(big.getMessage().startsWith("body"));
    refused(ErrorCode.ERR_INVALID, () -> ThreadCommand.decode("thread.create", create().put("body", " \n ")));
    refused(ErrorCode.ERR_MALFORMED, () -> ThreadCommand.decode("thread.create", create().put("body", 5)));

    JsonArray twenty = new JsonArray();
    for (int i = 0; i < 20; i++) {
      twenty.add(new JsonObject().put("user", "u_" + i));
    }
    assertEquals(20, ((ThreadCommand.Create) ThreadCommand.decode("thread.create", create().put("mentions", twenty)))
        .mentions().size());
    CrossboardException many = refused(ErrorCode.ERR_TOO_MANY_MENTIONS, () -> ThreadCommand.decode("thread.create",
        create().put("mentions", twenty.copy().add(new JsonObject().put("group", "team")))));
    assertTrue(many.getMessage().startsWith("mentions"));
  }

  @Test
  @DisplayName("[K6] a mention names exactly one user or one of the groups facilitators, advisory-board, team")
  void mentionShapes() {
    for (JsonObject bad : List.of(new JsonObject(), new JsonObject().put("user", "u_1").put("group", "team"),
        new JsonObject().put("group", "everyone"), new JsonObject().put("user", ""))) {
      CrossboardException e = refused(ErrorCode.ERR_INVALID, () -> ThreadCommand.decode("thread.create",
          create().put("mentions", new JsonArray().add(bad))));
      assertTrue(e.getMessage().startsWith("mentions[0]"), e.getMessage());
    }
    refused(ErrorCode.ERR_MALFORMED, () -> ThreadCommand.decode("thread.create", create().put("mentions", "u_1")));
    refused(ErrorCode.ERR_MALFORMED, () -> ThreadCommand.decode("thread.create",
        create().put("mentions", new JsonArray().add("u_1"))));
    refused(ErrorCode.ERR_MALFORMED, () -> ThreadCommand.decode("thread.create",
        create().put("mentions", new JsonArray().add(new JsonObject().put("user", 7)))));
  }

  @Test
  @DisplayName("[K8] ids are 1–64 characters; a field of the wrong JSON type is ERR_MALFORMED naming the field")
  void types() {
    CrossboardException e = refused(ErrorCode.ERR_MALFORMED,
        () -> ThreadCommand.decode("thread.resolve", new JsonObject().put("thread", "t_1").put("resolved", "yes")));
    assertTrue(e.getMessage().startsWith("resolved"));
    refused(ErrorCode.ERR_MALFORMED, () -> ThreadCommand.decode("thread.remove", new JsonObject().put("thread", "t_1")));
    refused(ErrorCode.ERR_MALFORMED, () -> ThreadCommand.decode("thread.react",
        new JsonObject().put("thread", "t_1").put("comment", "m_1").put("reaction", "+1")));
    refused(ErrorCode.ERR_INVALID, () -> ThreadCommand.decode("thread.remove",
        new JsonObject().put("thread", "t".repeat(65)).put("comment", "m_1")));
  }
}
