package org.crossboard.store.memory;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.crossboard.store.ClientMark;
import org.crossboard.store.DuplicateOpException;
import org.crossboard.store.Op;
import org.crossboard.store.OpLog;

/** Op log in memory: for tests and for single-node use without persistence. */
public final class InMemoryOpLog implements OpLog {
  private final Map<String, BoardLog> boards = new ConcurrentHashMap<>();

  private static final class BoardLog {
    final TreeMap<Long, Op> bySeq = new TreeMap<>();
    final Map<String, ClientMark> marks = new HashMap<>();
    final Map<String, Boolean> clientSeqs = new HashMap<>();
  }

  @Override
  public Future<Void> append(String board, List<Op> ops) {
    BoardLog log = boards.computeIfAbsent(board, b -> new BoardLog());
    synchronized (log) {
      for (Op op : ops) { // ordered like insertMany: ops before a duplicate stay written
        String key = op.clientId() + "\u0000" + op.clientSeq();
        if (log.bySeq.containsKey(op.seq()) || log.clientSeqs.containsKey(key)) {
          return Future.failedFuture(new DuplicateOpException("duplicate op seq=" + op.seq() + " " + key));
        }
        log.bySeq.put(op.seq(), op);
        log.clientSeqs.put(key, true);
        ClientMark mark = new ClientMark(op.clientSeq(), op.user().getString("id"));
        log.marks.merge(op.clientId(), mark, (a, b) -> a.clientSeq() >= b.clientSeq() ? a : b);
      }
    }
    return Future.succeededFuture();
  }

  @Override
  public Future<List<Op>> range(String board, long afterSeq, long toSeq, int limit) {
    BoardLog log = boards.get(board);
    if (log == null || afterSeq >= toSeq) {
      return Future.succeededFuture(List.of());
    }
    synchronized (log) {
      List<Op> out = new ArrayList<>();
      for (Op op : log.bySeq.subMap(afterSeq, false, toSeq, true).values()) {
        if (out.size() >= limit) {
          break;
        }
        out.add(op);
      }
      return Future.succeededFuture(out);
    }
  }

  @Override
  public Future<ClientMark> clientMark(String board, String clientId) {
    BoardLog log = boards.get(board);
    if (log == null) {
      return Future.succeededFuture(ClientMark.NONE);
    }
    synchronized (log) {
      return Future.succeededFuture(log.marks.getOrDefault(clientId, ClientMark.NONE));
    }
  }

  @Override
  public Future<Long> lastSeq(String board) {
    BoardLog log = boards.get(board);
    if (log == null) {
      return Future.succeededFuture(0L);
    }
    synchronized (log) {
      return Future.succeededFuture(log.bySeq.isEmpty() ? 0L : log.bySeq.lastKey());
    }
  }

  @Override
  public Future<Void> deleteBoard(String board) {
    boards.remove(board);
    return Future.succeededFuture();
  }
}
