package org.crossboard.session;

import java.util.List;

/**
 * What applying a command or a timer's zero came to: whether the session changed (and must be
 * stored, compare-and-set on its version) and the effects for the room, in order.
 */
public record Outcome(boolean changed, List<Effect> effects) {
  public Outcome {
    effects = List.copyOf(effects);
  }

  /** Nothing changed and nothing to do. */
  public static Outcome none() {
    return new Outcome(false, List.of());
  }

  /** The session changed. */
  public static Outcome changed(List<Effect> effects) {
    return new Outcome(true, effects);
  }

  /** Nothing stored; only effects (a relay, a summon). */
  public static Outcome relay(Effect... effects) {
    return new Outcome(false, List.of(effects));
  }
}
