package org.crossboard.room;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import org.crossboard.board.BoardLoader;
import org.crossboard.board.BoardState;
import org.crossboard.store.ClientMark;
import org.crossboard.store.Op;
import org.crossboard.store.OpLog;
import org.crossboard.store.Snapshot;
import org.crossboard.store.SnapshotStore;

/**
 * The durable side of a room: the board as of the newest durable op, the recent ops that answer
 * resumes, each client's highest durable clientSeq, and when the last snapshot was written. Only
 * the write pipeline changes it ({@link #apply}); everything sent to clients is read from here.
 */
final class ConfirmedBoard {
  private final BoardState state;
  private final RecentOps recent;
  private final Map<String, Long> clientSeq = new HashMap<>();
  private final Map<String, String> clientOwner = new HashMap<>();
  private long seq;
  private long snapshotSeq;

  ConfirmedBoard(BoardLoader.Loaded loaded, int resumeOps) {
    this.state = loaded.state();
    this.seq = loaded.seq();
    this.snapshotSeq = loaded.snapshotSeq();
    this.recent = new RecentOps(resumeOps, loaded.snapshotSeq());
    for (Op op : loaded.replayed()) {
      recent.add(op.toJson());
      learn(op);
    }
  }

  /** The newest durable seq. */
  long seq() {
    return seq;
  }

  /** The board's title now. */
  String title() {
    return state.title();
  }

  /** A deep copy of the board, with its remembered text writes: where speculative sequencing starts from. */
  BoardState stateCopy() {
    return state.copy();
  }

  /** Deep copies of every record, for a snapshot frame. */
  JsonArray records() {
    return state.toJson();
  }

  /** A record as it is now (not a copy: not to be changed), or null. */
  JsonObject record(String id) {
    return state.get(id);
  }

  /** Every record as it is now (not copies: not to be changed). */
  Iterable<JsonObject> allRecords() {
    return state.all();
  }

  /** The ops {@code afterSeq < seq <= toSeq} from memory, or null when they are not all held. */
  JsonArray recentOps(long afterSeq, long toSeq) {
    return recent.range(afterSeq, toSeq);
  }

  /**
   * The ops in ({@code afterSeq}, {@code toSeq}] in their wire form: from memory when held, else
   * read from the op log (at most {@code max}; fewer when the log has a gap).
   */
  Future<JsonArray> opsBetween(OpLog log, String boardId, long afterSeq, long toSeq,
      int max) {
    JsonArray held = recent.range(afterSeq, toSeq);
    if (held != null) {
      return Future.succeededFuture(held);
    }
    return log.range(boardId, afterSeq, toSeq, max).map(ops -> {
      JsonArray wire = new JsonArray();
      ops.forEach(op -> wire.add(op.toJson()));
      return wire;
    });
  }

  /** Each client's highest durable clientSeq known here (a copy). */
  Map<String, Long> clientSeqs() {
    return new HashMap<>(clientSeq);
  }

  /** Who each clientId known here belongs to (a copy). */
  Map<String, String> clientOwners() {
    return new HashMap<>(clientOwner);
  }

  /** Applies a durable op. */
  void apply(Op op) {
    state.applyOp(op);
    seq = op.seq();
    learn(op);
    recent.add(op.toJson());
  }

  private void learn(Op op) {
    clientSeq.merge(op.clientId(), op.clientSeq(), Math::max);
    clientOwner.putIfAbsent(op.clientId(), op.user().getString("id"));
  }

  /**
   * Where the client stands: its highest durable clientSeq and who its clientId belongs to, looked
   * up in the op log's index the first time.
   */
  Future<ClientMark> learnClient(OpLog log, String boardId, String clientId) {
    Long known = clientSeq.get(clientId);
    if (known != null) {
      return Future.succeededFuture(new ClientMark(known, clientOwner.get(clientId)));
    }
    return log.clientMark(boardId, clientId).map(mark -> {
      long max = clientSeq.merge(clientId, mark.clientSeq(), Math::max);
      if (mark.userId() != null) {
        clientOwner.putIfAbsent(clientId, mark.userId());
      }
      return new ClientMark(max, clientOwner.get(clientId));
    });
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
}
