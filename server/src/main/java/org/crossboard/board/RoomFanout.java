package org.crossboard.board;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crossboard.presence.RoomPresence;
import org.crossboard.protocol.CloseCode;
import org.crossboard.pubsub.PubSub;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything a room sends: durable ops and coalesced presence to its local sockets (one frame,
 * encoded once, for all), and the same to other nodes through pub/sub, tagged with this node's id
 * so each node drops its own echo (DESIGN §6–7). Event-loop confined.
 */
final class RoomFanout {
  private static final Logger LOG = LoggerFactory.getLogger(RoomFanout.class);

  /** Hidden tabs get their timers throttled to once a minute; give them room before they vanish. */
  private static final long AWAY_TIMEOUT_MS = 90_000;

  final Map<String, RoomMember> members = new LinkedHashMap<>();
  final RoomPresence presence;
  private final String channel;
  private final String nodeId;
  /** With a single node nobody else listens: nothing is published or parsed back. */
  private final boolean multiNode;
  /** How this node's own messages start, so its echoes are dropped without parsing them. */
  private final String ownEcho;
  private final Vertx vertx;
  private final PubSub pubsub;
  private final RoomSettings settings;
  private PubSub.Subscription subscription;
  private long presenceTimer = -1;
  private long lastPresenceFlush;
  private Handler<Void> onYieldAsked = v -> { };
  private long heartbeatTimer = -1;
  private boolean stopped;

  RoomFanout(String boardId, String nodeId, Vertx vertx, PubSub pubsub, RoomSettings settings, boolean multiNode) {
    this.channel = PubSub.CHANNEL_PREFIX + "board:" + boardId;
    this.nodeId = nodeId;
    this.multiNode = multiNode;
    this.ownEcho = "{\"node\":" + io.vertx.core.json.Json.encode(nodeId) + ",";
    this.vertx = vertx;
    this.pubsub = pubsub;
    this.settings = settings;
    this.presence = new RoomPresence(nodeId);
  }

  /**
   * Subscribes to the board's channel; {@code onRemoteOps} gets other nodes' durable ops,
   * {@code onYieldAsked} hears when another node lost a seq race and asks for a turn.
   */
  void start(Handler<JsonArray> onRemoteOps, Handler<Void> onYieldAsked) {
    this.onYieldAsked = onYieldAsked;
    if (multiNode) {
      pubsub.subscribe(channel, message -> onMessage(message, onRemoteOps)).onSuccess(s -> {
        if (stopped) {
          s.unsubscribe();
        } else {
          subscription = s;
          publish(new JsonObject().put("sync", true)); // ask the other nodes who is there
        }
      });
    }
    // three heartbeats per timeout, so one lost message never makes a live person vanish
    long heartbeatMs = Math.max(100, Math.min(5_000, settings.presenceTimeoutMs() / 3));
    heartbeatTimer = vertx.setPeriodic(heartbeatMs, t -> heartbeat());
  }

  void stop() {
    stopped = true;
    cancelPresenceTimer();
    if (heartbeatTimer >= 0) {
      vertx.cancelTimer(heartbeatTimer);
    }
    if (subscription != null) {
      subscription.unsubscribe();
    }
  }

  private void onMessage(String text, Handler<JsonArray> onRemoteOps) {
    if (stopped || text.startsWith(ownEcho)) {
      return; // our own echo (M5)
    }
    JsonObject message = new JsonObject(text);
    String from = message.getString("node");
    JsonArray states = message.getJsonArray("presence", new JsonArray());
    JsonArray left = message.getJsonArray("left", new JsonArray());
    if (!states.isEmpty() || !left.isEmpty()) {
      presence.applyRemote(from, states, left, System.currentTimeMillis());
      presenceChanged();
    }
    if (message.getBoolean("yield", false)) {
      onYieldAsked.handle(null);
    }
    if (message.getBoolean("sync", false)) {
      publish(new JsonObject().put("presence", presence.localStates()));
    }
    JsonArray ops = message.getJsonArray("ops");
    if (ops != null && !ops.isEmpty()) {
      onRemoteOps.handle(ops);
    }
  }

  /** Ops this node made durable: to local sockets and to the other nodes, with presence if due. */
  void opsDurable(List<JsonObject> ops) {
    RoomPresence.Changes changes = presenceIfDue();
    send(ops, changes);
    publish(new JsonObject().put("ops", new JsonArray(List.copyOf(ops)))
        .put("presence", changes.localPresence()).put("left", changes.localLeft()));
  }

  /** Ops another node made durable (or that we caught up on): to local sockets only. */
  void opsFromElsewhere(List<JsonObject> ops) {
    RoomPresence.Changes changes = presenceIfDue();
    send(ops, changes);
    publishLocalPresence(changes);
  }

  /** A member's presence fields: merged now, flushed at the next tick. */
  void presenceFrom(RoomMember member, JsonObject fields) {
    if (members.get(member.clientId()) == member) {
      presence.update(member.clientId(), member.principal().presenceUser(), fields, System.currentTimeMillis());
      presenceChanged();
    }
  }

  /** Presence changed: flush at the next tick (stretched in large rooms). */
  void presenceChanged() {
    if (presenceTimer < 0 && !stopped) {
      long wait = Math.max(1, lastPresenceFlush + interval() - System.currentTimeMillis());
      presenceTimer = vertx.setTimer(wait, t -> {
        presenceTimer = -1;
        RoomPresence.Changes changes = drainPresence();
        send(List.of(), changes);
        publishLocalPresence(changes);
      });
    }
  }

  private long interval() {
    return settings.presenceInterval(presence.size());
  }

  /**
   * Presence rides along with an op frame only when a tick is due anyway, so frequent commits do
   * not defeat coalescing and thinning (S2); otherwise the timer sends it.
   */
  private RoomPresence.Changes presenceIfDue() {
    if (System.currentTimeMillis() - lastPresenceFlush >= interval()) {
      return drainPresence();
    }
    return RoomPresence.Changes.NONE;
  }

  private RoomPresence.Changes drainPresence() {
    cancelPresenceTimer();
    lastPresenceFlush = System.currentTimeMillis();
    return presence.drain();
  }

  /** This node's people's changes go to the other nodes whichever way they were flushed locally. */
  private void publishLocalPresence(RoomPresence.Changes changes) {
    if (!changes.localPresence().isEmpty() || !changes.localLeft().isEmpty()) {
      publish(new JsonObject().put("presence", changes.localPresence()).put("left", changes.localLeft()));
    }
  }

  private void cancelPresenceTimer() {
    if (presenceTimer >= 0) {
      vertx.cancelTimer(presenceTimer);
      presenceTimer = -1;
    }
  }

  /** Re-announces local people to other nodes and drops people not heard of in time. */
  private void heartbeat() {
    long now = System.currentTimeMillis();
    for (RoomMember member : members.values()) {
      presence.touch(member.clientId(), member.lastHeardAt());
    }
    presence.expire(now - settings.presenceTimeoutMs(), now - Math.max(AWAY_TIMEOUT_MS, settings.presenceTimeoutMs()));
    if (presence.hasChanges()) {
      presenceChanged();
    }
    if (multiNode) { // re-announce this node's people; alone, nobody would hear it
      JsonArray local = presence.localStates();
      if (!local.isEmpty()) {
        publish(new JsonObject().put("presence", local));
      }
    }
  }

  private void send(List<JsonObject> ops, RoomPresence.Changes changes) {
    if (ops.isEmpty() && changes.isEmpty()) {
      return;
    }
    BatchFrames frames = new BatchFrames();
    ops.forEach(frames::add);
    for (String frame : frames.encoded(changes.presence(), changes.left())) { // B1: once for everyone
      for (RoomMember member : List.copyOf(members.values())) {
        deliver(member, frame);
      }
    }
  }

  /** One member's broken socket must never stop delivery to the others. */
  void deliver(RoomMember member, String frame) {
    try {
      member.send(frame);
    } catch (RuntimeException e) {
      LOG.warn("delivery to {} failed; closing it", member.clientId(), e);
      members.remove(member.clientId(), member);
      member.close(CloseCode.GOING_AWAY, "delivery failed");
    }
  }

  private void publish(JsonObject message) {
    if (stopped && !message.containsKey("left")) {
      return;
    }
    pubsub.publish(channel, message.put("node", nodeId).encode())
        .onFailure(e -> LOG.debug("publish on {} failed: {}", channel, e.getMessage()));
  }

  /** This node lost a seq race: ask the others to hold their writes briefly so it gets a turn. */
  void askOthersToYield() {
    publish(new JsonObject().put("yield", true));
  }

  /** Tells other nodes that this node's people left (room closing). */
  void announceDeparture() {
    JsonArray gone = new JsonArray(presence.localClientIds().stream().map(Object.class::cast).toList());
    if (!gone.isEmpty()) {
      pubsub.publish(channel, new JsonObject().put("node", nodeId).put("left", gone).encode());
    }
  }
}
