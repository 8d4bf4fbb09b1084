package org.crossboard.room;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.crossboard.error.CrossboardException;
import org.crossboard.error.ErrorCode;
import org.crossboard.protocol.ClientMessage;
import org.crossboard.protocol.CloseCode;
import org.crossboard.pubsub.PubSub;
import org.crossboard.store.Stores;

/** The open rooms of this node, one per board with local connections (SPEC.md B1). Event-loop confined. */
public final class RoomRegistry {
  private static final int JOIN_ATTEMPTS = 3;
  private final Map<String, BoardRoom> rooms = new HashMap<>();
  private final RoomContext ctx;
  private boolean shuttingDown;

  /**
   * @param clustered true when other nodes share the boards (pub/sub through Redis)
   * @param metrics where the rooms' meters go
   */
  public RoomRegistry(Stores stores, RoomSettings settings, Vertx vertx, PubSub pubsub, String nodeId,
      boolean clustered, RoomFeatures features, RoomMetrics metrics) {
    this.ctx = new RoomContext(stores, settings, vertx, pubsub, new NodeEnvelope(nodeId), clustered, features,
        metrics, this);
  }

  /** Opens (or reuses) the board's room, admits the member and sends its welcome. */
  public Future<BoardRoom> join(RoomMember member, ClientMessage.Hello hello) {
    return join(member, hello, JOIN_ATTEMPTS);
  }

  private Future<BoardRoom> join(RoomMember member, ClientMessage.Hello hello, int attempts) {
    if (shuttingDown) {
      return Future.failedFuture(new CrossboardException(ErrorCode.ERR_SHUTTING_DOWN,
          "this node is shutting down; reconnect now"));
    }
    BoardRoom room = rooms.computeIfAbsent(hello.board(), id -> {
      BoardRoom created = new BoardRoom(id, ctx);
      created.load();
      return created;
    });
    return room.loaded()
        .onFailure(e -> removed(room))
        .compose(v -> room.admit(member, hello))
        .map(v -> room)
        .recover(e -> e instanceof RoomClosedException && attempts > 1
            ? join(member, hello, attempts - 1)
            : Future.failedFuture(e));
  }

  /** The board was deleted: its members here are told and the room is dropped (SPEC.md P9). */
  public void boardDeleted(String boardId) {
    BoardRoom room = rooms.get(boardId);
    if (room != null) {
      room.terminate(CloseCode.BOARD_DELETED, "board deleted");
    }
  }

  /** The ids of the boards open here. */
  public List<String> openBoards() {
    return List.copyOf(rooms.keySet());
  }

  void removed(BoardRoom room) {
    rooms.remove(room.boardId(), room);
  }

  public int roomCount() {
    return rooms.size();
  }

  public RoomMetrics metrics() {
    return ctx.metrics();
  }

  /**
   * Graceful shutdown: no more joins; every room closes its sockets with 1012 (reconnect at once),
   * lets the write in flight land and writes its final snapshot.
   */
  public Future<Void> shutdown() {
    shuttingDown = true;
    List<Future<Void>> all = new ArrayList<>();
    for (BoardRoom room : List.copyOf(rooms.values())) {
      all.add(room.shutdown());
    }
    return Future.join(all).mapEmpty();
  }
}
