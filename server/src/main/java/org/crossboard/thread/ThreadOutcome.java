package org.crossboard.thread;

import java.util.List;

/**
 * What applying a thread command came to: whether the thread changed (and must be stored,
 * compare-and-set on its version, then sent to the room), the comment it made or touched, and
 * whether that comment notifies (SPEC.md K7) — a new comment, or an edit that adds
 * {@code newMentions}.
 *
 * @param commentId the new or touched comment; null for changes of the thread itself (resolve, move)
 * @param newMentions whom the comment mentions that it did not before (all of them for a new comment)
 */
public record ThreadOutcome(boolean changed, String commentId, boolean notifies, List<Mention> newMentions) {
  public ThreadOutcome {
    newMentions = List.copyOf(newMentions);
  }

  /** Nothing to store or send (the thread already was that way). */
  public static ThreadOutcome unchanged(String commentId) {
    return new ThreadOutcome(false, commentId, false, List.of());
  }

  /** Stored and sent; nobody notified. */
  public static ThreadOutcome changed(String commentId) {
    return new ThreadOutcome(true, commentId, false, List.of());
  }

  /** Stored, sent, and its recipients notified. */
  public static ThreadOutcome notifying(String commentId, List<Mention> newMentions) {
    return new ThreadOutcome(true, commentId, true, newMentions);
  }
}
