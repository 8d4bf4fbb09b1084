package org.crossboard.room;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
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

  /** Durable ops and what rides along with them, to everyone, in frames of bounded size. */
  void batch(List<Op> ops, Map<String, JsonArray> riders) {
    if (ops.isEmpty() && riders.isEmpty()) {
      return;
    }
    BatchFrames frames = new BatchFrames();
    ops.forEach(op -> frames.add(op.toJson()));
    for (String frame : frames.encoded(riders)) {
      broadcast(Audience.EVERYONE, frame);
    }
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
