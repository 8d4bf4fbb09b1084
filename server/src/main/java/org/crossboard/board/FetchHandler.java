package org.crossboard.board;

import io.vertx.core.json.JsonArray;
import org.crossboard.protocol.ClientMessage;
import org.crossboard.error.ErrorCode;
import org.crossboard.protocol.ServerMessages;
import org.crossboard.store.OpLog;

/** Answers {@code fetch} (SPEC.md C9): from the room's recent ops when held, else from the op log. */
final class FetchHandler {
  private FetchHandler() {}

  static void answer(OpLog log, String boardId, RecentOps recent, long durableSeq, int maxOps,
      RoomMember member, ClientMessage.Fetch fetch) {
    if (fetch.from() > fetch.to() || fetch.to() > durableSeq || fetch.to() - fetch.from() > maxOps) {
      member.send(ServerMessages.error(fetch.id(), ErrorCode.ERR_RANGE_UNAVAILABLE,
          "range (" + fetch.from() + ", " + fetch.to() + "] not available; newest seq is " + durableSeq
              + "; reconnect with lastSeq", null).encode());
      return;
    }
    JsonArray held = recent.range(fetch.from(), fetch.to());
    if (held != null) {
      member.send(ServerMessages.ops(fetch.id(), held).encode());
      return;
    }
    log.range(boardId, fetch.from(), fetch.to(), maxOps).onComplete(ar -> {
      if (ar.succeeded()) {
        JsonArray ops = new JsonArray();
        ar.result().forEach(op -> ops.add(op.toJson()));
        member.send(ServerMessages.ops(fetch.id(), ops).encode());
      } else {
        member.send(ServerMessages.error(fetch.id(), ErrorCode.ERR_UNAVAILABLE, "op log unavailable", null).encode());
      }
    });
  }
}
