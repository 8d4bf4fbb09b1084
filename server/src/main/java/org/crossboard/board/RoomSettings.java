package org.crossboard.board;

/**
 * Tunables of board rooms.
 *
 * @param snapshotEvery write a snapshot after this many ops (SPEC.md D4)
 * @param idleCloseMs how long an empty room waits for someone to come back before closing
 * @param resumeOps how many recent ops a room keeps to answer resumes and fetches from memory
 */
public record RoomSettings(int snapshotEvery, long idleCloseMs, int resumeOps) {
  public static final RoomSettings DEFAULTS = new RoomSettings(500, 5_000, 1_000);
}
