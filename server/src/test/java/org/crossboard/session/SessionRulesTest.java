package org.crossboard.session;

import static org.crossboard.session.Fixture.ANA;
import static org.crossboard.session.Fixture.BEN;
import static org.crossboard.session.Fixture.FAC;
import static org.crossboard.session.Fixture.OWNER;
import static org.crossboard.session.Fixture.VIC;
import static org.crossboard.session.Fixture.effects;
import static org.crossboard.session.Fixture.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;
import org.crossboard.error.ErrorCode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SessionRulesTest {
  final Fixture fx = new Fixture();

  @Test
  @DisplayName("[L1] every facilitator command from a participant is ERR_FORBIDDEN and changes nothing")
  void onlyFacilitatorsDrive() {
    Session s = fx.live();
    JsonObject before = s.toJson();
    List<String[]> commands = List.of(new String[] {"session.start", "{}"}, new String[] {"session.end", "{}"},
        new String[] {"session.next", "{}"}, new String[] {"session.phase", "{\"index\":1}"},
        new String[] {"session.timer", "{\"action\":\"start\",\"durationMs\":60000}"},
        new String[] {"session.lock", "{\"target\":\"board\",\"locked\":true}"},
        new String[] {"session.private", "{\"on\":true}"},
        new String[] {"session.vote.open", "{\"records\":[\"n_1\"],\"dots\":3}"},
        new String[] {"session.vote.close", "{}"}, new String[] {"session.update", "{\"title\":\"x\"}"},
        new String[] {"session.follow", "{\"on\":true}"},
        new String[] {"session.summon", "{\"viewport\":{\"x\":0,\"y\":0,\"zoom\":1},\"force\":true}"},
        new String[] {"session.spotlight", "{\"frame\":\"f_1\"}"},
        new String[] {"session.breakouts", "{\"action\":\"end\"}"});
    for (String[] c : commands) {
      for (Actor participant : List.of(ANA, BEN, VIC)) {
        refused(ErrorCode.ERR_FORBIDDEN, () -> fx.apply(s, participant, c[0], new JsonObject(c[1])));
      }
    }
    assertEquals(before, s.toJson());
    assertTrue(OWNER.facilitator());
    assertTrue(FAC.facilitator());
    assertFalse(ANA.facilitator());
  }

  @Test
  @DisplayName("[L2] scheduled → live → ended; start logs the first phase, end closes the log")
  void stateMachine() {
    Session s = fx.scheduled();
    assertEquals(SessionState.SCHEDULED, s.state());
    assertEquals(-1, s.current());
    Outcome started = fx.apply(s, FAC, "session.start", new JsonObject());
    assertEquals(SessionState.LIVE, s.state());
    assertEquals(0, s.current());
    assertEquals(fx.now, s.startedAt());
    assertEquals(List.of(new Effect.Audit("session.start", "s_1", new JsonObject())), started.effects());
    refused(ErrorCode.ERR_SESSION_STATE, () -> fx.apply(s, FAC, "session.start", new JsonObject()));

    fx.now += 60_000;
    Outcome end = fx.apply(s, FAC, "session.end", new JsonObject());
    assertEquals(SessionState.ENDED, s.state());
    assertEquals(fx.now, s.endedAt());
    assertEquals(new Session.PhaseLogEntry(s.phases().get(0).id(), fx.now - 60_000, fx.now), s.phaseLog().get(0));
    assertEquals(1, effects(end, Effect.Ended.class).size());
    assertEquals("session.end", effects(end, Effect.Audit.class).get(0).action());
    for (String t : List.of("session.start", "session.end", "session.next")) {
      refused(ErrorCode.ERR_SESSION_STATE, () -> fx.apply(s, FAC, t, new JsonObject()));
    }
    refused(ErrorCode.ERR_SESSION_STATE, () -> fx.apply(s, FAC, "session.update", new JsonObject().put("title", "x")));
    refused(ErrorCode.ERR_SESSION_STATE, () -> fx.apply(s, FAC, "session.create", new JsonObject().put("title", "x")
        .put("startsAt", 1).put("timeZone", "UTC")));
  }

  @Test
  @DisplayName("[L2] a scheduled session can be cancelled; live-only commands refuse it with ERR_SESSION_STATE")
  void scheduledRefusals() {
    Session s = fx.scheduled();
    refused(ErrorCode.ERR_SESSION_STATE, () -> fx.apply(s, FAC, "session.next", new JsonObject()));
    refused(ErrorCode.ERR_SESSION_STATE, () -> fx.apply(s, FAC, "session.private", new JsonObject().put("on", true)));
    refused(ErrorCode.ERR_SESSION_STATE, () -> fx.apply(s, FAC, "session.timer",
        new JsonObject().put("action", "start").put("durationMs", 5000)));
    refused(ErrorCode.ERR_SESSION_STATE, () -> fx.apply(s, ANA, "session.hand", new JsonObject().put("up", true)));
    fx.apply(s, FAC, "session.end", new JsonObject());
    assertEquals(SessionState.ENDED, s.state());
    assertNull(s.startedAt());
    assertTrue(s.phaseLog().isEmpty());
  }

  @Test
  @DisplayName("[L2] next and phase close the previous log entry; past the agenda is refused")
  void phases() {
    Session s = fx.live();
    List<Phase> p = s.phases();
    fx.now += 1_000;
    Outcome next = fx.apply(s, FAC, "session.next", new JsonObject());
    assertEquals(1, s.current());
    assertEquals(new Effect.Audit("session.phase", p.get(1).id(), new JsonObject().put("index", 1)),
        next.effects().get(0));
    fx.now += 2_000;
    fx.apply(s, FAC, "session.phase", new JsonObject().put("index", 0));
    assertEquals(List.of(new Session.PhaseLogEntry(p.get(0).id(), fx.now - 3_000, fx.now - 2_000),
        new Session.PhaseLogEntry(p.get(1).id(), fx.now - 2_000, fx.now),
        new Session.PhaseLogEntry(p.get(0).id(), fx.now, null)), s.phaseLog());
    assertFalse(fx.apply(s, FAC, "session.phase", new JsonObject().put("index", 0)).changed());
    refused(ErrorCode.ERR_INVALID, () -> fx.apply(s, FAC, "session.phase", new JsonObject().put("index", 3)));
    fx.apply(s, FAC, "session.phase", new JsonObject().put("index", 2));
    refused(ErrorCode.ERR_SESSION_STATE, () -> fx.apply(s, FAC, "session.next", new JsonObject()));
    assertEquals(new PhaseRules("everyone", true, true), s.currentRules());
  }

  @Test
  @DisplayName("[L2] update keeps phases named by id and their log; a live session keeps its live phase")
  void update() {
    Session s = fx.live();
    String live = s.phases().get(0).id();
    Outcome o = fx.apply(s, FAC, "session.update", new JsonObject().put("title", "  Retro 2 ")
        .put("phases", new JsonArray().add(new JsonObject().put("title", "New").put("minutes", 3))
            .add(new JsonObject().put("id", live).put("title", "Warm-up").put("minutes", 12))));
    assertEquals("Retro 2", s.title());
    assertEquals(1, s.current());
    assertEquals(live, s.phases().get(1).id());
    assertEquals("title,phases", ((Effect.Audit) o.effects().get(0)).details().getString("fields"));
    refused(ErrorCode.ERR_INVALID, () -> fx.apply(s, FAC, "session.update", new JsonObject()
        .put("phases", new JsonArray().add(new JsonObject().put("title", "Other").put("minutes", 3)))));
    refused(ErrorCode.ERR_INVALID, () -> fx.apply(s, FAC, "session.update", new JsonObject()
        .put("phases", new JsonArray().add(new JsonObject().put("id", "p_unknown").put("title", "X").put("minutes", 3)))));
    refused(ErrorCode.ERR_INVALID, () -> fx.apply(s, FAC, "session.update", new JsonObject()
        .put("phases", new JsonArray().add(new JsonObject().put("id", live).put("title", "X").put("minutes", 3)
            .put("frame", "n_1")))));
  }

  @Test
  @DisplayName("[L2] create checks phase frames on the board")
  void createChecksFrames() {
    JsonObject cmd = new JsonObject().put("title", "T").put("startsAt", 0).put("timeZone", "UTC")
        .put("phases", new JsonArray().add(new JsonObject().put("title", "P").put("minutes", 1).put("frame", "n_1")));
    refused(ErrorCode.ERR_INVALID, () -> Session.create("s", "b", "w",
        (SessionCommand.Create) SessionCommand.decode("session.create", cmd), fx.ctx(FAC)));
    cmd.getJsonArray("phases").getJsonObject(0).put("frame", "f_404");
    refused(ErrorCode.ERR_INVALID, () -> Session.create("s", "b", "w",
        (SessionCommand.Create) SessionCommand.decode("session.create", cmd), fx.ctx(FAC)));
    Session s = fx.scheduled();
    assertEquals(0, s.version());
    assertEquals("u_fac", s.toJson().getString("createdBy"));
    assertEquals(PhaseRules.OPEN, s.currentRules());
    assertEquals(new PhaseRules("everyone", false, true), s.phases().get(1).rules());
  }

  @Test
  @DisplayName("[L2] fromJson is the exact inverse of toJson, secrets included; copy is independent")
  void roundTrip() {
    Session s = fx.live();
    fx.apply(s, FAC, "session.vote.open", new JsonObject().put("records", new JsonArray().add("n_1")).put("dots", 2)
        .put("anonymous", true));
    fx.apply(s, ANA, "session.vote.cast", new JsonObject().put("record", "n_1").put("delta", 1));
    fx.apply(s, FAC, "session.private", new JsonObject().put("on", true));
    fx.apply(s, ANA, "session.hand", new JsonObject().put("up", true));
    fx.apply(s, FAC, "session.breakouts", new JsonObject().put("action", "split").put("by", "org"));
    fx.apply(s, FAC, "session.timer", new JsonObject().put("action", "start").put("durationMs", 5000).put("group", "g1"));
    fx.apply(s, FAC, "session.lock", new JsonObject().put("target", "f_2").put("locked", true));
    s.version(12);
    JsonObject doc = s.toJson();
    assertEquals(doc, Session.fromJson(doc).toJson());
    assertEquals(doc, Session.fromJson(new JsonObject(doc.encode())).toJson()); // as a store hands it back
    assertTrue(doc.getJsonObject("vote").getJsonObject("pseudonyms").containsKey("u_ana"));
    Session copy = s.copy();
    fx.apply(copy, FAC, "session.end", new JsonObject());
    assertEquals(SessionState.LIVE, s.state());
    assertEquals(doc, s.toJson());
  }

  @Test
  @DisplayName("[L4] locks: the board or an existing frame; unlocking twice is no change")
  void locks() {
    Session s = fx.live();
    Outcome o = fx.apply(s, FAC, "session.lock", new JsonObject().put("target", "board").put("locked", true));
    assertTrue(s.boardLocked());
    assertEquals(new Effect.Audit("session.lock", "board", new JsonObject()), o.effects().get(0));
    fx.apply(s, FAC, "session.lock", new JsonObject().put("target", "f_1").put("locked", true));
    assertEquals(Set.of("f_1"), s.lockedFrames());
    refused(ErrorCode.ERR_INVALID, () -> fx.apply(s, FAC, "session.lock", new JsonObject().put("target", "n_1").put("locked", true)));
    refused(ErrorCode.ERR_INVALID, () -> fx.apply(s, FAC, "session.lock", new JsonObject().put("target", "nope").put("locked", true)));
    assertFalse(fx.apply(s, FAC, "session.lock", new JsonObject().put("target", "f_1").put("locked", true)).changed());
    Outcome unlock = fx.apply(s, FAC, "session.lock", new JsonObject().put("target", "f_1").put("locked", false));
    assertEquals("session.unlock", ((Effect.Audit) unlock.effects().get(0)).action());
    assertFalse(fx.apply(s, FAC, "session.lock", new JsonObject().put("target", "f_1").put("locked", false)).changed());
    fx.apply(s, FAC, "session.lock", new JsonObject().put("target", "f_2").put("locked", true));
    fx.apply(s, FAC, "session.end", new JsonObject());
    assertFalse(s.boardLocked());
    assertTrue(s.lockedFrames().isEmpty());
  }

  @Test
  @DisplayName("[L5] private mode: rounds from 1, reveal marks the round (anonymous when asked), twice on/off refused")
  void privateMode() {
    Session s = fx.live();
    assertEquals(0, s.privateRound());
    refused(ErrorCode.ERR_SESSION_STATE, () -> fx.apply(s, FAC, "session.private", new JsonObject().put("on", false)));
    fx.apply(s, FAC, "session.private", new JsonObject().put("on", true));
    assertTrue(s.privateModeOn());
    assertEquals(1, s.privateRound());
    assertTrue(s.facilitatorsSee());
    refused(ErrorCode.ERR_SESSION_STATE, () -> fx.apply(s, FAC, "session.private", new JsonObject().put("on", true)));
    Outcome off = fx.apply(s, FAC, "session.private", new JsonObject().put("on", false));
    assertEquals(new Effect.Reveal(1, false), off.effects().get(0));
    assertTrue(s.roundRevealed(1));
    assertFalse(s.roundAnonymous(1));

    fx.apply(s, FAC, "session.private", new JsonObject().put("on", true).put("facilitatorsSee", false).put("anonymous", true));
    assertEquals(2, s.privateRound());
    assertFalse(s.facilitatorsSee());
    assertFalse(s.roundRevealed(2));
    Outcome end = fx.apply(s, FAC, "session.end", new JsonObject());
    assertEquals(List.of(new Effect.Reveal(2, true)), effects(end, Effect.Reveal.class));
    assertTrue(s.roundRevealed(2));
    assertTrue(s.roundAnonymous(2));
    assertFalse(s.privateModeOn());
  }

  @Test
  @DisplayName("[L8] hands: raise is idempotent and ordered; lowering another's is the facilitators'")
  void hands() {
    Session s = fx.live();
    fx.apply(s, BEN, "session.hand", new JsonObject().put("up", true));
    fx.now += 5;
    fx.apply(s, VIC, "session.hand", new JsonObject().put("up", true));
    assertFalse(fx.apply(s, BEN, "session.hand", new JsonObject().put("up", true)).changed());
    assertEquals(List.of(new Session.RaisedHand("u_ben", "Ben", fx.now - 5), new Session.RaisedHand("u_vic", "Vic", fx.now)),
        s.hands());
    refused(ErrorCode.ERR_INVALID, () -> fx.apply(s, ANA, "session.hand", new JsonObject().put("up", true).put("user", "u_ben")));
    refused(ErrorCode.ERR_FORBIDDEN, () -> fx.apply(s, ANA, "session.hand", new JsonObject().put("up", false).put("user", "u_ben")));
    Outcome own = fx.apply(s, VIC, "session.hand", new JsonObject().put("up", false));
    assertTrue(own.changed());
    assertTrue(own.effects().isEmpty());
    Outcome lowered = fx.apply(s, FAC, "session.hand", new JsonObject().put("up", false).put("user", "u_ben"));
    assertEquals(List.of(new Effect.Audit("session.hand.lower", "u_ben", new JsonObject())), lowered.effects());
    assertTrue(s.hands().isEmpty());
    assertFalse(fx.apply(s, BEN, "session.hand", new JsonObject().put("up", false)).changed());
  }

  @Test
  @DisplayName("[L1] follow stores the facilitator; viewport relays only theirs; summon and spotlight store nothing")
  void followAndSummon() {
    Session s = fx.live();
    JsonObject vp = new JsonObject().put("viewport", new JsonObject().put("x", 1).put("y", 2).put("zoom", 1.5));
    refused(ErrorCode.ERR_SESSION_STATE, () -> fx.apply(s, FAC, "session.viewport", vp));
    fx.apply(s, FAC, "session.follow", new JsonObject().put("on", true));
    assertEquals("u_fac", s.follow());
    Outcome relay = fx.apply(s, FAC, "session.viewport", vp);
    assertFalse(relay.changed());
    assertEquals(List.of(new Effect.RelayViewport(new JsonObject().put("x", 1.0).put("y", 2.0).put("zoom", 1.5))),
        relay.effects());
    refused(ErrorCode.ERR_SESSION_STATE, () -> fx.apply(s, OWNER, "session.viewport", vp));
    fx.apply(s, FAC, "session.follow", new JsonObject().put("on", false));
    assertNull(s.follow());

    JsonObject before = s.toJson();
    Outcome summon = fx.apply(s, FAC, "session.summon", vp.copy().put("force", true));
    assertFalse(summon.changed());
    Effect.SummonAll all = (Effect.SummonAll) summon.effects().get(0);
    assertTrue(all.force());
    assertNull(all.group());
    assertEquals(FAC, all.by());
    refused(ErrorCode.ERR_INVALID, () -> fx.apply(s, FAC, "session.summon", vp.copy().put("group", "g9")));
    Outcome spot = fx.apply(s, FAC, "session.spotlight", new JsonObject().put("frame", "f_2"));
    assertEquals(new Effect.SummonAll(null, "f_2", false, null, FAC), spot.effects().get(0));
    refused(ErrorCode.ERR_INVALID, () -> fx.apply(s, FAC, "session.spotlight", new JsonObject().put("frame", "n_1")));
    assertEquals(before, s.toJson());
  }
}
