package org.crossboard.lifecycle;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.security.SecureRandom;
import org.crossboard.access.Ids;
import org.crossboard.board.BoardLoader;
import org.crossboard.board.BoardState;
import org.crossboard.board.PrivateRecords;
import org.crossboard.store.BoardInfo;
import org.crossboard.store.Grant;
import org.crossboard.store.Snapshot;
import org.crossboard.store.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Board lifecycle outside the live room: create, delete, export. */
public final class BoardService {
  private static final Logger LOG = LoggerFactory.getLogger(BoardService.class);
  private final Stores stores;
  private final BoardEvents events;
  private final SecureRandom random = new SecureRandom();

  public BoardService(Stores stores, BoardEvents events) {
    this.stores = stores;
    this.events = events;
  }

  /** Creates a board in a workspace with its initial snapshot (seq 0: the board record). */
  public Future<BoardInfo> create(String workspace, String title) {
    BoardInfo board = new BoardInfo("b" + Ids.random(random, 21), workspace, title, System.currentTimeMillis());
    return stores.boards().insert(board)
        .compose(v -> stores.snapshots().save(board.id(), new Snapshot(0, BoardState.initial(title).toJson())))
        .map(board);
  }

  /** Deletes a board, its ops, snapshots, translations and board-level roles; open connections close with BOARD_DELETED on every node. */
  public Future<Boolean> delete(String id) {
    return stores.boards().delete(id).compose(deleted -> {
      if (!deleted) {
        return Future.succeededFuture(false);
      }
      // every node closes its connections to the board (P9); a lost event is caught on reconnect
      events.deleted(id).onFailure(e -> LOG.warn("board {} deleted, but not every node may have heard", id, e));
      return stores.ops().deleteBoard(id)
          .compose(v -> stores.snapshots().deleteBoard(id))
          .compose(v -> stores.translations().deleteBoard(id))
          .compose(v -> stores.grants().removeScope(Grant.boardScope(id)))
          .map(true);
    });
  }

  /** The durable state of a board as a JSON document, or null when there is no such board. */
  public Future<JsonObject> export(String id, PrivateRecords.Viewer viewer) {
    return stores.boards().get(id).compose(info -> {
      if (info == null) {
        return Future.succeededFuture(null);
      }
      return BoardLoader.load(stores, id).map(loaded -> new JsonObject()
          .put("format", "crossboard/1")
          .put("board", info.toJson())
          .put("seq", loaded.seq())
          .put("exportedAt", System.currentTimeMillis())
          .put("records", PrivateRecords.records(loaded.state().toJson(), viewer))); // L5
    });
  }
}
