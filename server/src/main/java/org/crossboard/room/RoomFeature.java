package org.crossboard.room;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.crossboard.store.Op;

/**
 * A capability of board rooms — presence, replication between nodes, live sessions, comments —
 * in a package of its own, registered at the composition root (DESIGN §10, docs/ARCHITECTURE.md
 * "Room features"). A feature declares what it brings in {@link #register} and acts on a room only
 * through the {@link RoomHandle} its hooks receive. One instance serves every room of the node;
 * per-room data lives in {@link RoomHandle#state}. Hooks run on the room's event loop and must not
 * block.
 */
public interface RoomFeature {
  /** Declares the feature's message types, record types and pub/sub kinds; called once. */
  void register(FeatureRegistry registry);

  /** The room has loaded and is open (start timers here; they end with the room). */
  default void onOpen(RoomHandle room) {}

  /** A member joined; add this feature's state for it to its {@code welcome} before it is sent. */
  default void onJoin(RoomHandle room, Member member, JsonObject welcome) {}

  /** A member left (its socket closed, or another connection took its clientId). */
  default void onLeave(RoomHandle room, Member member) {}

  /**
   * Durable ops are about to go to everyone in a {@code batch} frame (written here, or by another
   * node); the feature may let its own updates ride along in that frame.
   */
  default void onBatch(RoomHandle room, OutgoingBatch batch) {}

  /** Ops this node made durable: called once per write, on this node only (never for other nodes' ops). */
  default void afterDurable(RoomHandle room, List<Op> ops) {}

  /** The room is closing; its timers are cancelled right after. */
  default void onClose(RoomHandle room) {}
}
