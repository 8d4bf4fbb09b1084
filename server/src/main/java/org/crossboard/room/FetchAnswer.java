package org.crossboard.room;

import io.vertx.core.json.JsonObject;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.crossboard.board.PrivateRecords;
import org.crossboard.error.ErrorCode;
import org.crossboard.protocol.ClientMessage;
import org.crossboard.protocol.ServerMessages;
import org.crossboard.store.OpLog;

/** Answers {@code fetch} (SPEC.md C9): from the room's recent ops when held, else from the op log. */
final class FetchAnswer {
  private FetchAnswer() {}

  /** @param viewer who asks, at the moment of answering: changes they may not see are taken out (L5) */
  static void answer(OpLog log, String boardId, ConfirmedBoard confirmed, int maxOps,
      ClientMessage.Fetch fetch, Supplier<PrivateRecords.Viewer> viewer, Consumer<JsonObject> reply) {
    long durableSeq = confirmed.seq();
    if (fetch.from() > fetch.to() || fetch.to() > durableSeq || fetch.to() - fetch.from() > maxOps) {
      reply.accept(ServerMessages.error(fetch.id(), ErrorCode.ERR_RANGE_UNAVAILABLE,
          "range (" + fetch.from() + ", " + fetch.to() + "] not available; newest seq is " + durableSeq
              + "; reconnect with lastSeq", null));
      return;
    }
    confirmed.opsBetween(log, boardId, fetch.from(), fetch.to(), maxOps).onComplete(ar -> {
      if (ar.succeeded()) {
        reply.accept(ServerMessages.ops(fetch.id(), PrivateRecords.ops(ar.result(), viewer.get())));
      } else {
        reply.accept(ServerMessages.error(fetch.id(), ErrorCode.ERR_UNAVAILABLE, "op log unavailable", null));
      }
    });
  }
}
