package org.crossboard.presence;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.crossboard.room.Audience;
import org.crossboard.room.Member;
import org.crossboard.room.OutgoingBatch;
import org.crossboard.room.RoomHandle;

/**
 * Presence of one room: coalesces updates and flushes them to this node's sockets at most every
 * tick (stretched in large rooms), riding along with op batches when a tick is due anyway (SPEC.md
 * S2); publishes this node's people's changes to the other nodes every (unstretched) tick, so a
 * cursor crossing nodes waits for one stretched flush, not two; re-announces this node's people
 * and drops people not heard of in time (S3). Event-loop confined.
 */
final class PresenceRoom {
  private final RoomHandle room;
  private final PresenceSettings settings;
  private final RoomPresence presence;
  private long flushTimer = -1;
  private long lastFlush;
  private long peerTimer = -1;
  private long lastPeerFlush;

  PresenceRoom(RoomHandle room, String nodeId, PresenceSettings settings) {
    this.room = room;
    this.settings = settings;
    this.presence = new RoomPresence(nodeId, room.clustered());
  }

  void start() {
    room.setPeriodic(settings.heartbeatMs(), t -> heartbeat());
    if (room.clustered()) {
      room.publish(PresenceFeature.SYNC, new JsonObject()); // ask the other nodes who is there
    }
  }

  JsonArray everyoneBut(Member member) {
    return presence.list(member.clientId());
  }

  void join(Member member) {
    presence.join(member.clientId(), member.principal().presenceUser(), System.currentTimeMillis());
    changed();
    peersChanged();
  }

  void update(Member member, JsonObject fields) {
    presence.update(member.clientId(), member.principal().presenceUser(), fields, System.currentTimeMillis());
    changed();
    peersChanged();
  }

  void leave(Member member) {
    presence.leave(member.clientId());
    changed();
    peersChanged();
  }

  void applyRemote(String node, JsonObject body) {
    presence.applyRemote(node, body.getJsonArray("presence", new JsonArray()), body.getJsonArray("left", new JsonArray()),
        System.currentTimeMillis());
    if (presence.hasChanges()) {
      changed();
    }
  }

  /** Re-announces this node's people to the other nodes (heartbeat, or answering a sync). */
  void announce() {
    JsonArray local = presence.localStates();
    if (!local.isEmpty()) {
      room.publish(PresenceFeature.PRESENCE, new JsonObject().put("presence", local));
    }
  }

  /** The room is closing: its people leave on the other nodes too. */
  void announceDeparture() {
    JsonArray gone = new JsonArray(presence.localClientIds().stream().map(Object.class::cast).toList());
    if (!gone.isEmpty()) {
      room.publish(PresenceFeature.PRESENCE, new JsonObject().put("left", gone));
    }
  }

  /** Something changed: flush at the next tick. */
  private void changed() {
    if (flushTimer < 0) {
      long wait = Math.max(1, lastFlush + interval() - System.currentTimeMillis());
      flushTimer = room.setTimer(wait, t -> {
        flushTimer = -1;
        RoomPresence.Changes changes = drain();
        if (!changes.isEmpty()) {
          room.broadcast(new JsonObject().put("t", "batch").put("ops", new JsonArray())
              .put("presence", changes.presence()).put("left", changes.left()), Audience.EVERYONE);
        }
      });
    }
  }

  /** This node's people changed: the other nodes hear of it at the next (unstretched) tick. */
  private void peersChanged() {
    if (peerTimer < 0 && room.clustered()) {
      long wait = Math.max(1, lastPeerFlush + settings.tickMs() - System.currentTimeMillis());
      peerTimer = room.setTimer(wait, t -> {
        peerTimer = -1;
        lastPeerFlush = System.currentTimeMillis();
        RoomPresence.Changes changes = presence.drainForPeers();
        if (!changes.isEmpty()) {
          room.publish(PresenceFeature.PRESENCE,
              new JsonObject().put("presence", changes.presence()).put("left", changes.left()));
        }
      });
    }
  }

  /**
   * Presence rides along with an op batch only when a tick is due anyway, so frequent commits do
   * not defeat coalescing and thinning (S2); otherwise the timer sends it.
   */
  void rideAlong(OutgoingBatch batch) {
    if (System.currentTimeMillis() - lastFlush < interval()) {
      return;
    }
    RoomPresence.Changes changes = drain();
    if (!changes.isEmpty()) {
      batch.add("presence", changes.presence());
      batch.add("left", changes.left());
    }
  }

  private long interval() {
    return settings.interval(presence.size());
  }

  private RoomPresence.Changes drain() {
    if (flushTimer >= 0) {
      room.cancelTimer(flushTimer);
      flushTimer = -1;
    }
    lastFlush = System.currentTimeMillis();
    return presence.drain();
  }

  /** Keeps the living alive, drops people not heard of in time, and re-announces this node's people. */
  private void heartbeat() {
    long now = System.currentTimeMillis();
    for (Member member : room.members()) {
      presence.touch(member.clientId(), member.lastHeardAt());
    }
    presence.expire(now - settings.timeoutMs(), now - Math.max(PresenceSettings.AWAY_TIMEOUT_MS, settings.timeoutMs()));
    if (presence.hasChanges()) {
      changed();
    }
    if (presence.hasChangesForPeers()) {
      peersChanged();
    }
    if (room.clustered()) {
      announce();
    }
  }
}
