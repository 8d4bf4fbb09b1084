package org.crossboard.session;

import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import org.crossboard.access.Principal;
import org.crossboard.room.Member;
import org.crossboard.store.AttendanceStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who attends a live session from this node (SPEC.md L10): a person joins when their first
 * connection arrives while the session is live (or when it goes live with them here) and leaves
 * with their last connection (or when it ends), however many tabs they have. Each node records its
 * own people; the recap folds the events into stays. Event-loop confined.
 */
final class SessionAttendance {
  private static final Logger LOG = LoggerFactory.getLogger(SessionAttendance.class);

  /** A person here: who they are now and how many connections they have. */
  private record Here(Principal principal, int connections) {}

  private final String boardId;
  private final AttendanceStore store;
  private final Map<String, Here> here = new HashMap<>();

  SessionAttendance(String boardId, AttendanceStore store) {
    this.boardId = boardId;
    this.store = store;
  }

  /** A connection arrived; {@code live} is the session if it is live, else null. */
  void arrived(Member member, Session live) {
    Principal p = member.principal();
    Here before = here.get(p.userId());
    here.put(p.userId(), new Here(p, before == null ? 1 : before.connections() + 1));
    if (before == null && live != null) {
      record(p, live, "join");
    }
  }

  /** A connection left; true when it was the person's last one here. */
  boolean departed(Member member, Session live) {
    Principal p = member.principal();
    Here before = here.get(p.userId());
    if (before == null) {
      return false;
    }
    if (before.connections() > 1) {
      here.put(p.userId(), new Here(before.principal(), before.connections() - 1));
      return false;
    }
    here.remove(p.userId());
    if (live != null) {
      record(p, live, "leave");
    }
    return true;
  }

  /** The session's state moved from {@code before}: on going live everyone here joins, on ending everyone leaves. */
  void transition(SessionState before, Session now) {
    if (now == null) {
      return;
    }
    if (now.state() == SessionState.LIVE && before != SessionState.LIVE) {
      here.values().forEach(h -> record(h.principal(), now, "join"));
    } else if (now.state() == SessionState.ENDED && before == SessionState.LIVE) {
      here.values().forEach(h -> record(h.principal(), now, "leave"));
    }
  }

  private void record(Principal p, Session session, String event) {
    store.append(new JsonObject().put("session", session.id()).put("board", boardId)
        .put("user", p.userId()).put("name", p.name()).put("org", p.org()).put("country", p.country())
        .put("event", event).put("at", System.currentTimeMillis()))
        .onFailure(e -> LOG.warn("attendance of session {} not recorded", session.id(), e));
  }
}
