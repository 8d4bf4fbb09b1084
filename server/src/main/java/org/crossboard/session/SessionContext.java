package org.crossboard.session;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Everything a command is applied with besides the session itself: the server's clock, who acts,
 * who is in the room, the board, and randomness. Passed in so the domain stays deterministic.
 */
public record SessionContext(long now, Actor actor, List<Actor> present, BoardLookup board, RandomGenerator random) {}
