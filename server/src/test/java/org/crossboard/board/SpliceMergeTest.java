package org.crossboard.board;

import static org.crossboard.testing.Changes.patch;
import static org.crossboard.testing.Changes.put;
import static org.crossboard.testing.Changes.remove;
import static org.crossboard.testing.Changes.splice;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.crossboard.access.Principal;
import org.crossboard.access.Role;
import org.crossboard.error.CrossboardException;
import org.crossboard.error.ErrorCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Splices of merging text props: transform, validation and canonical form (SPEC.md T1–T8). */
class SpliceMergeTest {
  static final RecordTypes TYPES = BoardStateTest.TYPES;
  static final Principal ANA = Principal.of("u-ana", "Ana", Role.EDITOR);
  static final Principal BRUNO = Principal.of("u-bruno", "Bruno", Role.EDITOR);
  BoardState state;
  BoardState replica;

  @BeforeEach
  void setUp() {
    state = BoardState.initial("Workshop");
    replica = BoardState.initial("Workshop");
    push(ANA, "c-ana", put(BoardStateTest.box("n1", "note").put("text", "Open data")));
  }

  /** Sequences a push as the next op and replays its canonical changes on a replica (as clients do). */
  JsonArray push(Principal who, String clientId, JsonObject... changes) {
    long seq = state.seq() + 1;
    JsonArray canonical = state.applyClientChanges(TYPES, ChangePolicy.NONE, new JsonArray(List.of((Object[]) changes)), who, clientId, seq, 7);
    replica.applyCanonical(seq, clientId, canonical);
    assertEquals(state.toJson().encode(), replica.toJson().encode(), "[T6] canonical splices replay verbatim");
    return canonical;
  }

  CrossboardException rejected(Principal who, String clientId, JsonObject... changes) {
    String before = state.toJson().encode();
    CrossboardException e = assertThrows(CrossboardException.class,
        () -> state.applyClientChanges(TYPES, ChangePolicy.NONE, new JsonArray(List.of((Object[]) changes)), who, clientId, state.seq() + 1, 7));
    assertEquals(before, state.toJson().encode(), "[C2] a rejected push changes nothing");
    return e;
  }

  String text() {
    return state.get("n1").getString("text");
  }

  @Test
  @DisplayName("[T1][T6] a splice is sequenced as canonical splices plus one stamp patch per record")
  void canonicalForm() {
    JsonArray canonical = push(BRUNO, "c-bruno", splice("n1", "text", 1, 4, 2, " D"));
    assertEquals("Open Data", text());
    assertEquals(new JsonObject().put("op", "splice").put("id", "n1").put("prop", "text").put("at", 4)
        .put("delete", 2).put("insert", " D"), canonical.getJsonObject(0));
    assertEquals("patch", canonical.getJsonObject(1).getString("op"));
    assertEquals("u-bruno", state.get("n1").getString("updatedBy"));
    assertEquals("u-ana", state.get("n1").getString("createdBy"));
  }

  @Test
  @DisplayName("[T3] two people typing against the same seq both keep their words")
  void concurrentTyping() {
    long base = state.seq();
    push(ANA, "c-ana", splice("n1", "text", base, 0, 0, "Ana: "));
    push(BRUNO, "c-bruno", splice("n1", "text", base, 9, 0, " first"));
    assertEquals("Ana: Open data first", text());
    push(BRUNO, "c-bruno", splice("n1", "text", base, 5, 4, "DATA")); // Bruno had not seen Ana's words either
    assertEquals("Ana: Open DATA first", text());
  }

  @Test
  @DisplayName("[T3] a deletion spanning someone's concurrent words deletes around them")
  void deletionKeepsOthersWords() {
    long base = state.seq();
    push(ANA, "c-ana", splice("n1", "text", base, 4, 0, " shared"));
    push(BRUNO, "c-bruno", splice("n1", "text", base, 0, 9, "Closed"));
    assertEquals("Closed shared", text());
  }

  @Test
  @DisplayName("[T4] a client's own splices after its base are already in what it wrote against")
  void ownWritesAreNotTransformedOver() {
    long base = state.seq();
    push(ANA, "c-ana", splice("n1", "text", base, 9, 0, "!"));
    push(ANA, "c-ana", splice("n1", "text", base, 10, 0, "?")); // written after "!", before seeing it sequenced
    assertEquals("Open data!?", text());
  }

  @Test
  @DisplayName("[T3] splices of one prop in one push follow each other; others' words are carried past all of them")
  void severalSplicesInOnePush() {
    long base = state.seq();
    push(BRUNO, "c-bruno", splice("n1", "text", base, 5, 0, "big "));
    push(ANA, "c-ana", splice("n1", "text", base, 0, 0, "[1] "), splice("n1", "text", base, 13, 0, " [2]"));
    assertEquals("[1] Open big data [2]", text());
  }

  @Test
  @DisplayName("[T5] after someone else replaced the whole value, a splice applies to the new value, clamped")
  void wholeValueWriteSinceBase() {
    long base = state.seq();
    push(BRUNO, "c-bruno", patch("n1", new JsonObject().put("text", "New")));
    push(ANA, "c-ana", splice("n1", "text", base, 9, 0, "!"));
    assertEquals("New!", text());
  }

  @Test
  @DisplayName("[T5] a base older than what the board remembers, or newer than its seq, applies clamped")
  void unknownBase() {
    BoardState loaded = BoardState.of(state.toJson(), 50);
    state = loaded;
    replica = BoardState.of(state.toJson(), 50);
    push(ANA, "c-ana", splice("n1", "text", 10, 100, 0, "!"), splice("n1", "text", 999, 0, 4, "Shut"));
    assertEquals("Shut data!", text());
  }

  @Test
  @DisplayName("[T5] the history is bounded; its floor moves past what it forgot")
  void boundedHistory() {
    for (int i = 0; i < TextHistory.MAX_ENTRIES + 10; i++) {
      push(ANA, "c-ana", splice("n1", "text", state.seq(), 0, 1, "x"));
    }
    TextHistory history = readHistory();
    assertEquals(TextHistory.MAX_ENTRIES, history.size());
    assertTrue(history.floor() > 1);
  }

  @Test
  @DisplayName("[T2] within a push, a splice after a put or patch of the same text applies to that value as is")
  void spliceAfterWholeWriteInSamePush() {
    long base = state.seq();
    push(BRUNO, "c-bruno", splice("n1", "text", base, 0, 0, "Bruno "));
    push(ANA, "c-ana", patch("n1", new JsonObject().put("text", "abc")), splice("n1", "text", base, 3, 0, "d"));
    assertEquals("abcd", text());
    push(ANA, "c-ana", remove("n1"), put(BoardStateTest.box("n1", "note").put("text", "xy")),
        splice("n1", "text", base, 0, 0, ">"));
    assertEquals(">xy", text());
  }

  @Test
  @DisplayName("[T7] splices keep surrogate pairs whole and refuse lone surrogates")
  void surrogates() {
    push(ANA, "c-ana", patch("n1", new JsonObject().put("text", "a\uD83D\uDE00b")));
    push(ANA, "c-ana", splice("n1", "text", state.seq(), 2, 1, "")); // would split the emoji
    assertEquals("ab", text());
    assertEquals(ErrorCode.ERR_INVALID_CHANGE, rejected(ANA, "c-ana", splice("n1", "text", state.seq(), 0, 0, "\uD83D")).code());
  }

  @Test
  @DisplayName("[T2] splices are validated: merging props only, shapes, lengths, locks, roles; missing records and empty splices are dropped")
  void validation() {
    push(ANA, "c-ana", put(new JsonObject().put("id", "k1").put("type", "comment").put("order", "c").put("x", 1).put("y", 1)
        .put("text", "why?")));
    long base = state.seq();
    assertTrue(rejected(ANA, "c-ana", splice("k1", "text", base, 0, 0, "x")).getMessage().contains("comment.text does not take splices"));
    rejected(ANA, "c-ana", splice("board", "text", base, 0, 0, "x"));
    rejected(ANA, "c-ana", splice("n1", "color", base, 0, 0, "x"));
    rejected(ANA, "c-ana", splice("n1", "text", base, -1, 0, "x"));
    rejected(ANA, "c-ana", splice("n1", "text", base, 0, 0, "x").put("insert", 5));
    rejected(ANA, "c-ana", splice("n1", "text", base, 0, 0, "x").put("base", "old"));
    rejected(ANA, "c-ana", splice("n1", "text", base, 0, 0, "x").put("prop", null));
    assertTrue(rejected(ANA, "c-ana", splice("n1", "text", base, 0, 0, "x".repeat(9_992))).getMessage()
        .contains("note.text must be a string of at most 10000 characters"));
    push(ANA, "c-ana", patch("n1", new JsonObject().put("locked", true)));
    assertEquals(ErrorCode.ERR_LOCKED, rejected(BRUNO, "c-bruno", splice("n1", "text", state.seq(), 0, 0, "x")).code());
    push(ANA, "c-ana", patch("n1", new JsonObject().put("locked", false)));
    assertEquals(ErrorCode.ERR_FORBIDDEN, rejected(Principal.of("u-v", "Vic", Role.VIEWER), "c-vic",
        splice("n1", "text", state.seq(), 0, 0, "x")).code());
    assertEquals(ErrorCode.ERR_FORBIDDEN, rejected(Principal.of("u-c", "Cem", Role.COMMENTER), "c-cem",
        splice("n1", "text", state.seq(), 0, 0, "x")).code());
    assertEquals(0, push(ANA, "c-ana", splice("ghost", "text", state.seq(), 0, 0, "x"), splice("n1", "text", state.seq(), 0, 0, ""))
        .size(), "[C3] a splice of a missing record and an empty splice are dropped, and nothing is stamped");
  }

  @Test
  @DisplayName("[T1] frame titles and connector labels merge too; the schema says which props do")
  void mergingProps() {
    push(ANA, "c-ana", put(BoardStateTest.box("f1", "frame").put("title", "Ideas")), put(BoardStateTest.box("n2", "note")),
        put(new JsonObject().put("id", "c1").put("type", "connector").put("order", "b").put("from", "n1").put("to", "n2")));
    long base = state.seq();
    push(ANA, "c-ana", splice("f1", "title", base, 5, 0, "!"), splice("c1", "label", base, 0, 0, "leads to"),
        splice("n2", "text", base, 0, 0, "fresh"));
    assertEquals("Ideas!", state.get("f1").getString("title"));
    assertEquals("leads to", state.get("c1").getString("label"));
    assertEquals("fresh", state.get("n2").getString("text"));
    JsonObject types = TYPES.schema().getJsonObject("types");
    assertEquals(true, types.getJsonObject("note").getJsonObject("props").getJsonObject("text").getBoolean("merges"));
    assertEquals(true, types.getJsonObject("frame").getJsonObject("props").getJsonObject("title").getBoolean("merges"));
    assertEquals(true, types.getJsonObject("connector").getJsonObject("props").getJsonObject("label").getBoolean("merges"));
    assertEquals(null, types.getJsonObject("board").getJsonObject("props").getJsonObject("title").getValue("merges"));
    assertEquals(null, types.getJsonObject("comment").getJsonObject("props").getJsonObject("text").getValue("merges"));
  }

  private TextHistory readHistory() {
    return state.history();
  }
}
