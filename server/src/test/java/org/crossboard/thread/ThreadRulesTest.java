package org.crossboard.thread;

import static org.crossboard.thread.Fixture.ANA;
import static org.crossboard.thread.Fixture.EXP;
import static org.crossboard.thread.Fixture.EXP2;
import static org.crossboard.thread.Fixture.FAC;
import static org.crossboard.thread.Fixture.GUEST;
import static org.crossboard.thread.Fixture.OWNER;
import static org.crossboard.thread.Fixture.VIC;
import static org.crossboard.thread.Fixture.refused;
import static org.crossboard.thread.Fixture.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.crossboard.access.Role;
import org.crossboard.error.ErrorCode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ThreadRulesTest {
  final Fixture fx = new Fixture();

  @Test
  @DisplayName("[K1] the server stamps author, badge and time; the document round-trips; version 0 until stored")
  void stamped() {
    Thread t = fx.question();
    Comment first = t.comments().get(0);
    assertEquals(new Author("u_exp", "Erik", "advisory-expert"), first.author());
    assertEquals(first.author(), t.createdBy());
    assertEquals(fx.now, first.createdAt());
    assertEquals(fx.now, t.createdAt());
    assertEquals(0, t.version());
    assertEquals("question", t.kind());
    assertFalse(t.resolved());
    assertEquals(t.toJson(), Thread.fromJson(t.toJson()).toJson());
    Thread copy = t.copy();
    fx.reply(copy, ANA, "Because");
    assertEquals(1, t.comments().size(), "a copy is independent");
    assertEquals(2, Thread.fromJson(copy.toJson()).comments().size());
    refused(ErrorCode.ERR_FORBIDDEN, () -> fx.create(VIC, new JsonObject()
        .put("anchor", new JsonObject().put("kind", "point").put("x", 0).put("y", 0)).put("kind", "plain").put("body", "x")));
  }

  @Test
  @DisplayName("[K1] a stored document round-trips with every field: edits, tombstones, reactions, resolution")
  void fullRoundTrip() {
    Thread t = fx.question();
    fx.reply(t, ANA, "Because");
    fx.apply(t, EXP, "thread.edit", new JsonObject().put("comment", "m_1").put("body", "Why?")
        .put("link", "https://x.org").put("mentions", new JsonArray().add(user("u_ana"))));
    fx.apply(t, FAC, "thread.remove", new JsonObject().put("comment", "m_2"));
    fx.apply(t, ANA, "thread.react", new JsonObject().put("comment", "m_1").put("reaction", "tada").put("on", true));
    fx.apply(t, ANA, "thread.resolve", new JsonObject().put("resolved", true));
    ThreadRules.orphan(t);
    t.version(7);
    JsonObject doc = t.toJson();
    assertEquals(doc, Thread.fromJson(doc).toJson());
    assertEquals("resolved", doc.getString("state"));
    assertEquals(new JsonObject().put("id", "u_ana").put("name", "Ana"), doc.getJsonObject("resolvedBy"));
    assertEquals(7L, doc.getValue("version"));
  }

  @Test
  @DisplayName("[K2] a record anchor is orphaned when its record is removed and re-attached when it returns")
  void orphanAndReattach() {
    Thread t = fx.question();
    assertFalse(ThreadRules.reattach(t));
    assertTrue(ThreadRules.orphan(t));
    assertTrue(t.orphaned());
    assertFalse(ThreadRules.orphan(t), "orphaning twice changes nothing");
    assertEquals(1, t.comments().size(), "the thread is kept");
    assertTrue(ThreadRules.reattach(t));
    assertFalse(t.orphaned());
    assertEquals(Anchor.record("n_1"), t.anchor());
    assertFalse(ThreadRules.orphan(fx.onPoint()), "point anchors have no record to lose");
  }

  @Test
  @DisplayName("[K2] point and region anchors move, by their creator or editors and up; record anchors do not")
  void move() {
    Thread t = fx.onPoint();
    JsonObject to = new JsonObject().put("anchor", new JsonObject().put("kind", "region").put("x", 5).put("y", 6)
        .put("w", 10).put("h", 20));
    assertEquals(new ThreadOutcome(true, null, false, List.of()), fx.apply(t, EXP, "thread.move", to));
    assertEquals(Anchor.region(5, 6, 10, 20), t.anchor());
    assertFalse(fx.apply(t, ANA, "thread.move", to).changed(), "moving to where it is changes nothing");
    assertTrue(fx.apply(t, ANA, "thread.move", new JsonObject().put("anchor",
        new JsonObject().put("kind", "point").put("x", 1).put("y", 1))).changed());
    refused(ErrorCode.ERR_FORBIDDEN, () -> fx.apply(t, EXP2, "thread.move", to));
    refused(ErrorCode.ERR_INVALID, () -> fx.apply(fx.question(), ANA, "thread.move", to));
  }

  @Test
  @DisplayName("[K3] replies append comments stamped with their author; viewers may not reply")
  void replies() {
    Thread t = fx.question();
    ThreadOutcome o = fx.apply(t, ANA, "thread.reply", new JsonObject().put("body", "Because")
        .put("mentions", new JsonArray().add(user("u_fac"))));
    assertEquals(new ThreadOutcome(true, "m_2", true, List.of(Mention.ofUser("u_fac"))), o);
    Comment reply = t.comments().get(1);
    assertEquals("Because", reply.body());
    assertEquals("team-member", reply.author().badge());
    assertEquals(Set.of("u_exp", "u_ana"), t.participants());
    refused(ErrorCode.ERR_FORBIDDEN, () -> fx.reply(t, VIC, "me too"));
    assertTrue(fx.reply(t, GUEST, "guest with a commenter link").changed());
  }

  @Test
  @DisplayName("[K3] only the author edits; the old body goes into the history, the comment shows edited")
  void edit() {
    Thread t = fx.question();
    fx.now += 1_000;
    JsonObject edit = new JsonObject().put("comment", "m_1").put("body", "Why this budget line?");
    assertEquals(new ThreadOutcome(true, "m_1", false, List.of()), fx.apply(t, EXP, "thread.edit", edit));
    Comment c = t.comment("m_1");
    assertTrue(c.edited());
    assertEquals(fx.now, c.editedAt());
    assertEquals(List.of(new Comment.Revision("Why this budget?", fx.now - 1_000)), c.history());
    assertFalse(fx.apply(t, EXP, "thread.edit", edit).changed(), "the same text again changes nothing");
    refused(ErrorCode.ERR_FORBIDDEN, () -> fx.apply(t, FAC, "thread.edit", edit.copy().put("body", "censored")));
    refused(ErrorCode.ERR_NOT_FOUND, () -> fx.apply(t, EXP, "thread.edit", edit.copy().put("comment", "m_9")));

    for (int i = 0; i < 10; i++) {
      fx.apply(t, EXP, "thread.edit", edit.copy().put("body", "v" + i));
    }
    assertEquals(Comment.MAX_HISTORY, t.comment("m_1").history().size());
    assertEquals("v8", t.comment("m_1").history().get(Comment.MAX_HISTORY - 1).body());
  }

  @Test
  @DisplayName("[N1][K3] a comment keeps the language it was written in; an edit without lang keeps it, with one changes it")
  void language() {
    Thread t = fx.create(EXP, new JsonObject().put("anchor", new JsonObject().put("kind", "point").put("x", 0).put("y", 0))
        .put("kind", "question").put("body", "Porquê este orçamento?").put("lang", "pt"));
    assertEquals("pt", t.comment("m_1").lang());
    fx.apply(t, ANA, "thread.reply", new JsonObject().put("body", "Parce que.").put("lang", "fr"));
    assertEquals("fr", t.comment("m_2").lang());
    fx.apply(t, EXP, "thread.edit", new JsonObject().put("comment", "m_1").put("body", "Porquê esta linha?"));
    assertEquals("pt", t.comment("m_1").lang(), "an edit that does not say keeps the language");
    assertTrue(fx.apply(t, EXP, "thread.edit", new JsonObject().put("comment", "m_1").put("body", "Porquê esta linha?")
        .put("lang", "pt-BR")).changed(), "saying another language is a change");
    assertEquals("pt-BR", t.comment("m_1").lang());
    assertEquals("pt-BR", Thread.fromJson(t.toJson()).comment("m_1").lang(), "stored and read back");
    fx.apply(t, EXP, "thread.remove", new JsonObject().put("comment", "m_1"));
    assertNull(t.comment("m_1").lang(), "a tombstone keeps no language either");
    assertFalse(t.comment("m_1").view().containsKey("lang"));
  }

  @Test
  @DisplayName("[K3] an edit that adds mentions notifies only the added ones; a reference keeps its link")
  void editMentions() {
    Thread t = fx.question();
    JsonObject edit = new JsonObject().put("comment", "m_1").put("body", "Why?")
        .put("mentions", new JsonArray().add(user("u_ana")));
    assertEquals(List.of(Mention.ofUser("u_ana")), fx.apply(t, EXP, "thread.edit", edit).newMentions());
    ThreadOutcome more = fx.apply(t, EXP, "thread.edit", edit.copy().put("body", "Why??")
        .put("mentions", new JsonArray().add(user("u_ana")).add(Fixture.group("facilitators"))));
    assertTrue(more.notifies());
    assertEquals(List.of(Mention.ofGroup("facilitators")), more.newMentions());

    Thread ref = fx.create(EXP, new JsonObject().put("anchor", new JsonObject().put("kind", "point").put("x", 0).put("y", 0))
        .put("kind", "reference").put("body", "See this").put("link", "https://oecd.org/r"));
    refused(ErrorCode.ERR_INVALID, () -> fx.apply(ref, EXP, "thread.edit",
        new JsonObject().put("comment", ref.comments().get(0).id()).put("body", "See that")));
  }

  @Test
  @DisplayName("[K3] remove: its author or a facilitator; a tombstone says who, shows no text, stays in place")
  void remove() {
    Thread t = fx.question();
    fx.reply(t, ANA, "Because https://x.org");
    fx.apply(t, EXP, "thread.react", new JsonObject().put("comment", "m_2").put("reaction", "+1").put("on", true));
    refused(ErrorCode.ERR_FORBIDDEN, () -> fx.apply(t, EXP, "thread.remove", new JsonObject().put("comment", "m_2")));
    refused(ErrorCode.ERR_FORBIDDEN, () -> fx.apply(t, ANA, "thread.remove", new JsonObject().put("comment", "m_1")));
    refused(ErrorCode.ERR_NOT_FOUND, () -> fx.apply(t, FAC, "thread.remove", new JsonObject().put("comment", "m_9")));

    assertEquals(new ThreadOutcome(true, "m_2", false, List.of()),
        fx.apply(t, OWNER, "thread.remove", new JsonObject().put("comment", "m_2")));
    Comment gone = t.comment("m_2");
    assertTrue(gone.isRemoved());
    assertEquals(new Author("u_own", "Olga", "facilitator"), gone.removed().by());
    assertEquals("", gone.body());
    assertNull(gone.link());
    assertEquals(Map.of(), gone.reactions());
    assertEquals(Set.of("u_exp"), t.participants());
    assertFalse(fx.apply(t, FAC, "thread.remove", new JsonObject().put("comment", "m_2")).changed());
    refused(ErrorCode.ERR_NOT_FOUND, () -> fx.apply(t, ANA, "thread.edit",
        new JsonObject().put("comment", "m_2").put("body", "back")));

    JsonObject view = t.view().getJsonArray("comments").getJsonObject(1);
    assertEquals(Set.of("id", "author", "createdAt", "editedAt", "removed"), view.fieldNames());
    assertEquals("Olga", view.getJsonObject("removed").getJsonObject("by").getString("name"));

    Thread own = fx.question();
    Actor demoted = new Actor("u_exp", "Erik", Role.VIEWER, false);
    assertTrue(fx.apply(own, demoted, "thread.remove", new JsonObject().put("comment", own.comments().get(0).id()))
        .changed(), "taking back one's own words needs no role");
  }

  @Test
  @DisplayName("[K4] resolve and reopen: the creator or editors and up; resolving twice is once")
  void resolve() {
    Thread t = fx.question();
    refused(ErrorCode.ERR_FORBIDDEN, () -> fx.apply(t, EXP2, "thread.resolve", new JsonObject().put("resolved", true)));
    fx.now += 5;
    assertEquals(new ThreadOutcome(true, null, false, List.of()),
        fx.apply(t, ANA, "thread.resolve", new JsonObject().put("resolved", true)));
    assertTrue(t.resolved());
    assertEquals(new Author("u_ana", "Ana", "team-member"), t.resolvedBy());
    assertEquals(fx.now, t.resolvedAt());
    assertFalse(fx.apply(t, FAC, "thread.resolve", new JsonObject().put("resolved", true)).changed());
    assertTrue(fx.apply(t, EXP, "thread.resolve", new JsonObject().put("resolved", false)).changed());
    assertFalse(t.resolved());
    assertNull(t.resolvedAt());
    assertEquals("open", t.view().getString("state"));
  }

  @Test
  @DisplayName("[K5] reactions from the fixed set, one per person each, on and off; others are ERR_INVALID")
  void reactions() {
    Thread t = fx.question();
    JsonObject react = new JsonObject().put("comment", "m_1").put("reaction", "heart").put("on", true);
    assertEquals(new ThreadOutcome(true, "m_1", false, List.of()), fx.apply(t, ANA, "thread.react", react));
    assertFalse(fx.apply(t, ANA, "thread.react", react).changed());
    fx.apply(t, EXP2, "thread.react", react);
    fx.apply(t, EXP2, "thread.react", react.copy().put("reaction", "+1"));
    assertEquals(Map.of("heart", List.of("u_ana", "u_ex2"), "+1", List.of("u_ex2")), t.comment("m_1").reactions());
    assertEquals(List.of("+1", "heart"), List.copyOf(t.comment("m_1").reactions().keySet()), "in the set's order");
    fx.apply(t, ANA, "thread.react", react.copy().put("on", false));
    assertEquals(List.of("u_ex2"), t.comment("m_1").reactions().get("heart"));
    assertFalse(fx.apply(t, ANA, "thread.react", react.copy().put("on", false)).changed());
    refused(ErrorCode.ERR_INVALID, () -> fx.apply(t, ANA, "thread.react", react.copy().put("reaction", "poop")));
    refused(ErrorCode.ERR_FORBIDDEN, () -> fx.apply(t, VIC, "thread.react", react));
    refused(ErrorCode.ERR_NOT_FOUND, () -> fx.apply(t, ANA, "thread.react", react.copy().put("comment", "m_9")));
    assertEquals(List.of("+1", "heart", "tada", "thinking", "eyes", "check"), ThreadRules.REACTIONS);
  }

  @Test
  @DisplayName("[K8] a thread holds at most 200 comments, tombstones included")
  void commentLimit() {
    Thread t = fx.question();
    for (int i = 1; i < ThreadRules.MAX_COMMENTS; i++) {
      fx.reply(t, i % 2 == 0 ? ANA : EXP2, "reply " + i);
    }
    fx.apply(t, FAC, "thread.remove", new JsonObject().put("comment", "m_2"));
    assertEquals(200, t.comments().size());
    refused(ErrorCode.ERR_INVALID, () -> fx.reply(t, ANA, "one too many"));
    assertEquals(200, t.comments().size());
  }

  @Test
  @DisplayName("[K1] view: id, no workspace, comments in order; refused commands change nothing")
  void view() {
    Thread t = fx.question();
    JsonObject before = t.toJson();
    refused(ErrorCode.ERR_FORBIDDEN, () -> fx.apply(t, VIC, "thread.resolve", new JsonObject().put("resolved", true)));
    assertEquals(before, t.toJson());
    JsonObject v = t.view();
    assertEquals("t_1", v.getString("id"));
    assertFalse(v.containsKey("_id"));
    assertFalse(v.containsKey("workspace"));
    assertEquals("Why this budget?", v.getJsonArray("comments").getJsonObject(0).getString("body"));
    assertEquals(new JsonObject().put("kind", "record").put("record", "n_1"), v.getJsonObject("anchor"));
  }
}
