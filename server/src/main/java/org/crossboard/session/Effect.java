package org.crossboard.session;

import io.vertx.core.json.JsonObject;

/** Something the room must do after a session change; the domain itself does no I/O. */
public sealed interface Effect {
  /** Tell everyone (or a group) something happened: {@code kind} {@code timerZero} with the timer's action. */
  record Cue(String kind, String group, String action) implements Effect {}

  /** Bring people to a viewport or frame; {@code group} null means everyone. */
  record SummonAll(JsonObject viewport, String frame, boolean force, String group, Actor by) implements Effect {}

  /** Relay the followed facilitator's viewport to the room, never stored. */
  record RelayViewport(JsonObject viewport) implements Effect {}

  /** Private mode ended: re-write that round's records for everyone, without authors when anonymous. */
  record Reveal(int round, boolean anonymous) implements Effect {}

  /** A ballot was appended: send that person their {@code mine} view and broadcast the head. */
  record BallotCast(String voterUserId) implements Effect {}

  /** Append one entry to the workspace audit chain. */
  record Audit(String action, String target, JsonObject details) implements Effect {}

  /** The session ended: build and store the recap. */
  record Ended() implements Effect {}
}
