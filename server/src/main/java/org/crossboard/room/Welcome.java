package org.crossboard.room;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.crossboard.access.Action;
import org.crossboard.board.PrivateRecords;
import org.crossboard.protocol.MessageType;
import org.crossboard.protocol.ProtocolVersion;
import org.crossboard.protocol.ServerMessages;

/**
 * Builds the core of the {@code welcome} frame: identity, role and what it allows, the record
 * schema, the durable seq, and the ops since {@code lastSeq} or a snapshot. Features add their own
 * state to it ({@link RoomFeature#onJoin}).
 */
final class Welcome {
  private Welcome() {}

  /**
   * @param ops the ops the member is missing, or null when it gets a snapshot instead
   */
  static JsonObject build(String boardId, Member member, ConfirmedBoard confirmed, JsonArray ops, JsonObject schema) {
    long durableSeq = confirmed.seq();
    JsonObject welcome = new JsonObject()
        .put("t", MessageType.WELCOME.wire())
        .put("protocol", ProtocolVersion.CURRENT)
        .put("you", member.principal().presenceUser().put("clientId", member.clientId()))
        .put("role", member.principal().role().wire())
        .put("allowed", Action.allowedOnBoard(member.principal().role()))
        .put("board", new JsonObject().put("id", boardId).put("title", confirmed.title()))
        .put("seq", durableSeq)
        .put("applied", confirmed.appliedClientSeq(member.clientId()));
    PrivateRecords.Viewer viewer = PrivateRecords.Viewer.of(member.principal()); // L5: hidden records are never sent
    if (ops != null) {
      welcome.put("ops", PrivateRecords.ops(ops, viewer));
    } else {
      welcome.put("snapshot", new JsonObject().put("seq", durableSeq)
          .put("records", PrivateRecords.records(confirmed.records(), viewer)));
    }
    return welcome.put("limits", ServerMessages.limits()).put("schema", schema);
  }
}
