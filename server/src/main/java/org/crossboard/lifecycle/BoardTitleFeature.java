package org.crossboard.lifecycle;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.crossboard.audit.AuditLog;
import org.crossboard.board.RecordTypes;
import org.crossboard.room.FeatureRegistry;
import org.crossboard.room.RoomFeature;
import org.crossboard.room.RoomHandle;
import org.crossboard.store.BoardCatalog;
import org.crossboard.store.Op;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the board list's title in step with the board record's {@code title} (what workspace
 * pages show), and records the rename in the workspace's audit chain. It observes ops once, on the
 * node that wrote them — never again on nodes that receive them or catch up on them.
 */
public final class BoardTitleFeature implements RoomFeature {
  private static final Logger LOG = LoggerFactory.getLogger(BoardTitleFeature.class);
  private final BoardCatalog catalog;
  private final AuditLog audit;

  public BoardTitleFeature(BoardCatalog catalog, AuditLog audit) {
    this.catalog = catalog;
    this.audit = audit;
  }

  /** Renames of one room, in seq order: each waits for the previous so the last title wins. */
  private static final class Renames {
    Future<?> last = Future.succeededFuture();
  }

  @Override
  public void register(FeatureRegistry registry) {
    // no messages, records or remote kinds of its own: it only observes durable ops
  }

  @Override
  public void afterDurable(RoomHandle room, List<Op> ops) {
    for (Op op : ops) {
      String title = titleChange(op.changes());
      if (title != null) {
        Renames renames = room.state(Renames.class, Renames::new);
        renames.last = renames.last.eventually(() -> rename(room.boardId(), title, op));
      }
    }
  }

  private Future<?> rename(String boardId, String title, Op op) {
    return catalog.get(boardId).compose(info -> info == null || title.equals(info.title())
        ? Future.succeededFuture()
        : catalog.rename(boardId, title).compose(v -> audit.record(AuditLog.workspaceChain(info.workspace()),
            op.user(), "board.renamed", boardId, new JsonObject().put("from", info.title()).put("to", title)
                .put("seq", op.seq()), null)))
        .onFailure(e -> LOG.warn("rename of {} failed", boardId, e));
  }

  /** The new board title if a change in the op retitles the board, else null. */
  static String titleChange(JsonArray changes) {
    String title = null;
    for (int i = 0; i < changes.size(); i++) {
      JsonObject c = changes.getJsonObject(i);
      if ("patch".equals(c.getString("op")) && RecordTypes.BOARD_RECORD_ID.equals(c.getString("id"))
          && c.getJsonObject("props").getValue("title") instanceof String t) {
        title = t;
      }
    }
    return title;
  }
}
