package org.crossboard.presence;

import io.vertx.core.json.JsonObject;
import org.crossboard.access.Action;
import org.crossboard.room.FeatureRegistry;
import org.crossboard.room.Member;
import org.crossboard.room.OutgoingBatch;
import org.crossboard.room.RoomFeature;
import org.crossboard.room.RoomHandle;

/**
 * Who is on a board and where they point (docs/PROTOCOL.md "Presence", SPEC.md S): the
 * {@code presence} message, the welcome's {@code presence} list, the {@code presence}/{@code left}
 * fields of {@code batch} frames, and the {@code presence}/{@code sync} messages between nodes.
 * Ephemeral: nothing here is ever stored.
 */
public final class PresenceFeature implements RoomFeature {
  /** The client message type, and the kind of message between nodes that carries presence. */
  public static final String PRESENCE = "presence";
  /** Between nodes: "tell me who is on your side" (sent when a room opens). */
  public static final String SYNC = "sync";

  private final String nodeId;
  private final PresenceSettings settings;

  public PresenceFeature(String nodeId, PresenceSettings settings) {
    this.nodeId = nodeId;
    this.settings = settings;
  }

  @Override
  public void register(FeatureRegistry registry) {
    registry.message(PRESENCE, Action.SEND_PRESENCE, PresenceFields::validate,
        (room, from, requestId, fields) -> of(room).update(from, fields));
    registry.remote(PRESENCE, (room, node, body) -> of(room).applyRemote(node, body));
    registry.remote(SYNC, (room, node, body) -> of(room).announce());
  }

  @Override
  public void onOpen(RoomHandle room) {
    of(room).start();
  }

  @Override
  public void onJoin(RoomHandle room, Member member, JsonObject welcome) {
    PresenceRoom presence = of(room);
    welcome.put("presence", presence.everyoneBut(member));
    presence.join(member);
  }

  @Override
  public void onLeave(RoomHandle room, Member member) {
    of(room).leave(member);
  }

  @Override
  public void onBatch(RoomHandle room, OutgoingBatch batch) {
    of(room).rideAlong(batch);
  }

  @Override
  public void onClose(RoomHandle room) {
    of(room).announceDeparture();
  }

  private PresenceRoom of(RoomHandle room) {
    return room.state(PresenceRoom.class, () -> new PresenceRoom(room, nodeId, settings));
  }
}
