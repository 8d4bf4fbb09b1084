package org.crossboard.room;

import org.crossboard.access.Action;
import org.crossboard.board.RecordType;

/** What a {@link RoomFeature} declares when it is registered. */
public interface FeatureRegistry {
  /**
   * A client message type. The router checks that the sender's role allows {@code needs} before
   * decoding (SPEC.md A1); the decoder names what is malformed by throwing
   * {@link org.crossboard.error.CrossboardException}; the handler runs on the room's event loop.
   */
  <M> void message(String type, Action needs, MessageDecoder<M> decoder, MessageHandler<M> handler);

  /** A kind of board record: validated, stored and sent like every other (SPEC.md R). */
  void recordType(RecordType type);

  /**
   * The feature's say over each change to a room's board (refuse it, or mark it private), asked of
   * the room's state for every write on the node that sequences the board (SPEC.md B6, L4, L5).
   */
  void changePolicy(PolicySource source);

  /** A kind of message between nodes on the board's channel; this node's own are never delivered (M5). */
  void remote(String kind, RemoteHandler handler);

  /** Turns a client frame into a feature's message, or throws {@code ERR_MALFORMED} naming the field. */
  @FunctionalInterface
  interface MessageDecoder<M> {
    M decode(io.vertx.core.json.JsonObject frame);
  }

  /** Handles a decoded message from a member; {@code requestId} is echoed in replies (SPEC.md P4). */
  @FunctionalInterface
  interface MessageHandler<M> {
    void handle(RoomHandle room, Member from, String requestId, M message);
  }

  /** The policy a room's state calls for now. */
  @FunctionalInterface
  interface PolicySource {
    org.crossboard.board.ChangePolicy of(RoomHandle room);
  }

  /** Handles another node's message about a room this node has open. */
  @FunctionalInterface
  interface RemoteHandler {
    void handle(RoomHandle room, String fromNode, io.vertx.core.json.JsonObject body);
  }
}
