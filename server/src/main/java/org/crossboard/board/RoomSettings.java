package org.crossboard.board;

/**
 * Tunables of board rooms.
 *
 * @param snapshotEvery write a snapshot after this many ops (SPEC.md D4)
 * @param idleCloseMs how long an empty room waits for someone to come back before closing
 * @param resumeOps how many recent ops a room keeps to answer resumes and fetches from memory
 * @param presenceTickMs how often coalesced presence is flushed (rooms up to {@code thinAbove} people)
 * @param presenceTimeoutMs a person not heard of for this long is gone
 * @param thinAbove above this many people the presence tick stretches (cursor thinning)
 * @param catchUpCheckMs with several nodes: how often an idle room checks the op log for ops it missed
 * @param maxBacklog pushes sequenced but not yet durable above which the room stops reading pushers'
 *     sockets until it has caught up to half (backpressure instead of unbounded memory)
 */
public record RoomSettings(int snapshotEvery, long idleCloseMs, int resumeOps, long presenceTickMs,
    long presenceTimeoutMs, int thinAbove, long catchUpCheckMs, int maxBacklog) {
  public static final RoomSettings DEFAULTS = new RoomSettings(500, 5_000, 1_000, 30, 15_000, 50, 2_000, 2_000);

  /** The presence flush interval for a room of {@code people}: 30 ms × ⌈people / 50⌉, at most 250 ms. */
  public long presenceInterval(int people) {
    long factor = Math.max(1, (people + thinAbove - 1) / thinAbove);
    return Math.min(250, presenceTickMs * factor);
  }
}
