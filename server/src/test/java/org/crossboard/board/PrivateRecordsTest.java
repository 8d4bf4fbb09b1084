package org.crossboard.board;

import static org.crossboard.testing.Changes.patch;
import static org.crossboard.testing.Changes.put;
import static org.crossboard.testing.Changes.remove;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.crossboard.access.Principal;
import org.crossboard.access.Role;
import org.crossboard.error.CrossboardException;
import org.crossboard.error.ErrorCode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Private records and the room's change policy at the board level (SPEC.md L4, L5). */
class PrivateRecordsTest {
  static final RecordTypes TYPES = RecordTypes.withCore(List.of());
  static final Principal ANA = Principal.of("ana", "Ana", Role.EDITOR);
  static final Principal BO = Principal.of("bo", "Bo", Role.EDITOR);
  static final PrivateRecords.Viewer ANA_SEES = new PrivateRecords.Viewer("ana", false);
  static final PrivateRecords.Viewer BO_SEES = new PrivateRecords.Viewer("bo", false);
  static final PrivateRecords.Viewer FACILITATOR_SEES = new PrivateRecords.Viewer("fa", true);

  /** Marks what Ana creates, and every later change to a marked record — the session's rule in small. */
  static final ChangePolicy MARK_ANAS = (as, change, before) -> {
    JsonObject mark = PrivateRecords.markOf(before);
    if (mark == null && before == null && as.userId().equals("ana")) {
      mark = PrivateRecords.mark("ana", true, 1);
    }
    return mark == null ? change : PrivateRecords.marked(change, mark);
  };

  final BoardState state = BoardState.initial("Workshop");

  JsonArray apply(Principal as, ChangePolicy policy, JsonObject... changes) {
    return state.applyClientChanges(TYPES, policy, new JsonArray(List.of((Object[]) changes)), as, "c-" + as.userId(),
        state.seq() + 1, 42);
  }

  static JsonObject note(String id, String text) {
    return new JsonObject().put("id", id).put("type", "note").put("order", "a0").put("x", 0).put("y", 0)
        .put("w", 100).put("h", 80).put("text", text);
  }

  @Test
  @DisplayName("[L5] a private record and every change to it carry the mark; a client cannot set or clear it")
  void marksTravelWithChanges() {
    JsonArray created = apply(ANA, MARK_ANAS, put(note("n1", "secret idea").put("private", null)));
    assertEquals("ana", PrivateRecords.markOfChange(created.getJsonObject(0)).getString("by"));
    JsonArray patched = apply(ANA, MARK_ANAS, patch("n1", new JsonObject().put("text", "better idea").put("private", null)));
    assertEquals("ana", PrivateRecords.markOfChange(patched.getJsonObject(0)).getString("by"), "[L5] the mark is server-owned");
    assertEquals("ana", PrivateRecords.markOf(state.get("n1")).getString("by"));
    JsonArray removed = apply(ANA, MARK_ANAS, remove("n1"));
    assertEquals("ana", PrivateRecords.markOfChange(removed.getJsonObject(0)).getString("by"));

    JsonArray forged = apply(BO, ChangePolicy.NONE, put(note("n2", "x").put("private", PrivateRecords.mark("bo", false, 1))));
    assertNull(PrivateRecords.markOfChange(forged.getJsonObject(0)), "[L5] a client's private prop is ignored");
  }

  @Test
  @DisplayName("[L5] ops and records are redacted per viewer: the author and facilitators (when allowed) see them, nobody else")
  void redaction() {
    apply(BO, ChangePolicy.NONE, put(note("pub", "public")));
    JsonArray changes = apply(ANA, MARK_ANAS, put(note("n1", "secret idea")), put(note("n2", "other secret")));
    JsonObject op = new JsonObject().put("seq", 2).put("clientId", "c-ana").put("clientSeq", 1)
        .put("user", new JsonObject().put("id", "ana")).put("at", 42).put("changes", changes);

    assertSame(op, PrivateRecords.op(op, ANA_SEES));
    assertSame(op, PrivateRecords.op(op, FACILITATOR_SEES));
    JsonObject forBo = PrivateRecords.op(op, BO_SEES);
    assertEquals(new JsonObject().put("seq", 2).put("at", 42).put("changes", new JsonArray()), forBo,
        "[L5] nothing left: neither the changes nor who made them");
    assertFalse(forBo.encode().contains("secret"));

    JsonArray records = state.toJson();
    assertEquals(4, records.size());
    assertEquals(4, PrivateRecords.records(records, ANA_SEES).size());
    JsonArray bosRecords = PrivateRecords.records(records, BO_SEES);
    assertEquals(2, bosRecords.size(), "board and the public note");
    assertFalse(bosRecords.encode().contains("secret"));
    assertEquals(2, PrivateRecords.records(records, new PrivateRecords.Viewer("fa", false)).size());
  }

  @Test
  @DisplayName("[L5] a facilitator's removal of a frame cascades to a private note: Bo gets the op without that change")
  void partlyHiddenOp() {
    apply(BO, ChangePolicy.NONE, put(note("f1", "").put("type", "frame").put("title", "Ideas").put("order", "a0")
        .put("x", 0).put("y", 0).put("w", 500).put("h", 500).put("text", null)));
    apply(ANA, MARK_ANAS, put(note("n1", "secret idea").put("parent", "f1")));
    JsonArray changes = apply(Principal.of("fa", "Fa", Role.FACILITATOR), MARK_ANAS, remove("f1"));
    assertEquals(2, changes.size());
    JsonObject op = new JsonObject().put("seq", 3).put("user", new JsonObject().put("id", "fa")).put("at", 1)
        .put("changes", changes);
    JsonObject forBo = PrivateRecords.op(op, BO_SEES);
    assertEquals(1, forBo.getJsonArray("changes").size());
    assertEquals("fa", forBo.getJsonObject("user").getString("id"));
    assertTrue(PrivateRecords.anyMarked(changes));
  }

  @Test
  @DisplayName("[B6][L4] a policy's refusal names the change that was refused")
  void refusalCarriesIndex() {
    ChangePolicy locked = (as, change, before) -> {
      throw new CrossboardException(ErrorCode.ERR_LOCKED, "the board is locked");
    };
    CrossboardException e = assertThrows(CrossboardException.class, () -> apply(BO, locked, put(note("n1", "x"))));
    assertEquals(ErrorCode.ERR_LOCKED, e.code());
    assertEquals(0, e.changeIndex());
    assertNull(state.get("n1"), "nothing applied");
  }
}
