package org.crossboard.board;

import static org.crossboard.testing.Changes.patch;
import static org.crossboard.testing.Changes.put;
import static org.crossboard.testing.Changes.remove;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.crossboard.error.ErrorCode;
import org.crossboard.error.CrossboardException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The board model's validation and application rules (SPEC.md R and C). */
class BoardStateTest {
  static final RecordTypes TYPES = RecordTypes.withCore(java.util.List.of(org.crossboard.comment.CommentFeature.COMMENT));
  BoardState state;

  @BeforeEach
  void setUp() {
    state = BoardState.initial("Workshop");
  }

  static JsonObject box(String id, String type) {
    return new JsonObject().put("id", id).put("type", type).put("order", "a0").put("x", 0).put("y", 0).put("w", 100).put("h", 80);
  }

  JsonArray apply(JsonObject... changes) {
    return state.applyClientChanges(TYPES, ChangePolicy.NONE, new JsonArray(java.util.List.of((Object[]) changes)), org.crossboard.access.Principal.of("u1", "u1", org.crossboard.access.Role.EDITOR), "c-u1", state.seq() + 1, 42);
  }

  CrossboardException rejected(JsonObject... changes) {
    String before = state.toJson().encode();
    CrossboardException e = assertThrows(CrossboardException.class, () -> apply(changes));
    assertEquals(before, state.toJson().encode(), "[C2] a rejected push changes nothing");
    return e;
  }

  @Test
  @DisplayName("[R1] the board record exists, can be retitled, never put or removed")
  void boardRecord() {
    assertEquals("Workshop", state.title());
    apply(patch("board", new JsonObject().put("title", "Renamed")));
    assertEquals("Renamed", state.title());
    rejected(remove("board"));
    rejected(put(new JsonObject().put("id", "board").put("type", "board")));
    rejected(patch("board", new JsonObject().put("x", 1)));
  }

  @Test
  @DisplayName("[R2] every record type can be created with its required props")
  void allTypes() {
    apply(put(box("f1", "frame")), put(box("n1", "note")), put(box("t1", "text")),
        put(box("s1", "shape").put("shape", "diamond")),
        put(new JsonObject().put("id", "c1").put("type", "connector").put("order", "b").put("from", "n1").put("to", "s1")
            .put("label", "leads to")));
    assertEquals(6, state.size());
    assertEquals(ErrorCode.ERR_INVALID_CHANGE, rejected(put(box("s2", "shape"))).code());
    rejected(put(box("x1", "sticker")));
    rejected(put(box("n2", "note").put("order", null)));
  }

  @Test
  @DisplayName("[R3] values out of range or of the wrong type are rejected with the prop named")
  void ranges() {
    apply(put(box("n1", "note")));
    assertTrue(rejected(patch("n1", new JsonObject().put("w", 0))).getMessage().contains("note.w"));
    rejected(patch("n1", new JsonObject().put("x", 2_000_000)));
    rejected(patch("n1", new JsonObject().put("x", "12")));
    rejected(patch("n1", new JsonObject().put("color", "red")));
    rejected(patch("n1", new JsonObject().put("fontSize", 2)));
    rejected(patch("n1", new JsonObject().put("rotation", 400)));
    rejected(patch("n1", new JsonObject().put("text", "x".repeat(10_001))));
    rejected(patch("n1", new JsonObject().put("order", "a-b")));
    rejected(patch("n1", new JsonObject().put("locked", "yes")));
    apply(patch("n1", new JsonObject().put("text", "x".repeat(10_000)).put("color", "#a1B2c3").put("rotation", -45.5)));
  }

  @Test
  @DisplayName("[R4] parents are existing frames and never form a cycle")
  void parents() {
    apply(put(box("f1", "frame")), put(box("f2", "frame").put("parent", "f1")), put(box("n1", "note").put("parent", "f2")));
    rejected(patch("f1", new JsonObject().put("parent", "f2")));
    rejected(patch("f1", new JsonObject().put("parent", "f1")));
    rejected(patch("n1", new JsonObject().put("parent", "nope")));
    apply(put(box("n2", "note")));
    rejected(patch("n1", new JsonObject().put("parent", "n2")));
    apply(patch("n1", new JsonObject().put("parent", null)));
    assertNull(state.get("n1").getValue("parent"));
  }

  @Test
  @DisplayName("[R5] connector ends exist and are not connectors, the board or itself")
  void connectorEnds() {
    apply(put(box("n1", "note")), put(box("n2", "note")));
    JsonObject c = new JsonObject().put("id", "c1").put("type", "connector").put("order", "b").put("from", "n1").put("to", "n2");
    apply(put(c));
    rejected(put(c.copy().put("id", "c2").put("to", "c1")));
    rejected(put(c.copy().put("id", "c3").put("to", "board")));
    rejected(put(c.copy().put("id", "c4").put("to", "ghost")));
    rejected(put(c.copy().put("id", "c5").put("to", "c5")));
    rejected(patch("c1", new JsonObject().put("from", "ghost")));
  }

  @Test
  @DisplayName("[R6] unknown props are rejected; server-owned props are stamped, not taken from clients")
  void stamping() {
    rejected(put(box("n1", "note").put("onclick", "x")));
    JsonArray canonical = apply(put(box("n1", "note").put("createdBy", "forged").put("createdAt", 1)));
    JsonObject record = canonical.getJsonObject(0).getJsonObject("record");
    assertEquals("u1", record.getString("createdBy"));
    assertEquals(42L, record.getLong("createdAt"));
    state.applyClientChanges(TYPES, ChangePolicy.NONE, new JsonArray().add(patch("n1", new JsonObject().put("x", 5))), org.crossboard.access.Principal.of("u2", "u2", org.crossboard.access.Role.EDITOR), "c-u2", state.seq() + 1, 99);
    assertEquals("u1", state.get("n1").getString("createdBy"));
    assertEquals("u2", state.get("n1").getString("updatedBy"));
    state.applyClientChanges(TYPES, ChangePolicy.NONE, new JsonArray().add(put(box("n1", "note"))), org.crossboard.access.Principal.of("u3", "u3", org.crossboard.access.Role.EDITOR), "c-u3", state.seq() + 1, 100);
    assertEquals("u1", state.get("n1").getString("createdBy"), "a later put keeps the creator");
    rejected(put(box("n1", "text")));
  }

  @Test
  @DisplayName("[C2] later changes in a push see earlier ones; one bad change rejects all")
  void pushIsAtomic() {
    apply(put(box("f1", "frame")), put(box("n1", "note").put("parent", "f1")), patch("n1", new JsonObject().put("x", 7)));
    assertEquals(7, state.get("n1").getInteger("x"));
    rejected(patch("n1", new JsonObject().put("x", 8)), remove("f1"), put(box("n9", "note").put("parent", "f1")));
    assertEquals(7, state.get("n1").getInteger("x"));
  }

  @Test
  @DisplayName("[C3] patch and remove of a missing record are dropped, not errors")
  void missingRecordsAreNoOps() {
    JsonArray canonical = apply(patch("ghost", new JsonObject().put("x", 1)), remove("ghost"));
    assertTrue(canonical.isEmpty());
  }

  @Test
  @DisplayName("[C5] removing a frame removes its contents and attached connectors, in the op itself")
  void cascade() {
    apply(put(box("f1", "frame")), put(box("f2", "frame").put("parent", "f1")), put(box("n1", "note").put("parent", "f2")),
        put(box("n2", "note")),
        put(new JsonObject().put("id", "c1").put("type", "connector").put("order", "b").put("from", "n1").put("to", "n2")));
    JsonArray canonical = apply(remove("f1"));
    assertEquals(4, canonical.size(), canonical.encode());
    assertNull(state.get("n1"));
    assertNull(state.get("c1"));
    assertNotNull(state.get("n2"));
  }

  @Test
  @DisplayName("[C6] locked records refuse changes except unlocking; locked contents block a cascade")
  void locks() {
    apply(put(box("f1", "frame")), put(box("n1", "note").put("parent", "f1").put("locked", true)));
    assertEquals(ErrorCode.ERR_LOCKED, rejected(patch("n1", new JsonObject().put("x", 3))).code());
    assertEquals(ErrorCode.ERR_LOCKED, rejected(remove("n1")).code());
    assertEquals(ErrorCode.ERR_LOCKED, rejected(put(box("n1", "note"))).code());
    assertEquals(ErrorCode.ERR_LOCKED, rejected(remove("f1")).code());
    apply(patch("n1", new JsonObject().put("locked", false).put("x", 3)));
    apply(remove("f1"));
    assertNull(state.get("n1"));
  }

  @Test
  @DisplayName("[C4] applying the canonical changes to a copy reproduces the state exactly")
  void canonicalReplay() {
    BoardState replica = BoardState.of(state.toJson(), state.seq());
    JsonArray c1 = apply(put(box("f1", "frame")), put(box("n1", "note").put("parent", "f1")));
    JsonArray c2 = apply(patch("n1", new JsonObject().put("text", "hi").put("parent", null)), remove("f1"));
    replica.applyCanonical(1, "c-u1", c1);
    replica.applyCanonical(2, "c-u1", c2);
    assertEquals(state.toJson().encode(), replica.toJson().encode());
  }
}
