package org.crossboard.store;

/**
 * Where a client stands on a board: the highest {@code clientSeq} written under its clientId and
 * the person who wrote it — the clientId is theirs on that board (SPEC.md C7, P7).
 */
public record ClientMark(long clientSeq, String userId) {
  /** A clientId nothing has been written under. */
  public static final ClientMark NONE = new ClientMark(0, null);
}
