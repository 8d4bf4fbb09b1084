package org.crossboard.thread;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.crossboard.access.Role;
import org.crossboard.store.BoardCatalog;
import org.crossboard.store.BoardInfo;
import org.crossboard.store.ThreadStore;

/**
 * The stored notifications a person may still be shown (SPEC.md K6, K7): a notification keeps an
 * excerpt and its board's title, so one about a board the person can no longer read, or about a
 * comment removed since, is left out of their list and their e-mail digest.
 */
public final class ReadableNotifications {
  private final BoardCatalog boards;
  private final ThreadStore threads;

  public ReadableNotifications(BoardCatalog boards, ThreadStore threads) {
    this.boards = boards;
    this.threads = threads;
  }

  /**
   * @param roleOn the person's role on a board now (null: none) — an account's or a guest's
   * @return those of {@code notifications} still readable, in their order
   */
  public Future<List<JsonObject>> of(List<JsonObject> notifications, Function<BoardInfo, Future<Role>> roleOn) {
    Set<String> boardIds = new LinkedHashSet<>();
    Set<String> threadIds = new LinkedHashSet<>();
    notifications.forEach(n -> {
      boardIds.add(n.getString("board"));
      threadIds.add(n.getString("thread"));
    });
    Map<String, Boolean> readable = new HashMap<>();
    Map<String, Thread> known = new HashMap<>();
    List<Future<?>> looks = new ArrayList<>();
    boardIds.forEach(id -> looks.add(boards.get(id).compose(board -> board == null ? Future.succeededFuture((Role) null)
        : roleOn.apply(board)).map(role -> readable.put(id, role != null))));
    threadIds.forEach(id -> looks.add(threads.get(id).map(doc -> doc == null ? null : known.put(id, Thread.fromJson(doc)))));
    return Future.all(looks).map(v -> notifications.stream().filter(n -> {
      Thread t = known.get(n.getString("thread"));
      Comment c = t == null ? null : t.comment(n.getString("comment"));
      return Boolean.TRUE.equals(readable.get(n.getString("board"))) && c != null && !c.isRemoved();
    }).toList());
  }
}
