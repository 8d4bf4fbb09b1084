package org.crossboard.session;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.crossboard.error.CrossboardException;
import org.crossboard.error.ErrorCode;

/**
 * Private mode's rounds (SPEC.md L5): each time it is turned on a new round starts (numbered from
 * 1); turning it off reveals that round, anonymously if asked for when it was turned on. Which
 * records belong to a round is the board's business (their {@code private} stamp).
 */
public final class PrivateMode {
  private boolean on;
  private int round;
  private boolean facilitatorsSee;
  private boolean anonymousReveal;
  private final List<Integer> revealedRounds;
  private final List<Integer> anonymousRounds;

  private PrivateMode(boolean on, int round, boolean facilitatorsSee, boolean anonymousReveal,
      List<Integer> revealedRounds, List<Integer> anonymousRounds) {
    this.on = on;
    this.round = round;
    this.facilitatorsSee = facilitatorsSee;
    this.anonymousReveal = anonymousReveal;
    this.revealedRounds = revealedRounds;
    this.anonymousRounds = anonymousRounds;
  }

  /** Off, before any round. */
  public static PrivateMode initial() {
    return new PrivateMode(false, 0, true, false, new ArrayList<>(), new ArrayList<>());
  }

  public boolean on() {
    return on;
  }

  /** The current round while on, else the last one (0 before any). */
  public int round() {
    return round;
  }

  public boolean facilitatorsSee() {
    return facilitatorsSee;
  }

  public boolean anonymousReveal() {
    return anonymousReveal;
  }

  public boolean revealed(int round) {
    return revealedRounds.contains(round);
  }

  public boolean anonymous(int round) {
    return anonymousRounds.contains(round);
  }

  /** Starts the next round. */
  void turnOn(boolean facilitatorsSee, boolean anonymousReveal) {
    if (on) {
      throw new CrossboardException(ErrorCode.ERR_SESSION_STATE, "private mode is already on");
    }
    on = true;
    round++;
    this.facilitatorsSee = facilitatorsSee;
    this.anonymousReveal = anonymousReveal;
  }

  /** Ends the round and marks it revealed; the caller re-writes its records for everyone. */
  void turnOff() {
    if (!on) {
      throw new CrossboardException(ErrorCode.ERR_SESSION_STATE, "private mode is already off");
    }
    on = false;
    revealedRounds.add(round);
    if (anonymousReveal) {
      anonymousRounds.add(round);
    }
  }

  public JsonObject toJson() {
    return new JsonObject().put("on", on).put("round", round).put("facilitatorsSee", facilitatorsSee)
        .put("anonymousReveal", anonymousReveal).put("revealedRounds", new JsonArray(new ArrayList<>(revealedRounds)))
        .put("anonymousRounds", new JsonArray(new ArrayList<>(anonymousRounds)));
  }

  public static PrivateMode fromJson(JsonObject json) {
    return new PrivateMode(json.getBoolean("on"), json.getInteger("round"), json.getBoolean("facilitatorsSee"),
        json.getBoolean("anonymousReveal"), ints(json.getJsonArray("revealedRounds")),
        ints(json.getJsonArray("anonymousRounds")));
  }

  private static List<Integer> ints(JsonArray array) {
    List<Integer> out = new ArrayList<>();
    array.forEach(v -> out.add(((Number) v).intValue()));
    return out;
  }
}
