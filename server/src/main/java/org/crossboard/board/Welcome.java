package org.crossboard.board;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.crossboard.protocol.MessageType;
import org.crossboard.protocol.ProtocolVersion;
import org.crossboard.protocol.ServerMessages;

/** Builds the {@code welcome} frame: identity, durable seq, ops since lastSeq or a snapshot, presence. */
final class Welcome {
  private Welcome() {}

  static JsonObject build(String boardId, RoomMember member, ConfirmedBoard confirmed, Long lastSeq,
      JsonArray presence) {
    long durableSeq = confirmed.seq;
    JsonObject welcome = new JsonObject()
        .put("t", MessageType.WELCOME.wire())
        .put("protocol", ProtocolVersion.CURRENT)
        .put("you", member.principal().presenceUser().put("clientId", member.clientId()))
        .put("role", member.principal().role().wire())
        .put("board", new JsonObject().put("id", boardId).put("title", confirmed.state.title()))
        .put("seq", durableSeq)
        .put("applied", confirmed.appliedClientSeq(member.clientId()));
    JsonArray ops = lastSeq == null ? null : confirmed.recent.range(lastSeq, durableSeq);
    if (ops != null) {
      welcome.put("ops", ops);
    } else {
      welcome.put("snapshot", new JsonObject().put("seq", durableSeq).put("records", confirmed.state.toJson()));
    }
    return welcome.put("presence", presence).put("limits", ServerMessages.limits());
  }
}
