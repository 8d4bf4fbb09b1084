package org.crossboard.store;

import static org.crossboard.store.Await.await;
import static org.crossboard.store.Await.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What every {@link OpLog} adapter must do; run against each adapter by a subclass. */
abstract class OpLogContract {
  OpLog log;

  abstract OpLog create();

  @BeforeEach
  void setUp() {
    log = create();
  }

  static Op op(long seq, String clientId, long clientSeq) {
    JsonArray changes = new JsonArray().add(new JsonObject().put("op", "patch").put("id", "n1")
        .put("props", new JsonObject().put("x", seq).put("text", "é ✓ \"quoted\" <b>").put("parent", (Object) null)));
    return new Op(seq, clientId, clientSeq, new JsonObject().put("id", "u1").put("name", "Ana"), 1_700_000_000_000L + seq, changes);
  }

  @Test
  @DisplayName("[D1] appended ops come back in seq order, unchanged")
  void appendAndRange() {
    await(log.append("b1", List.of(op(1, "c1", 1), op(2, "c1", 2))));
    await(log.append("b1", List.of(op(3, "c2", 1))));
    List<Op> all = await(log.range("b1", 0, Long.MAX_VALUE, 100));
    assertEquals(3, all.size());
    assertEquals(op(2, "c1", 2).toJson().encode(), all.get(1).toJson().encode());
    assertEquals(List.of(2L, 3L), await(log.range("b1", 1, 3, 100)).stream().map(Op::seq).toList());
    assertEquals(List.of(1L, 2L), await(log.range("b1", 0, 3, 2)).stream().map(Op::seq).toList());
    assertTrue(await(log.range("b1", 3, 3, 100)).isEmpty());
  }

  @Test
  @DisplayName("[D2] a second op with the same (board, seq) is refused")
  void uniqueSeq() {
    await(log.append("b1", List.of(op(1, "c1", 1))));
    assertInstanceOf(DuplicateOpException.class, failure(log.append("b1", List.of(op(1, "c2", 1)))));
    assertEquals(1, await(log.range("b1", 0, 10, 10)).size());
  }

  @Test
  @DisplayName("[D2][C7] a second op with the same (board, clientId, clientSeq) is refused")
  void uniqueClientSeq() {
    await(log.append("b1", List.of(op(1, "c1", 7))));
    assertInstanceOf(DuplicateOpException.class, failure(log.append("b1", List.of(op(2, "c1", 7)))));
    await(log.append("b2", List.of(op(1, "c1", 7)))); // other board: fine
  }

  @Test
  @DisplayName("[C7] a client's mark (highest clientSeq and who wrote it) and lastSeq, per board")
  void highWaterMarks() {
    assertEquals(0, await(log.lastSeq("b1")));
    assertEquals(ClientMark.NONE, await(log.clientMark("b1", "c1")));
    await(log.append("b1", List.of(op(1, "c1", 4), op(2, "c2", 9), op(3, "c1", 5))));
    assertEquals(3, await(log.lastSeq("b1")));
    assertEquals(new ClientMark(5, "u1"), await(log.clientMark("b1", "c1")));
    assertEquals(new ClientMark(9, "u1"), await(log.clientMark("b1", "c2")));
    assertEquals(ClientMark.NONE, await(log.clientMark("b2", "c1")));
  }

  @Test
  @DisplayName("deleting a board removes only its ops")
  void deleteBoard() {
    await(log.append("b1", List.of(op(1, "c1", 1))));
    await(log.append("b2", List.of(op(1, "c1", 1))));
    await(log.deleteBoard("b1"));
    assertTrue(await(log.range("b1", 0, 10, 10)).isEmpty());
    assertEquals(1, await(log.range("b2", 0, 10, 10)).size());
  }
}
