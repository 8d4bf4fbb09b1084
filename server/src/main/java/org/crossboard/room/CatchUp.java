package org.crossboard.room;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import org.crossboard.store.Op;
import org.crossboard.store.OpLog;

/** Reads every op after a seq from the op log, page by page, checking there is no gap. */
final class CatchUp {
  private static final int PAGE = 1_000;

  private CatchUp() {}

  static Future<List<Op>> read(OpLog log, String boardId, long afterSeq) {
    return read(log, boardId, afterSeq, new ArrayList<>());
  }

  private static Future<List<Op>> read(OpLog log, String boardId, long afterSeq, List<Op> acc) {
    return log.range(boardId, afterSeq, Long.MAX_VALUE, PAGE).compose(ops -> {
      long expected = afterSeq + 1;
      for (Op op : ops) {
        if (op.seq() != expected++) {
          return Future.failedFuture(new IllegalStateException("op log of " + boardId + " has a gap at " + (expected - 1)));
        }
        acc.add(op);
      }
      return ops.size() < PAGE ? Future.succeededFuture(acc) : read(log, boardId, afterSeq + ops.size(), acc);
    });
  }
}
