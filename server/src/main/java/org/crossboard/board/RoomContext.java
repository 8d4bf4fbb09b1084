package org.crossboard.board;

import io.vertx.core.Vertx;
import org.crossboard.pubsub.PubSub;
import org.crossboard.store.Stores;

/**
 * What every room of a node shares: storage, settings, the event loop's Vert.x, pub/sub and the
 * node's identity.
 *
 * @param multiNode true when other nodes may write the same boards (Redis configured)
 */
record RoomContext(Stores stores, RoomSettings settings, Vertx vertx, PubSub pubsub, String nodeId,
    boolean multiNode, RoomRegistry registry) {

  void removed(BoardRoom room) {
    registry.removed(room);
  }

  void countOps(int n) {
    registry.countOps(n);
  }

  void countCatchUp() {
    registry.countCatchUp();
  }
}
