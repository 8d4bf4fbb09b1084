package org.crossboard.room;

/**
 * Tunables of board rooms.
 *
 * @param snapshotEvery write a snapshot after this many ops (SPEC.md D4)
 * @param idleCloseMs how long an empty room waits for someone to come back before closing
 * @param resumeOps how many recent ops a room keeps to answer resumes and fetches from memory
 * @param maxBacklog pushes sequenced but not yet durable above which the room stops reading pushers'
 *     sockets until it has caught up to half (backpressure instead of unbounded memory)
 */
public record RoomSettings(int snapshotEvery, long idleCloseMs, int resumeOps, int maxBacklog) {
  public static final RoomSettings DEFAULTS = new RoomSettings(500, 5_000, 1_000, 2_000);
}
