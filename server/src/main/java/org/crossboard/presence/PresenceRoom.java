package org.crossboard.presence;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import org.crossboard.room.Audience;
import org.crossboard.room.Member;
import org.crossboard.room.OutgoingBatch;
import org.crossboard.room.RoomHandle;

/**
 * Presence of one room: coalesces updates and flushes them to this node's sockets at most every
 * tick (stretched in large rooms), riding along with op batches when a tick is due anyway (SPEC.md
 * S2); publishes this node's people's changes to the other nodes every (unstretched) tick, so a
 * cursor crossing nodes waits for one stretched flush, not two; re-announces this node's people
 * and drops people not heard of in time (S3). Members that asked for a {@code rate} (slow links,
 * docs/PROTOCOL.md "Presence") get presence from a slower stream of their own interval instead.
 * Event-loop confined.
 */
final class PresenceRoom {
  private final RoomHandle room;
  private final PresenceSettings settings;
  private final RoomPresence presence;
  private long flushTimer = -1;
  private long lastFlush;
  private long peerTimer = -1;
  private long lastPeerFlush;
  /** Members on a slower stream: their interval (ms). Connections, by identity. */
  private final Map<Member, Long> slow = new IdentityHashMap<>();
  private final Map<Long, Long> streamTimers = new HashMap<>();
  private final Map<Long, Long> streamLastFlush = new HashMap<>();

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
    if (fields.containsKey(PresenceFields.RATE)) {
      setRate(member, (Integer) fields.remove(PresenceFields.RATE));
      if (fields.isEmpty()) {
        return;
      }
    }
    presence.update(member.clientId(), member.principal().presenceUser(), fields, System.currentTimeMillis());
    changed();
    peersChanged();
  }

  void leave(Member member) {
    leaveStream(member);
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

  /**
   * The member asked for at most {@code rate} presence frames a second (null: the room's pace).
   * Before it moves, the stream it leaves is flushed (it included) so it misses nothing; the stream
   * it joins may then repeat a change it already has, which merging makes harmless.
   */
  void setRate(Member member, Integer rate) {
    long interval = rate == null ? 0 : Math.round(1000.0 / rate);
    Long current = slow.get(member);
    if (current == null ? interval == 0 : current == interval) {
      return;
    }
    flushNow(current);
    leaveStream(member);
    if (interval > 0) {
      presence.openStream(interval);
      slow.put(member, interval);
    }
  }

  /** Members on the stream at {@code interval} (0: the room's own pace). */
  int membersAt(long interval) {
    return interval == 0 ? (int) room.members().stream().filter(m -> !slow.containsKey(m)).count()
        : (int) slow.values().stream().filter(v -> v == interval).count();
  }

  private void leaveStream(Member member) {
    Long interval = slow.remove(member);
    if (interval != null && !slow.containsValue(interval)) {
      presence.closeStream(interval);
      Long timer = streamTimers.remove(interval);
      if (timer != null) {
        room.cancelTimer(timer);
      }
      streamLastFlush.remove(interval);
    }
  }

  /** Sends what the stream at {@code interval} (null: the room's own) holds now, to its members. */
  private void flushNow(Long interval) {
    if (interval == null) {
      RoomPresence.Changes changes = drain();
      if (!changes.isEmpty()) {
        room.broadcast(frame(changes), regularAudience());
      }
    } else {
      flushStream(interval);
    }
  }

  private void flushStream(long interval) {
    Long timer = streamTimers.remove(interval);
    if (timer != null) {
      room.cancelTimer(timer);
    }
    streamLastFlush.put(interval, System.currentTimeMillis());
    RoomPresence.Changes changes = presence.drain(interval);
    if (!changes.isEmpty()) {
      room.broadcast(frame(changes), Audience.matching(m -> Long.valueOf(interval).equals(slow.get(m))));
    }
  }

  private static JsonObject frame(RoomPresence.Changes changes) {
    return new JsonObject().put("t", "batch").put("ops", new JsonArray())
        .put("presence", changes.presence()).put("left", changes.left());
  }

  /** Everyone at the room's own pace. */
  private Audience regularAudience() {
    return slow.isEmpty() ? Audience.EVERYONE : Audience.matching(m -> !slow.containsKey(m));
  }

  /** Something changed: flush at the next tick (and each slower stream at its own). */
  private void changed() {
    for (long interval : slow.values().stream().distinct().toList()) {
      if (!streamTimers.containsKey(interval) && presence.hasChanges(interval)) {
        long every = Math.max(interval, interval());
        long wait = Math.max(1, streamLastFlush.getOrDefault(interval, 0L) + every - System.currentTimeMillis());
        streamTimers.put(interval, room.setTimer(wait, t -> {
          streamTimers.remove(interval);
          flushStream(interval);
        }));
      }
    }
    if (flushTimer < 0) {
      long wait = Math.max(1, lastFlush + interval() - System.currentTimeMillis());
      flushTimer = room.setTimer(wait, t -> {
        flushTimer = -1;
        RoomPresence.Changes changes = drain();
        if (!changes.isEmpty()) {
          room.broadcast(frame(changes), regularAudience());
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
    // the batch goes to everyone, slower members too: then presence keeps to its own frames
    if (!slow.isEmpty() || System.currentTimeMillis() - lastFlush < interval()) {
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
