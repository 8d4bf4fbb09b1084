package org.crossboard.session;

import static org.crossboard.session.Fixture.ANA;
import static org.crossboard.session.Fixture.FAC;
import static org.crossboard.session.Fixture.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.crossboard.error.ErrorCode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TimerTest {
  final Fixture fx = new Fixture();

  private Outcome timer(Session s, JsonObject cmd) {
    return fx.apply(s, FAC, "session.timer", cmd);
  }

  private static JsonObject start(long ms, String atZero) {
    return new JsonObject().put("action", "start").put("durationMs", ms).put("atZero", atZero);
  }

  @Test
  @DisplayName("[L3] start, pause, resume, add and reset on the server's clock")
  void arithmetic() {
    Session s = fx.live();
    long t0 = fx.now;
    Outcome started = timer(s, start(60_000, "none"));
    assertEquals(new SessionTimer(SessionTimer.State.RUNNING, 60_000, t0 + 60_000, null, SessionTimer.AtZero.NONE),
        s.timers().get("all"));
    assertEquals(new Effect.Audit("session.timer.start", "all",
        new JsonObject().put("durationMs", 60_000L).put("atZero", "none")), started.effects().get(0));
    fx.now = t0 + 20_000;
    timer(s, new JsonObject().put("action", "pause"));
    assertEquals(SessionTimer.State.PAUSED, s.timers().get("all").state());
    assertEquals(40_000L, s.timers().get("all").remainingMs());
    assertNull(s.timers().get("all").endsAt());
    refused(ErrorCode.ERR_SESSION_STATE, () -> timer(s, new JsonObject().put("action", "pause")));
    timer(s, new JsonObject().put("action", "add").put("ms", -50_000));
    assertEquals(0L, s.timers().get("all").remainingMs()); // never below zero left
    timer(s, new JsonObject().put("action", "add").put("ms", 30_000));
    assertEquals(30_000L, s.timers().get("all").remainingMs());
    fx.now = t0 + 100_000;
    timer(s, new JsonObject().put("action", "resume"));
    assertEquals(t0 + 130_000, s.timers().get("all").endsAt());
    refused(ErrorCode.ERR_SESSION_STATE, () -> timer(s, new JsonObject().put("action", "resume")));
    timer(s, new JsonObject().put("action", "add").put("ms", 15_000));
    assertEquals(t0 + 145_000, s.timers().get("all").endsAt());
    timer(s, new JsonObject().put("action", "add").put("ms", -1_000_000));
    assertEquals(fx.now, s.timers().get("all").endsAt()); // cut to nothing: due now
    timer(s, new JsonObject().put("action", "reset"));
    assertEquals(SessionTimer.IDLE, s.timers().get("all"));
    assertFalse(timer(s, new JsonObject().put("action", "reset")).changed());
    refused(ErrorCode.ERR_SESSION_STATE, () -> timer(s, new JsonObject().put("action", "add").put("ms", 5)));
  }

  @Test
  @DisplayName("[L3] timer durations and adds are bounded: 1 s to 24 h")
  void bounds() {
    Session s = fx.live();
    refused(ErrorCode.ERR_INVALID, () -> timer(s, start(999, "none")));
    refused(ErrorCode.ERR_INVALID, () -> timer(s, start(24 * 3_600_000L + 1, "none")));
    refused(ErrorCode.ERR_INVALID, () -> timer(s, start(5_000, "explode")));
    refused(ErrorCode.ERR_INVALID, () -> timer(s, new JsonObject().put("action", "add").put("ms", 0)));
    refused(ErrorCode.ERR_INVALID, () -> timer(s, new JsonObject().put("action", "lap")));
    refused(ErrorCode.ERR_MALFORMED, () -> timer(s, new JsonObject().put("action", "start").put("durationMs", "5000")));
    refused(ErrorCode.ERR_INVALID, () -> timer(s, start(5_000, "none").put("group", "g1")));
    refused(ErrorCode.ERR_FORBIDDEN, () -> fx.apply(s, ANA, "session.timer", start(5_000, "none")));
  }

  @Test
  @DisplayName("[L3] at zero the timer acts exactly once, only if still running with that endsAt and due")
  void actsOnce() {
    Session s = fx.live();
    timer(s, start(10_000, "lock"));
    long endsAt = s.timers().get("all").endsAt();
    assertFalse(SessionRules.timerZero(s, "all", endsAt, endsAt - 1, fx.random).changed()); // early
    assertFalse(SessionRules.timerZero(s, "all", endsAt + 5, endsAt + 5, fx.random).changed()); // other endsAt
    assertFalse(SessionRules.timerZero(s, "g1", endsAt, endsAt, fx.random).changed()); // no such timer
    Outcome zero = SessionRules.timerZero(s, "all", endsAt, endsAt + 3, fx.random);
    assertTrue(zero.changed());
    assertTrue(s.boardLocked());
    assertEquals(SessionTimer.State.DONE, s.timers().get("all").state());
    assertEquals(List.of(new Effect.Cue("timerZero", null, "lock"),
        new Effect.Audit("session.timer.zero", "all", new JsonObject().put("action", "lock"))), zero.effects());
    assertFalse(SessionRules.timerZero(s, "all", endsAt, endsAt + 10, fx.random).changed()); // second node

    timer(s, start(10_000, "none"));
    long paused = s.timers().get("all").endsAt();
    timer(s, new JsonObject().put("action", "pause"));
    assertFalse(SessionRules.timerZero(s, "all", paused, paused, fx.random).changed());
  }

  @Test
  @DisplayName("[L3] at zero: closeVote closes the vote, reveal ends private mode, next moves on")
  void actions() {
    Session s = fx.live();
    fx.apply(s, FAC, "session.vote.open", new JsonObject().put("records", new JsonArray().add("n_1")).put("dots", 1));
    fx.apply(s, FAC, "session.private", new JsonObject().put("on", true).put("anonymous", true));
    timer(s, start(1_000, "closeVote"));
    SessionRules.timerZero(s, "all", fx.now + 1_000, fx.now + 1_000, fx.random);
    assertFalse(s.vote().orElseThrow().isOpen());
    assertEquals(1, s.votes().size());

    timer(s, start(1_000, "reveal"));
    Outcome reveal = SessionRules.timerZero(s, "all", fx.now + 1_000, fx.now + 1_000, fx.random);
    assertEquals(new Effect.Reveal(1, true), reveal.effects().get(0));
    assertFalse(s.privateModeOn());

    timer(s, start(1_000, "next"));
    SessionRules.timerZero(s, "all", fx.now + 1_000, fx.now + 1_000, fx.random);
    assertEquals(1, s.current());
    assertEquals(fx.now + 1_000, s.phaseLog().get(0).endedAt());

    fx.apply(s, FAC, "session.phase", new JsonObject().put("index", 2));
    timer(s, start(1_000, "next"));
    Outcome last = SessionRules.timerZero(s, "all", fx.now + 1_000, fx.now + 1_000, fx.random);
    assertEquals(2, s.current()); // nothing after the last phase, the cue still goes out
    assertEquals(new Effect.Cue("timerZero", null, "next"), last.effects().get(0));
  }

  @Test
  @DisplayName("[L3][L9] a group's timer locks the group's frame at zero and cues only that group; end stops all timers")
  void groupTimer() {
    Session s = fx.live();
    fx.apply(s, FAC, "session.breakouts", new JsonObject().put("action", "split").put("by", "manual")
        .put("groups", new JsonArray().add(new JsonObject().put("name", "A").put("frame", "f_2")
            .put("members", new JsonArray().add("u_ana")))));
    timer(s, start(2_000, "lock").put("group", "g1"));
    timer(s, start(9_000, "none"));
    Outcome zero = SessionRules.timerZero(s, "g1", fx.now + 2_000, fx.now + 2_000, fx.random);
    assertEquals(new Effect.Cue("timerZero", "g1", "lock"), zero.effects().get(0));
    assertEquals(java.util.Set.of("f_2"), s.lockedFrames());
    assertFalse(s.boardLocked());
    fx.apply(s, FAC, "session.end", new JsonObject());
    assertEquals(java.util.Map.of("all", SessionTimer.IDLE), s.timers());
  }
}
