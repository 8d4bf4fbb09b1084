package org.crossboard.session;

import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * Every client message of a session, decoded and validated ({@link #decode}); what needs the board
 * or the session (does the frame exist, is a vote open) is checked when applied ({@link SessionRules}).
 * All but {@link VoteCast} and {@link Hand} are the facilitators' (SPEC.md L1).
 */
public sealed interface SessionCommand {

  /**
   * Decodes a frame of the given type ({@code session.timer}, …): {@code ERR_UNKNOWN_TYPE} for a
   * type that is not a session message, {@code ERR_MALFORMED} for a field of the wrong JSON type,
   * {@code ERR_INVALID} for a value out of range; the message names the field.
   */
  static SessionCommand decode(String type, JsonObject frame) {
    return CommandDecoder.decode(type, frame);
  }

  /** Whether only facilitators may send it. */
  default boolean facilitatorOnly() {
    return true;
  }

  /** The wire type, e.g. {@code session.timer}. */
  String type();

  /** A phase as a client describes it; {@code id} names an existing phase to keep (its log), null for a new one. */
  record PhaseSpec(String id, String title, int minutes, String frame, PhaseRules rules) {}

  record Create(String title, long startsAt, String timeZone, List<PhaseSpec> phases) implements SessionCommand {
    public String type() {
      return "session.create";
    }
  }

  /** Null fields are left as they are. */
  record Update(String title, Long startsAt, String timeZone, List<PhaseSpec> phases) implements SessionCommand {
    public String type() {
      return "session.update";
    }
  }

  record Start() implements SessionCommand {
    public String type() {
      return "session.start";
    }
  }

  record End() implements SessionCommand {
    public String type() {
      return "session.end";
    }
  }

  record GoToPhase(int index) implements SessionCommand {
    public String type() {
      return "session.phase";
    }
  }

  record Next() implements SessionCommand {
    public String type() {
      return "session.next";
    }
  }

  /** {@code group} null: the timer everyone sees ({@code all}); else that breakout group's. */
  record Timer(TimerAction action, Long durationMs, SessionTimer.AtZero atZero, Long ms, String group)
      implements SessionCommand {
    public String type() {
      return "session.timer";
    }
  }

  enum TimerAction { START, PAUSE, RESUME, ADD, RESET }

  /** {@code target}: {@code board} or a frame id. */
  record Lock(String target, boolean locked) implements SessionCommand {
    public String type() {
      return "session.lock";
    }
  }

  record Private(boolean on, boolean facilitatorsSee, boolean anonymous) implements SessionCommand {
    public String type() {
      return "session.private";
    }
  }

  /** Exactly one of {@code records} and {@code frame}; {@code cap} null for no per-record cap. */
  record VoteOpen(List<String> records, String frame, int dots, Integer cap, boolean anonymous, boolean liveCounts)
      implements SessionCommand {
    public String type() {
      return "session.vote.open";
    }
  }

  record VoteCast(String record, int delta) implements SessionCommand {
    public String type() {
      return "session.vote.cast";
    }

    @Override
    public boolean facilitatorOnly() {
      return false;
    }
  }

  record VoteClose() implements SessionCommand {
    public String type() {
      return "session.vote.close";
    }
  }

  /** {@code user} null: the sender's own hand. */
  record Hand(boolean up, String user) implements SessionCommand {
    public String type() {
      return "session.hand";
    }

    @Override
    public boolean facilitatorOnly() {
      return false;
    }
  }

  /** {@code viewport} {x, y, zoom}; {@code group} null: everyone. */
  record Summon(JsonObject viewport, boolean force, String group) implements SessionCommand {
    public String type() {
      return "session.summon";
    }
  }

  record Spotlight(String frame, boolean force) implements SessionCommand {
    public String type() {
      return "session.spotlight";
    }
  }

  record Follow(boolean on) implements SessionCommand {
    public String type() {
      return "session.follow";
    }
  }

  record Viewport(JsonObject viewport) implements SessionCommand {
    public String type() {
      return "session.viewport";
    }
  }

  /** Split ({@code by}, with {@code count} for random or {@code groups} for manual) or end. */
  record Breakouts(BreakoutAction action, SplitBy by, Integer count, List<GroupSpec> groups) implements SessionCommand {
    public String type() {
      return "session.breakouts";
    }
  }

  enum BreakoutAction { SPLIT, END }

  enum SplitBy { RANDOM, ORG, COUNTRY, MANUAL }

  /** A group as a facilitator lays it out by hand. */
  record GroupSpec(String name, String frame, List<String> members) {}
}
