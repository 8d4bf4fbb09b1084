package org.crossboard.store.memory;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.crossboard.store.BoardCatalog;
import org.crossboard.store.BoardInfo;

/** Board list in memory. */
public final class InMemoryBoardCatalog implements BoardCatalog {
  private final Map<String, BoardInfo> boards = new ConcurrentHashMap<>();

  @Override
  public Future<Void> insert(BoardInfo board) {
    if (boards.putIfAbsent(board.id(), board) != null) {
      return Future.failedFuture(new IllegalStateException("board exists: " + board.id()));
    }
    return Future.succeededFuture();
  }

  @Override
  public Future<List<BoardInfo>> byWorkspace(String workspace) {
    List<BoardInfo> all = new ArrayList<>(boards.values().stream().filter(b -> b.workspace().equals(workspace)).toList());
    all.sort(Comparator.comparingLong(BoardInfo::createdAt).reversed().thenComparing(BoardInfo::id));
    return Future.succeededFuture(all);
  }

  @Override
  public Future<BoardInfo> get(String id) {
    return Future.succeededFuture(boards.get(id));
  }

  @Override
  public Future<Void> rename(String id, String title) {
    boards.computeIfPresent(id, (k, b) -> new BoardInfo(b.id(), b.workspace(), title, b.createdAt()));
    return Future.succeededFuture();
  }

  @Override
  public Future<Boolean> delete(String id) {
    return Future.succeededFuture(boards.remove(id) != null);
  }
}
