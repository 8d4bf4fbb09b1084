package org.crossboard.presence;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Who is on one board and where they point, on this node and (through pub/sub) on others.
 * Updates are coalesced: between two flushes only the latest value of each field is kept, and a
 * flush sends only the fields that changed (a cursor move is a few dozen bytes), except for people
 * new to the receivers, who are sent whole. Ephemeral: nothing here is ever persisted.
 * Event-loop confined.
 */
public final class RoomPresence {
  private static final JsonObject DEFAULT_STATE = new JsonObject().put("cursor", null)
      .put("selection", new JsonArray()).put("viewport", null).put("editing", null).put("status", "active");

  /** What changed of one person since the last drain towards one kind of receiver. */
  private static final class Dirty {
    final Set<String> fields = new LinkedHashSet<>();
    boolean whole;

    Dirty() {
      this(true);
    }

    Dirty(boolean whole) {
      this.whole = whole;
    }

    /** What the receivers need: the whole state, or the changed fields. */
    JsonObject take(String clientId, JsonObject json) {
      JsonObject out;
      if (whole) {
        out = json.copy();
      } else {
        out = new JsonObject().put("clientId", clientId);
        fields.forEach(f -> out.put(f, json.getValue(f)));
      }
      whole = false;
      fields.clear();
      return out;
    }
  }

  private static final class Entry {
    final String clientId;
    final String node;
    final JsonObject json;
    /** Towards this node's sockets. */
    final Dirty forRoom = new Dirty();
    /** Towards the other nodes (only this node's people are published). */
    final Dirty forPeers = new Dirty();
    long lastSeen;

    Entry(String clientId, String node, JsonObject json, long lastSeen) {
      this.clientId = clientId;
      this.node = node;
      this.json = json;
      this.lastSeen = lastSeen;
    }
  }

  /**
   * A slower stream towards the members who asked for fewer presence updates (docs/PROTOCOL.md
   * "Presence", {@code rate}): its own record of what changed since its last drain, so its
   * receivers get every change, coalesced over their longer interval.
   */
  private static final class Stream {
    final Map<String, Dirty> dirty = new LinkedHashMap<>();
    final Set<String> changed = new LinkedHashSet<>();
    final Set<String> left = new LinkedHashSet<>();
  }

  /** What changed since the last drain. */
  public record Changes(JsonArray presence, JsonArray left) {
    public boolean isEmpty() {
      return presence.isEmpty() && left.isEmpty();
    }
  }

  private final String localNode;
  private final Map<String, Entry> entries = new LinkedHashMap<>();
  private final Set<String> changed = new LinkedHashSet<>();
  private final Set<String> left = new LinkedHashSet<>();
  private final Set<String> changedForPeers = new LinkedHashSet<>();
  private final Set<String> leftForPeers = new LinkedHashSet<>();
  /** Slower streams by interval (ms); none unless some member asked for a rate. */
  private final Map<Long, Stream> streams = new LinkedHashMap<>();

  private final boolean clustered;

  /**
   * @param localNode this node's id
   * @param clustered whether other nodes exist to publish this node's people's changes to
   */
  public RoomPresence(String localNode, boolean clustered) {
    this.localNode = localNode;
    this.clustered = clustered;
  }

  /** A local member joined (or rejoined): shown to everyone at the next flush. */
  public void join(String clientId, JsonObject user, long now) {
    JsonObject json = new JsonObject().put("clientId", clientId).put("user", user).mergeIn(DEFAULT_STATE.copy());
    entries.put(clientId, new Entry(clientId, localNode, json, now));
    streamsWhole(clientId);
    left.remove(clientId);
    leftForPeers.remove(clientId);
    changed.add(clientId);
    if (clustered) {
      changedForPeers.add(clientId);
    }
  }

  /** Merges validated presence fields of a local member (re-adding it if it had expired). */
  public void update(String clientId, JsonObject user, JsonObject fields, long now) {
    Entry e = entries.get(clientId);
    if (e == null || !e.node.equals(localNode)) {
      join(clientId, user, now);
      e = entries.get(clientId);
    }
    e.json.mergeIn(fields);
    e.forRoom.fields.addAll(fields.fieldNames());
    streamsFields(clientId, fields.fieldNames());
    e.forPeers.fields.addAll(fields.fieldNames());
    e.lastSeen = now;
    changed.add(clientId);
    if (clustered) {
      changedForPeers.add(clientId);
    }
  }

  /** The last sign of life of a local member (any frame it sent) keeps it from expiring. */
  public void touch(String clientId, long heardAt) {
    Entry e = entries.get(clientId);
    if (e != null) {
      e.lastSeen = Math.max(e.lastSeen, heardAt);
    }
  }

  public void leave(String clientId) {
    Entry e = entries.remove(clientId);
    if (e != null) {
      changed.remove(clientId);
      left.add(clientId);
      for (Stream s : streams.values()) {
        s.dirty.remove(clientId);
        s.changed.remove(clientId);
        s.left.add(clientId);
      }
      if (clustered && e.node.equals(localNode)) {
        changedForPeers.remove(clientId);
        leftForPeers.add(clientId);
      }
    }
  }

  /**
   * Removes everyone not heard of since {@code cutoff} (vanished tabs, cut networks, dead nodes),
   * or since {@code awayCutoff} for people whose tab is hidden: browsers throttle timers in
   * background tabs to about once a minute, which would otherwise make them blink in and out.
   */
  public void expire(long cutoff, long awayCutoff) {
    for (Entry e : List.copyOf(entries.values())) {
      boolean away = "away".equals(e.json.getString("status"));
      if (e.lastSeen < (away ? Math.min(cutoff, awayCutoff) : cutoff)) {
        leave(e.clientId);
      }
    }
  }

  /**
   * Applies another node's presence: whole states (with {@code user}: joins and heartbeats) or
   * changed fields, and departures of its members.
   */
  public void applyRemote(String node, JsonArray presence, JsonArray gone, long now) {
    for (int i = 0; i < presence.size(); i++) {
      JsonObject json = presence.getJsonObject(i);
      String clientId = json.getString("clientId");
      Entry existing = entries.get(clientId);
      if (existing != null && existing.node.equals(localNode)) {
        continue; // a local connection with this clientId wins
      }
      if (json.containsKey("user")) {
        if (existing == null || !existing.json.equals(json)) {
          entries.put(clientId, new Entry(clientId, node, json.copy(), now));
          streamsWhole(clientId);
          changed.add(clientId);
        } else {
          existing.lastSeen = now;
        }
        left.remove(clientId);
      } else if (existing != null) { // a delta for someone we know; unknown ones wait for a heartbeat
        existing.json.mergeIn(json);
        List<String> fields = json.fieldNames().stream().filter(f -> !f.equals("clientId")).toList();
        existing.forRoom.fields.addAll(fields);
        streamsFields(clientId, fields);
        existing.lastSeen = now;
        changed.add(clientId);
      }
    }
    for (int i = 0; i < gone.size(); i++) {
      Entry e = entries.get(gone.getString(i));
      if (e != null && e.node.equals(node)) {
        leave(e.clientId);
      }
    }
  }

  /** Everyone except {@code clientId}, for a welcome. */
  public JsonArray list(String exceptClientId) {
    JsonArray out = new JsonArray();
    entries.values().forEach(e -> {
      if (!e.clientId.equals(exceptClientId)) {
        out.add(e.json.copy());
      }
    });
    return out;
  }

  /** This node's members' states, re-announced to other nodes as a heartbeat. */
  public JsonArray localStates() {
    JsonArray out = new JsonArray();
    entries.values().forEach(e -> {
      if (e.node.equals(localNode)) {
        out.add(e.json.copy());
      }
    });
    return out;
  }

  public boolean hasChanges() {
    return !changed.isEmpty() || !left.isEmpty();
  }

  /**
   * Starts a slower stream (if none runs at this interval) with nothing pending: whoever moves into
   * it must be up to date with the regular stream at that moment (the caller flushes it first).
   */
  public void openStream(long intervalMs) {
    streams.computeIfAbsent(intervalMs, k -> new Stream());
  }

  /** Stops a slower stream nobody receives any more. */
  public void closeStream(long intervalMs) {
    streams.remove(intervalMs);
  }

  /** Whether the stream at {@code intervalMs} has anything to send. */
  public boolean hasChanges(long intervalMs) {
    Stream s = streams.get(intervalMs);
    return s != null && (!s.changed.isEmpty() || !s.left.isEmpty());
  }

  /** Takes what changed since the previous drain of the stream at {@code intervalMs}. */
  public Changes drain(long intervalMs) {
    Stream s = streams.get(intervalMs);
    if (s == null) {
      return new Changes(new JsonArray(), new JsonArray());
    }
    return take(s.changed, s.left, e -> s.dirty.computeIfAbsent(e.clientId, k -> new Dirty(false)));
  }

  private void streamsWhole(String clientId) {
    for (Stream s : streams.values()) {
      s.dirty.put(clientId, new Dirty(true));
      s.changed.add(clientId);
      s.left.remove(clientId);
    }
  }

  private void streamsFields(String clientId, java.util.Collection<String> fields) {
    for (Stream s : streams.values()) {
      s.dirty.computeIfAbsent(clientId, k -> new Dirty(false)).fields.addAll(fields);
      s.changed.add(clientId);
    }
  }

  public int size() {
    return entries.size();
  }

  /** This node's people changed or left since the last {@link #drainForPeers}. */
  public boolean hasChangesForPeers() {
    return !changedForPeers.isEmpty() || !leftForPeers.isEmpty();
  }

  /** Takes what changed since the previous drain, for this node's sockets. */
  public Changes drain() {
    return take(changed, left, e -> e.forRoom);
  }

  /**
   * Takes what changed of this node's people since the previous drain for peers, for the other
   * nodes. Drained on its own (short) tick: each node's room flush is stretched in large rooms, and
   * a cursor that waited for the stretched flush of both nodes would arrive twice as late (S2).
   */
  public Changes drainForPeers() {
    return take(changedForPeers, leftForPeers, e -> e.forPeers);
  }

  private Changes take(Set<String> changedIds, Set<String> goneIds, Function<Entry, Dirty> towards) {
    JsonArray presence = new JsonArray();
    for (String clientId : changedIds) {
      Entry e = entries.get(clientId);
      if (e != null) {
        presence.add(towards.apply(e).take(clientId, e.json));
      }
    }
    JsonArray gone = new JsonArray(new ArrayList<>(goneIds));
    changedIds.clear();
    goneIds.clear();
    return new Changes(presence, gone);
  }

  /** Ids of local members, for tests and metrics. */
  public List<String> localClientIds() {
    List<String> out = new ArrayList<>();
    entries.values().forEach(e -> {
      if (e.node.equals(localNode)) {
        out.add(e.clientId);
      }
    });
    return out;
  }
}
