package org.crossboard.store;

import io.vertx.core.Future;
import java.util.List;

/**
 * The durable, append-only log of sequenced ops per board (SPEC.md D1–D2). Unique on
 * {@code (board, seq)} and on {@code (board, clientId, clientSeq)}; no transactions.
 */
public interface OpLog {

  /**
   * Appends ops (ascending seq) in one write. Completes only once they are durable; fails with
   * {@link DuplicateOpException} when a unique index refuses one (ops before it may be written).
   */
  Future<Void> append(String board, List<Op> ops);

  /** The ops with {@code afterSeq < seq <= toSeq}, ascending, at most {@code limit}. */
  Future<List<Op>> range(String board, long afterSeq, long toSeq, int limit);

  /**
   * The highest clientSeq written for this clientId on the board and who wrote it
   * ({@link ClientMark#NONE} if nothing was).
   */
  Future<ClientMark> clientMark(String board, String clientId);

  /** The highest seq written for the board, 0 if none. */
  Future<Long> lastSeq(String board);

  Future<Void> deleteBoard(String board);
}
