package org.crossboard.session;

import io.vertx.core.json.JsonObject;
import org.crossboard.access.Principal;
import org.crossboard.access.Role;
import org.crossboard.board.ChangePolicy;
import org.crossboard.board.PrivateRecords;
import org.crossboard.error.CrossboardException;
import org.crossboard.error.ErrorCode;
import org.crossboard.room.RoomHandle;

/**
 * What a live session allows on its board, change by change, on the node that sequences it
 * (SPEC.md L4, L5): participants cannot touch a locked board or a locked frame, add notes or
 * comments when the phase's rules keep them closed, or — in private mode — change anything but
 * their own new records, which are marked private. Facilitators are never refused. A record of a
 * private round that has been revealed is written again whole, without its mark, the next time
 * anything changes it: the session's reveal sends an empty patch to each.
 */
final class SessionPolicy implements ChangePolicy {
  /** Who the records of an anonymous round name as their creator once revealed. */
  static final String ANONYMOUS = "anonymous";
  private static final int MAX_FRAME_DEPTH = 32;

  private final Session session;
  private final RoomHandle room;

  SessionPolicy(Session session, RoomHandle room) {
    this.session = session;
    this.room = room;
  }

  /** The policy of the room's session now, or none when there is no session. */
  static ChangePolicy of(Session session, RoomHandle room) {
    return session == null ? ChangePolicy.NONE : new SessionPolicy(session, room);
  }

  @Override
  public JsonObject review(Principal as, JsonObject change, JsonObject before) {
    JsonObject mark = PrivateRecords.markOf(before);
    boolean facilitator = as.role().atLeast(Role.FACILITATOR);
    if (mark != null && session.roundRevealed(mark.getInteger("round", 0))) {
      return revealed(as, change, before, mark, facilitator);
    }
    if (!facilitator && session.state() == SessionState.LIVE) {
      checkLocks(change, before);
      checkPhaseRules(change, before);
      if (session.privateModeOn()) {
        if (before == null) {
          mark = PrivateRecords.mark(as.userId(), session.facilitatorsSee(), session.privateRound());
        } else if (mark == null || !as.userId().equals(mark.getString("by"))) {
          throw new CrossboardException(ErrorCode.ERR_PRIVATE_MODE,
              "private mode: only your own new notes can change until the facilitator reveals them");
        }
      }
    }
    return mark == null ? change : PrivateRecords.marked(change, mark);
  }

  private void checkLocks(JsonObject change, JsonObject before) {
    if (session.boardLocked()) {
      throw new CrossboardException(ErrorCode.ERR_LOCKED, "the facilitator has locked the board");
    }
    if (session.lockedFrames().isEmpty()) {
      return;
    }
    String id = idOf(change);
    String lockedFrame = lockedFrameOf(id, before == null ? null : before.getString("parent"));
    if (lockedFrame == null && "put".equals(change.getString("op"))) {
      lockedFrame = lockedFrameOf(id, change.getJsonObject("record").getString("parent"));
    } else if (lockedFrame == null && "patch".equals(change.getString("op"))) {
      lockedFrame = lockedFrameOf(id, change.getJsonObject("props").getString("parent"));
    }
    if (lockedFrame != null) {
      throw new CrossboardException(ErrorCode.ERR_LOCKED, "the facilitator has locked frame " + lockedFrame);
    }
  }

  /** The locked frame that is {@code id} itself or holds it through {@code parent}, or null. */
  private String lockedFrameOf(String id, String parent) {
    if (session.lockedFrames().contains(id)) {
      return id;
    }
    String frame = parent;
    for (int depth = 0; frame != null && depth < MAX_FRAME_DEPTH; depth++) {
      if (session.lockedFrames().contains(frame)) {
        return frame;
      }
      JsonObject record = room.record(frame);
      frame = record == null ? null : record.getString("parent");
    }
    return null;
  }

  private void checkPhaseRules(JsonObject change, JsonObject before) {
    PhaseRules rules = session.currentRules();
    String type = before != null ? before.getString("type")
        : "put".equals(change.getString("op")) ? change.getJsonObject("record").getString("type") : null;
    if ("comment".equals(type)) {
      if (!rules.comments()) {
        throw new CrossboardException(ErrorCode.ERR_PHASE_RULES, "comments are closed in this phase");
      }
    } else if (before == null && "facilitators".equals(rules.notes())) {
      throw new CrossboardException(ErrorCode.ERR_PHASE_RULES, "only facilitators add to the board in this phase");
    }
  }

  /**
   * A change to a record whose round has been revealed: a patch (the reveal's own, or anyone's)
   * becomes a put of the whole record as the patch leaves it, without the mark, so everyone
   * receives all of it at once; a put loses the mark; the rest pass unmarked. In an anonymous
   * round the revealed record names no author — and until the reveal has rewritten it, a
   * participant's change (whose op would name them) waits: it is refused as private mode.
   */
  private JsonObject revealed(Principal as, JsonObject change, JsonObject before, JsonObject mark,
      boolean facilitator) {
    boolean anonymous = session.roundAnonymous(mark.getInteger("round", 0));
    if (anonymous && !facilitator && !SessionReveal.WRITER_ID.equals(as.userId())) {
      throw new CrossboardException(ErrorCode.ERR_PRIVATE_MODE, "the facilitator is revealing the notes; try again");
    }
    JsonObject record;
    switch (change.getString("op")) {
      case "put" -> record = change.getJsonObject("record").copy();
      case "patch" -> {
        record = before.copy();
        change.getJsonObject("props").forEach(p -> {
          if (p.getValue() == null) {
            record.remove(p.getKey());
          } else {
            record.put(p.getKey(), p.getValue());
          }
        });
        if (SessionReveal.WRITER_ID.equals(as.userId()) && before.containsKey("locked")) {
          record.put("locked", before.getValue("locked")); // the reveal unlocks only to get through (SessionReveal)
        }
      }
      default -> {
        return change;
      }
    }
    record.remove(PrivateRecords.PROP);
    if (anonymous) {
      record.put("createdBy", ANONYMOUS).put("updatedBy", ANONYMOUS);
    }
    return new JsonObject().put("op", "put").put("record", record);
  }

  private static String idOf(JsonObject change) {
    return change.getValue("record") instanceof JsonObject record ? record.getString("id") : change.getString("id");
  }
}
