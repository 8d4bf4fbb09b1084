package org.crossboard.room;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.crossboard.board.PrivateRecords;
import org.crossboard.protocol.CloseCode;
import org.crossboard.store.Op;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every frame a room sends goes out here: to one member, or to an {@link Audience} with the frame
 * encoded once for all of its members (SPEC.md B1). Only members in the room receive anything, and
 * one member's broken socket never stops delivery to the others. Event-loop confined.
 */
final class Outbox {
  private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);
  private final Membership members;

  Outbox(Membership members) {
    this.members = members;
  }

  /** One frame to one member, if it is still in the room. */
  void send(Member to, String frame) {
    if (members.isCurrent(to)) {
      deliver((RoomMember) to, frame);
    }
  }

  void send(Member to, JsonObject frame) {
    if (members.isCurrent(to)) {
      deliver((RoomMember) to, frame.encode());
    }
  }

  /** One frame for everyone in {@code audience}: encoded once, and only if anyone is in it. */
  void broadcast(Audience audience, JsonObject frame) {
    String encoded = null;
    for (RoomMember member : members.all()) {
      if (audience.includes(member)) {
        if (encoded == null) {
          encoded = frame.encode();
        }
        deliver(member, encoded);
      }
    }
  }

  /** An already encoded frame for everyone in {@code audience}. */
  void broadcast(Audience audience, String encoded) {
    for (RoomMember member : members.all()) {
      if (audience.includes(member)) {
        deliver(member, encoded);
      }
    }
  }

  /**
   * Durable ops and what rides along with them, to everyone, in frames of bounded size. Changes to
   * private records go only to who may see them (SPEC.md L5): when the ops carry any, members are
   * grouped by which of the marks they may see, and each group's frames are encoded once.
   */
  void batch(List<Op> ops, Map<String, JsonArray> riders) {
    if (ops.isEmpty() && riders.isEmpty()) {
      return;
    }
    List<JsonObject> encoded = new ArrayList<>(ops.size());
    Set<JsonObject> marks = new LinkedHashSet<>();
    for (Op op : ops) {
      JsonObject json = op.toJson();
      encoded.add(json);
      for (Object change : op.changes()) {
        JsonObject mark = PrivateRecords.markOfChange((JsonObject) change);
        if (mark != null) {
          marks.add(new JsonObject().put("by", mark.getValue("by")).put("facilitators", mark.getValue("facilitators")));
        }
      }
    }
    if (marks.isEmpty()) {
      for (String frame : frames(encoded, riders)) {
        broadcast(Audience.EVERYONE, frame);
      }
      return;
    }
    Map<String, List<String>> byVisibility = new HashMap<>();
    for (RoomMember member : members.all()) {
      PrivateRecords.Viewer viewer = PrivateRecords.Viewer.of(member.principal());
      StringBuilder key = new StringBuilder(marks.size());
      marks.forEach(mark -> key.append(PrivateRecords.visibleTo(mark, viewer) ? '1' : '0'));
      List<String> frames = byVisibility.computeIfAbsent(key.toString(), k -> frames(
          encoded.stream().map(op -> PrivateRecords.op(op, viewer)).toList(), riders));
      frames.forEach(frame -> deliver(member, frame));
    }
  }

  private static List<String> frames(List<JsonObject> ops, Map<String, JsonArray> riders) {
    BatchFrames frames = new BatchFrames();
    ops.forEach(frames::add);
    return frames.encoded(riders);
  }

  private void deliver(RoomMember member, String frame) {
    try {
      member.send(frame);
    } catch (RuntimeException e) {
      LOG.warn("delivery to {} failed; closing it", member.clientId(), e);
      member.close(CloseCode.GOING_AWAY, "delivery failed");
    }
  }
}
