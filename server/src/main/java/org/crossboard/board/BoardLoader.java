package org.crossboard.board;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import org.crossboard.error.CrossboardException;
import org.crossboard.error.ErrorCode;
import org.crossboard.store.Op;
import org.crossboard.store.Snapshot;
import org.crossboard.store.Stores;

/** Rebuilds a board from its newest snapshot plus the ops after it (SPEC.md D4). */
public final class BoardLoader {
  private static final int PAGE = 1_000;

  /** The loaded board: its state at {@code seq} and the ops replayed on top of the snapshot. */
  public record Loaded(BoardState state, long seq, long snapshotSeq, List<Op> replayed) {}

  private BoardLoader() {}

  public static Future<Loaded> load(Stores stores, String boardId) {
    return stores.boards().get(boardId).compose(info -> {
      if (info == null) {
        return Future.failedFuture(new CrossboardException(ErrorCode.ERR_BOARD_NOT_FOUND, "no such board"));
      }
      return stores.snapshots().latest(boardId).compose(snapshot -> {
        Snapshot start = snapshot != null ? snapshot : new Snapshot(0, BoardState.initial(info.title()).toJson());
        BoardState state = BoardState.of(start.records(), start.seq());
        List<Op> replayed = new ArrayList<>();
        return replay(stores, boardId, state, start.seq(), replayed)
            .map(seq -> new Loaded(state, seq, start.seq(), replayed));
      });
    });
  }

  private static Future<Long> replay(Stores stores, String boardId, BoardState state, long after, List<Op> replayed) {
    return stores.ops().range(boardId, after, Long.MAX_VALUE, PAGE).compose(ops -> {
      long seq = after;
      for (Op op : ops) {
        if (op.seq() != seq + 1) {
          return Future.failedFuture(new IllegalStateException(
              "op log of " + boardId + " has a gap after seq " + seq + " (next is " + op.seq() + ")"));
        }
        state.applyOp(op);
        replayed.add(op);
        seq = op.seq();
      }
      return ops.size() < PAGE ? Future.succeededFuture(seq) : replay(stores, boardId, state, seq, replayed);
    });
  }
}
