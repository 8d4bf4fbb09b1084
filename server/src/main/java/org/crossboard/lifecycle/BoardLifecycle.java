package org.crossboard.lifecycle;

import io.vertx.core.Future;
import org.crossboard.pubsub.PubSub;
import org.crossboard.room.RoomRegistry;
import org.crossboard.store.BoardCatalog;

/**
 * This node's side of board lifecycle events: a board deleted anywhere closes its room here.
 * Pub/sub loses messages while a node is disconnected, so after a reconnect every open room checks
 * that its board still exists.
 */
public final class BoardLifecycle {
  private final BoardEvents events;
  private final RoomRegistry rooms;
  private final BoardCatalog catalog;

  public BoardLifecycle(BoardEvents events, RoomRegistry rooms, BoardCatalog catalog) {
    this.events = events;
    this.rooms = rooms;
    this.catalog = catalog;
  }

  /** Starts listening; completes once subscribed. */
  public Future<Void> start(PubSub pubsub) {
    pubsub.reconnectHandler(v -> rooms.openBoards().forEach(board -> catalog.get(board).onSuccess(info -> {
      if (info == null) {
        rooms.boardDeleted(board);
      }
    })));
    return events.subscribe(event -> {
      if ("deleted".equals(event.getString("kind")) && event.getValue("board") instanceof String board) {
        rooms.boardDeleted(board);
      }
    }).mapEmpty();
  }
}
