package org.crossboard.thread;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crossboard.access.Role;

/**
 * Whom a comment notifies and why (SPEC.md K7), before the caller's checks of board access and
 * mutes. Everyone returned is in {@code boardPeople} (user id → role of everyone who can read the
 * board), so a mention never reaches someone without access (SPEC.md K6); the author is never
 * notified of their own comment.
 */
public final class Recipients {
  public static final String MENTION = "mention";
  public static final String REPLY = "reply";
  public static final String YOUR_RECORD = "your-record";

  private Recipients() {}

  /**
   * For a new comment {@code c} of {@code t}: the people it mentions (groups expanded to their
   * members), everyone who wrote an earlier comment that is not removed, and the creator of the
   * anchored record ({@code recordCreatorId}, may be null; only for record anchors). One reason
   * each: {@value #MENTION} before {@value #REPLY} before {@value #YOUR_RECORD}.
   */
  public static Map<String, String> of(Thread t, Comment c, Map<String, Role> boardPeople, String recordCreatorId) {
    Map<String, String> out = new LinkedHashMap<>();
    addMentioned(out, c.mentions(), boardPeople);
    for (Comment earlier : t.comments()) {
      if (earlier.id().equals(c.id())) {
        break;
      }
      if (!earlier.isRemoved()) {
        add(out, earlier.author().id(), REPLY, boardPeople);
      }
    }
    if (t.anchor().onRecord() && recordCreatorId != null) {
      add(out, recordCreatorId, YOUR_RECORD, boardPeople);
    }
    out.remove(c.author().id());
    return out;
  }

  /**
   * For an edit that adds {@code mentions} ({@link ThreadOutcome#newMentions}): only those it
   * newly mentions, all for {@value #MENTION}; nobody is told twice of the same thread for a reply.
   */
  public static Map<String, String> mentioned(List<Mention> mentions, String authorId, Map<String, Role> boardPeople) {
    Map<String, String> out = new LinkedHashMap<>();
    addMentioned(out, mentions, boardPeople);
    out.remove(authorId);
    return out;
  }

  private static void addMentioned(Map<String, String> out, List<Mention> mentions, Map<String, Role> boardPeople) {
    for (Mention m : mentions) {
      if (m.user() != null) {
        add(out, m.user(), MENTION, boardPeople);
      } else {
        boardPeople.forEach((user, role) -> {
          if (m.groupHas(role)) {
            add(out, user, MENTION, boardPeople);
          }
        });
      }
    }
  }

  /** Keeps the first (strongest) reason: reasons are added strongest first. */
  private static void add(Map<String, String> out, String user, String reason, Map<String, Role> boardPeople) {
    if (boardPeople.containsKey(user)) {
      out.putIfAbsent(user, reason);
    }
  }
}
