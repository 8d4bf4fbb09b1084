package org.crossboard.thread;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.crossboard.access.Ids;
import org.crossboard.access.Role;
import org.crossboard.room.Member;
import org.crossboard.room.RoomHandle;
import org.crossboard.store.BoardInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who a new comment notifies, and the notifying (SPEC.md K6, K7): the people it mentions (groups
 * expanded), everyone who wrote in the thread before, and the creator of the record it is on —
 * never its author, never anyone who cannot read the board now, never anyone who muted the board
 * or the thread. Each notification is stored, then sent to its person wherever they are
 * ({@link Inboxes}).
 */
final class Notifier {
  private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);
  private static final int EXCERPT = 140;
  private final ThreadFeature.Dependencies deps;

  Notifier(ThreadFeature.Dependencies deps) {
    this.deps = deps;
  }

  /**
   * @param onlyMentions for an edit: the mentions it added (only those are notified); null for a
   *     new comment
   */
  void commented(RoomHandle room, Thread thread, String commentId, List<Mention> onlyMentions) {
    Comment comment = thread.comments().stream().filter(c -> c.id().equals(commentId)).findFirst().orElse(null);
    if (comment == null) {
      return;
    }
    String recordCreator = null;
    if ("record".equals(thread.anchor().kind())) {
      JsonObject record = room.record(thread.anchor().record());
      recordCreator = record == null ? null : record.getString("createdBy");
    }
    String creator = recordCreator;
    deps.boards().get(room.boardId()).compose(board -> board == null ? Future.succeededFuture()
        : readers(room, board).compose(readers -> {
      // only people in readers, never the author (Recipients sees to both)
      Map<String, String> recipients = onlyMentions != null
          ? Recipients.mentioned(onlyMentions, comment.author().id(), readers)
          : Recipients.of(thread, comment, readers, creator);
      List<Future<Void>> sent = new ArrayList<>();
      recipients.forEach((user, reason) -> sent.add(notify(board, thread, comment, user, reason)));
      return Future.join(sent).mapEmpty();
    })).onFailure(e -> LOG.warn("notifications of comment {} on board {} not all sent", commentId, room.boardId(), e));
  }

  /**
   * Everyone who can read the board now: account holders with a role on it, and the guests in the
   * room (a guest's access is their invitation's; those not here are not looked up).
   */
  private Future<Map<String, Role>> readers(RoomHandle room, BoardInfo board) {
    return deps.boardRoles().readers(board).map(roles -> {
      Map<String, Role> all = new HashMap<>(roles);
      for (Member m : room.members()) {
        if (m.principal().guest()) {
          all.putIfAbsent(m.principal().userId(), m.principal().role());
        }
      }
      return all;
    });
  }

  private Future<Void> notify(BoardInfo board, Thread thread, Comment comment, String user, String reason) {
    String boardId = board.id();
    return deps.notifications().mutes(user).compose(mutes -> {
      if (mutes.contains("board:" + boardId) || mutes.contains("thread:" + thread.id())) {
        return Future.succeededFuture();
      }
      String body = comment.body() == null ? "" : comment.body();
      JsonObject n = new JsonObject().put("_id", "n" + Ids.random(deps.random(), 21)).put("user", user)
          .put("board", boardId).put("boardTitle", board.title()).put("thread", thread.id()).put("comment", comment.id()).put("reason", reason)
          .put("from", comment.author().toJson())
          .put("excerpt", body.length() > EXCERPT ? body.substring(0, EXCERPT - 1) + "…" : body)
          .put("at", System.currentTimeMillis()).put("read", false).put("mailedAt", (Object) null);
      return deps.notifications().insert(n).compose(v -> deps.inboxes().deliver(n));
    });
  }
}
