package org.crossboard.session;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.crossboard.access.Principal;
import org.crossboard.access.Role;
import org.crossboard.board.PrivateRecords;
import org.crossboard.room.RoomHandle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reveals the private records of revealed rounds (SPEC.md L5): an empty patch to each, which the
 * {@link SessionPolicy} turns into a put of the whole record without its mark, so every client
 * receives it at once — as it is when the patch is sequenced, so nothing its author wrote just
 * before is lost. Runs on the node whose session change revealed the round, again a moment later
 * (a record made just before the reveal may not have reached this node yet), and whenever a room
 * opens with marks of revealed rounds left (a node that died mid-reveal). Idempotent.
 */
final class SessionReveal {
  /** The user id the reveal writes as; never a person's (people's ids are generated with a prefix). */
  static final String WRITER_ID = "crossboard-session";
  private static final Logger LOG = LoggerFactory.getLogger(SessionReveal.class);
  private static final int CHANGES_PER_WRITE = 200;

  private SessionReveal() {}

  /** Rewrites every record still marked with a revealed round; completes with how many. */
  static Future<Integer> sweep(RoomHandle room, Session session) {
    List<Object> patches = new ArrayList<>();
    for (JsonObject record : room.records()) {
      JsonObject mark = PrivateRecords.markOf(record);
      if (mark != null && session.roundRevealed(mark.getInteger("round", 0))) {
        // a locked record takes only a patch that unlocks it; the policy keeps it locked (SessionPolicy#revealed)
        JsonObject props = Boolean.TRUE.equals(record.getValue("locked")) ? new JsonObject().put("locked", false)
            : new JsonObject();
        patches.add(new JsonObject().put("op", "patch").put("id", record.getString("id")).put("props", props));
      }
    }
    Principal writer = new Principal(WRITER_ID, "Session", null, null, Role.OWNER, null, null, null, Long.MAX_VALUE);
    List<Future<Long>> writes = new ArrayList<>();
    for (int from = 0; from < patches.size(); from += CHANGES_PER_WRITE) {
      JsonArray chunk = new JsonArray(new ArrayList<>(patches.subList(from, Math.min(patches.size(), from + CHANGES_PER_WRITE))));
      writes.add(room.write(writer, chunk));
    }
    return Future.join(writes).map(patches.size()).onFailure(e ->
        LOG.warn("revealing private records on board {} failed; the next sweep retries", room.boardId(), e));
  }
}
