package org.crossboard.board;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import org.crossboard.store.Op;
import org.crossboard.store.OpLog;
import org.crossboard.store.Snapshot;
import org.crossboard.store.SnapshotStore;

/**
 * The durable side of a room: the board as of the newest durable op, the recent ops that answer
 * resumes, each client's highest durable clientSeq, and when the last snapshot was written.
 */
final class ConfirmedBoard {
  final BoardState state;
  final RecentOps recent;
  final Map<String, Long> clientSeq = new HashMap<>();
  long seq;
  long snapshotSeq;

  ConfirmedBoard(BoardLoader.Loaded loaded, int resumeOps) {
    this.state = loaded.state();
    this.seq = loaded.seq();
    this.snapshotSeq = loaded.snapshotSeq();
    this.recent = new RecentOps(resumeOps, loaded.snapshotSeq());
    for (Op op : loaded.replayed()) {
      recent.add(op.toJson());
      clientSeq.merge(op.clientId(), op.clientSeq(), Math::max);
    }
  }

  /** Applies a durable op; returns its wire form. */
  JsonObject apply(Op op) {
    state.applyCanonical(op.changes());
    seq = op.seq();
    clientSeq.merge(op.clientId(), op.clientSeq(), Math::max);
    JsonObject json = op.toJson();
    recent.add(json);
    return json;
  }

  /** The client's highest durable clientSeq, looked up in the op log's index the first time. */
  Future<Long> learnClientSeq(OpLog log, String boardId, String clientId) {
    Long known = clientSeq.get(clientId);
    if (known != null) {
      return Future.succeededFuture(known);
    }
    return log.maxClientSeq(boardId, clientId).map(max -> clientSeq.merge(clientId, max, Math::max));
  }

  long appliedClientSeq(String clientId) {
    return clientSeq.getOrDefault(clientId, 0L);
  }

  boolean snapshotDue(int every) {
    return seq - snapshotSeq >= every;
  }

  boolean hasUnsnapshotted() {
    return seq > snapshotSeq;
  }

  Future<Void> saveSnapshot(SnapshotStore store, String boardId) {
    snapshotSeq = seq;
    return store.save(boardId, new Snapshot(seq, state.toJson()));
  }

  /** The new board title if any change in the op retitles the board, else null. */
  static String titleChange(JsonArray changes) {
    String title = null;
    for (int i = 0; i < changes.size(); i++) {
      JsonObject c = changes.getJsonObject(i);
      if ("patch".equals(c.getString("op")) && RecordSchema.BOARD_RECORD_ID.equals(c.getString("id"))
          && c.getJsonObject("props").getValue("title") instanceof String t) {
        title = t;
      }
    }
    return title;
  }
}
