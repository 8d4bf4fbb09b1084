package org.crossboard.room;

import java.util.HashMap;
import java.util.Map;
import org.crossboard.board.BoardState;
import org.crossboard.board.ChangePolicy;
import org.crossboard.board.RecordTypes;
import org.crossboard.store.ClientMark;
import org.crossboard.store.Op;

/**
 * The sequencing side of a room: the board with every sequenced op applied, durable or not, so
 * that pushes queued behind an in-flight write are validated against what will be true; the next
 * seq; and each client's highest sequenced clientSeq (the duplicate check, SPEC.md C7).
 */
final class SpeculativeBoard {
  private final Map<String, Long> clientSeq = new HashMap<>();
  private final Map<String, String> clientOwner = new HashMap<>();
  private BoardState state;
  private long seq;

  SpeculativeBoard(ConfirmedBoard confirmed) {
    resetTo(confirmed);
  }

  /** Forgets everything not durable: after a catch-up, sequencing starts again from the op log's truth. */
  void resetTo(ConfirmedBoard confirmed) {
    state = confirmed.stateCopy();
    seq = confirmed.seq();
    clientSeq.clear();
    clientSeq.putAll(confirmed.clientSeqs());
    clientOwner.clear();
    clientOwner.putAll(confirmed.clientOwners());
  }

  /** Whether this room knows where the client stands (from the op log, or from its own ops). */
  boolean knows(String clientId) {
    return clientSeq.containsKey(clientId);
  }

  boolean isDuplicate(String clientId, long pushClientSeq) {
    return pushClientSeq <= clientSeq.getOrDefault(clientId, 0L);
  }

  /** What the op log says of a client that joined: its high-water mark and whose clientId it is. */
  void knowClient(String clientId, ClientMark mark) {
    clientSeq.merge(clientId, mark.clientSeq(), Math::max);
    if (mark.userId() != null) {
      clientOwner.putIfAbsent(clientId, mark.userId());
    }
  }

  /** Whether {@code userId} may write under {@code clientId}: it is theirs, or nobody's yet (P7). */
  boolean mayWriteAs(String clientId, String userId) {
    String owner = clientOwner.get(clientId);
    return owner == null || owner.equals(userId);
  }

  /**
   * Validates a submission's changes and gives it the next seq.
   *
   * @throws org.crossboard.error.CrossboardException when invalid; then nothing changed
   */
  Op sequence(RecordTypes types, ChangePolicy policy, Submission s, long now) {
    Op op = new Op(seq + 1, s.clientId(), s.clientSeq(), s.as().toJson(), now,
        state.applyClientChanges(types, policy, s.changes(), s.as(), s.clientId(), seq + 1, now));
    seq = op.seq();
    clientSeq.put(s.clientId(), s.clientSeq());
    clientOwner.putIfAbsent(s.clientId(), s.as().userId());
    return op;
  }

  /** Another node's durable op, next in line while nothing of ours is pending. */
  void applyRemote(Op op) {
    state.applyOp(op);
    clientSeq.merge(op.clientId(), op.clientSeq(), Math::max);
    clientOwner.putIfAbsent(op.clientId(), op.user().getString("id"));
    seq = op.seq();
  }
}
