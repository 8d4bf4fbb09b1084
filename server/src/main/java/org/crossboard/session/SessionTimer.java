package org.crossboard.session;

import io.vertx.core.json.JsonObject;
import java.util.Locale;
import org.crossboard.error.CrossboardException;
import org.crossboard.error.ErrorCode;

/**
 * A countdown kept on the server's clock (SPEC.md L3). Running, it stores only {@code endsAt}, so it
 * survives restarts and every node agrees when it reaches zero; paused, it stores what was left.
 * Immutable: every transition returns the next timer, or refuses with {@code ERR_SESSION_STATE}.
 *
 * @param endsAt when a running timer reaches zero (server clock, ms); null otherwise
 * @param remainingMs what a paused timer has left; null otherwise
 */
public record SessionTimer(State state, long durationMs, Long endsAt, Long remainingMs, AtZero atZero) {
  public static final long MIN_DURATION_MS = 1_000;
  public static final long MAX_DURATION_MS = 24 * 60 * 60 * 1_000L;
  public static final SessionTimer IDLE = new SessionTimer(State.IDLE, 0, null, null, AtZero.NONE);

  /** idle → running ⇄ paused → …; running → done at zero; any → idle on reset. */
  public enum State {
    IDLE, RUNNING, PAUSED, DONE;

    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** What the server does when the timer reaches zero. */
  public enum AtZero {
    NONE("none"), CLOSE_VOTE("closeVote"), REVEAL("reveal"), LOCK("lock"), NEXT("next");

    private final String wire;

    AtZero(String wire) {
      this.wire = wire;
    }

    public String wire() {
      return wire;
    }

    /** The action with that wire name, or null. */
    public static AtZero parse(String wire) {
      for (AtZero a : values()) {
        if (a.wire.equals(wire)) {
          return a;
        }
      }
      return null;
    }
  }

  /** Starts (or restarts) a countdown of {@code durationMs} from {@code now}, whatever the timer was doing. */
  static SessionTimer start(long now, long durationMs, AtZero atZero) {
    return new SessionTimer(State.RUNNING, durationMs, now + durationMs, null, atZero);
  }

  SessionTimer pause(long now) {
    require(State.RUNNING, "pause");
    return new SessionTimer(State.PAUSED, durationMs, null, Math.max(0, endsAt - now), atZero);
  }

  SessionTimer resume(long now) {
    require(State.PAUSED, "resume");
    return new SessionTimer(State.RUNNING, durationMs, now + remainingMs, null, atZero);
  }

  /**
   * Adds (or with a negative {@code ms}, takes away) time. What is left never goes below zero: a
   * running timer cut to nothing reaches zero at once and acts as usual.
   */
  SessionTimer add(long now, long ms) {
    if (state == State.RUNNING) {
      long ends = Math.max(now, endsAt + ms);
      return new SessionTimer(state, Math.max(0, durationMs + (ends - endsAt)), ends, null, atZero);
    }
    require(State.PAUSED, "add time to");
    long left = Math.max(0, remainingMs + ms);
    return new SessionTimer(state, Math.max(0, durationMs + (left - remainingMs)), null, left, atZero);
  }

  /** The timer after reaching zero. */
  SessionTimer done() {
    return new SessionTimer(State.DONE, durationMs, null, 0L, atZero);
  }

  /** Whether this timer is running and due at exactly {@code endsAt}, which is not in the future. */
  public boolean dueAt(long endsAt, long now) {
    return state == State.RUNNING && this.endsAt == endsAt && endsAt <= now;
  }

  private void require(State expected, String what) {
    if (state != expected) {
      throw new CrossboardException(ErrorCode.ERR_SESSION_STATE,
          "cannot " + what + " a timer that is " + state.wire());
    }
  }

  public JsonObject toJson() {
    return new JsonObject().put("state", state.wire()).put("durationMs", durationMs).put("endsAt", endsAt)
        .put("remainingMs", remainingMs).put("atZero", atZero.wire());
  }

  public static SessionTimer fromJson(JsonObject json) {
    return new SessionTimer(State.valueOf(json.getString("state").toUpperCase(Locale.ROOT)),
        json.getLong("durationMs"), json.getLong("endsAt"), json.getLong("remainingMs"),
        AtZero.parse(json.getString("atZero")));
  }
}
