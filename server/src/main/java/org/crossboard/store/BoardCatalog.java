package org.crossboard.store;

import io.vertx.core.Future;
import java.util.List;

/** The list of boards and their metadata. */
public interface BoardCatalog {

  Future<Void> insert(BoardInfo board);

  /** The workspace's boards, newest first. */
  Future<List<BoardInfo>> byWorkspace(String workspace);

  /** The board, or null. */
  Future<BoardInfo> get(String id);

  Future<Void> rename(String id, String title);

  /** True when a board was deleted. */
  Future<Boolean> delete(String id);
}
