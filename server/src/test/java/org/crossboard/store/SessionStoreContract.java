package org.crossboard.store;

import static org.crossboard.store.Await.await;
import static org.crossboard.store.Await.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What every {@link SessionStore} adapter must do. */
abstract class SessionStoreContract {
  SessionStore store;

  abstract SessionStore create();

  @BeforeEach
  void setUp() {
    store = create();
  }

  /** A session document shaped like docs/SESSIONS.md, with nested objects, arrays of objects and longs. */
  static JsonObject session(String id, String board, String state, long version, long createdAt) {
    return new JsonObject().put("_id", id).put("board", board).put("workspace", "w_1").put("version", version)
        .put("title", "Open experimentation").put("startsAt", 1_764_500_000_000L).put("timeZone", "Europe/Tallinn")
        .put("state", state).put("createdBy", "u_1").put("createdAt", createdAt)
        .put("phases", new JsonArray()
            .add(new JsonObject().put("id", "p_1").put("title", "Warm-up").put("minutes", 10).putNull("frame")
                .put("rules", new JsonObject().put("notes", "everyone").put("voting", true).put("comments", true)))
            .add(new JsonObject().put("id", "p_2").put("title", "Ideas ✓ \"quoted\"").put("minutes", 25)
                .put("frame", "f_1").put("rules", new JsonObject().put("notes", "facilitators"))))
        .put("current", -1)
        .put("phaseLog", new JsonArray().add(new JsonObject().put("phase", "p_1")
            .put("startedAt", 1_764_500_000_000L).putNull("endedAt")))
        .put("timers", new JsonObject().put("all", new JsonObject().put("state", "running")
            .put("durationMs", 600_000L).put("endsAt", 1_764_500_600_000L).put("atZero", "closeVote")))
        .put("locks", new JsonObject().put("board", false).put("frames", new JsonArray().add("f_1")))
        .put("hands", new JsonArray().add(new JsonObject().put("user", "u_2").put("name", "Ana Müller")
            .put("at", 1_764_500_000_123L)))
        .put("vote", new JsonObject().put("chain", new JsonObject().put("count", 0).put("hash", "0".repeat(64)))
            .put("ballots", new JsonArray()))
        .putNull("recap");
  }

  @Test
  @DisplayName("insert then get returns an equal document: nested objects, arrays, longs stay longs")
  void roundTrip() {
    JsonObject doc = session("s_1", "b_1", "scheduled", 1, 1_764_400_000_000L);
    await(store.insert(doc));
    JsonObject got = await(store.get("s_1"));
    assertEquals(doc, got);
    assertInstanceOf(Long.class, got.getValue("version"));
    assertInstanceOf(Long.class, got.getValue("createdAt"));
    assertEquals(1_764_500_000_000L, got.getValue("startsAt"));
    assertEquals(1_764_500_000_123L, got.getJsonArray("hands").getJsonObject(0).getValue("at"));
    assertEquals(600_000L, got.getJsonObject("timers").getJsonObject("all").getValue("durationMs"));
    assertNull(await(store.get("s_none")));
  }

  @Test
  @DisplayName("what the caller holds is a copy: changing it changes nothing stored")
  void copies() {
    JsonObject doc = session("s_1", "b_1", "scheduled", 1, 100);
    await(store.insert(doc));
    doc.put("title", "changed after insert");
    await(store.get("s_1")).put("title", "changed after get").getJsonArray("phases").clear();
    assertEquals(session("s_1", "b_1", "scheduled", 1, 100), await(store.get("s_1")));
  }

  @Test
  @DisplayName("a second session with the same id is refused; the first stays")
  void duplicateId() {
    await(store.insert(session("s_1", "b_1", "ended", 1, 100)));
    assertInstanceOf(DuplicateKeyException.class, failure(store.insert(session("s_1", "b_2", "scheduled", 1, 200))));
    assertEquals(session("s_1", "b_1", "ended", 1, 100), await(store.get("s_1")));
    assertNull(await(store.current("b_2")));
  }

  @Test
  @DisplayName("a board has one current session; another is allowed once it has ended")
  void oneCurrentPerBoard() {
    await(store.insert(session("s_1", "b_1", "scheduled", 1, 100)));
    assertInstanceOf(DuplicateKeyException.class, failure(store.insert(session("s_2", "b_1", "scheduled", 1, 200))));
    assertInstanceOf(DuplicateKeyException.class, failure(store.insert(session("s_2", "b_1", "live", 1, 200))));
    assertNull(await(store.get("s_2")));
    await(store.insert(session("s_3", "b_2", "live", 1, 300)));
    await(store.insert(session("s_4", "b_1", "ended", 1, 50)));

    assertTrue(await(store.replace(session("s_1", "b_1", "ended", 2, 100), 1)));
    await(store.insert(session("s_2", "b_1", "live", 1, 200)));
    assertEquals("s_2", await(store.current("b_1")).getString("_id"));
    assertEquals("s_3", await(store.current("b_2")).getString("_id"));
  }

  @Test
  @DisplayName("current is the scheduled or live session, none when all have ended")
  void current() {
    assertNull(await(store.current("b_1")));
    await(store.insert(session("s_1", "b_1", "ended", 3, 100)));
    assertNull(await(store.current("b_1")));
    JsonObject scheduled = session("s_2", "b_1", "scheduled", 1, 200);
    await(store.insert(scheduled));
    assertEquals(scheduled, await(store.current("b_1")));
    JsonObject live = session("s_2", "b_1", "live", 2, 200).put("startedAt", 1_764_500_000_000L);
    assertTrue(await(store.replace(live, 1)));
    assertEquals(live, await(store.current("b_1")));
    assertTrue(await(store.replace(session("s_2", "b_1", "ended", 3, 200), 2)));
    assertNull(await(store.current("b_1")));
  }

  @Test
  @DisplayName("listForBoard: the board's sessions only, newest createdAt first")
  void listOrder() {
    await(store.insert(session("s_a", "b_1", "ended", 1, 200)));
    await(store.insert(session("s_b", "b_1", "ended", 1, 300)));
    await(store.insert(session("s_c", "b_2", "scheduled", 1, 250)));
    await(store.insert(session("s_d", "b_1", "live", 1, 100)));
    List<JsonObject> list = await(store.listForBoard("b_1"));
    assertEquals(List.of("s_b", "s_a", "s_d"), list.stream().map(d -> d.getString("_id")).toList());
    assertEquals(session("s_b", "b_1", "ended", 1, 300), list.get(0));
    assertTrue(await(store.listForBoard("b_none")).isEmpty());
  }

  @Test
  @DisplayName("replace with the stored version replaces the whole document")
  void casSuccess() {
    await(store.insert(session("s_1", "b_1", "scheduled", 1, 100)));
    JsonObject next = session("s_1", "b_1", "live", 2, 100).put("current", 0).put("startedAt", 1_764_500_000_000L);
    next.remove("recap");
    assertTrue(await(store.replace(next, 1)));
    JsonObject got = await(store.get("s_1"));
    assertEquals(next, got);
    assertFalse(got.containsKey("recap"));
    assertEquals(2L, got.getValue("version"));
  }

  @Test
  @DisplayName("replace with a stale version is refused and leaves the document unchanged")
  void casStale() {
    await(store.insert(session("s_1", "b_1", "scheduled", 1, 100)));
    JsonObject v2 = session("s_1", "b_1", "live", 2, 100);
    assertTrue(await(store.replace(v2, 1)));
    assertFalse(await(store.replace(session("s_1", "b_1", "ended", 2, 100).put("title", "stale"), 1)));
    assertFalse(await(store.replace(session("s_1", "b_1", "ended", 4, 100), 3)));
    assertEquals(v2, await(store.get("s_1")));
  }

  @Test
  @DisplayName("replace of a missing session is false and creates nothing")
  void casMissing() {
    assertFalse(await(store.replace(session("s_none", "b_1", "live", 2, 100), 1)));
    assertNull(await(store.get("s_none")));
    assertNull(await(store.current("b_1")));
  }

  @Test
  @DisplayName("replace that would make a second current session on the board is refused")
  void casKeepsOneCurrent() {
    await(store.insert(session("s_1", "b_1", "ended", 5, 100)));
    await(store.insert(session("s_2", "b_1", "live", 1, 200)));
    assertInstanceOf(DuplicateKeyException.class, failure(store.replace(session("s_1", "b_1", "scheduled", 6, 100), 5)));
    assertEquals(session("s_1", "b_1", "ended", 5, 100), await(store.get("s_1")));
    assertEquals("s_2", await(store.current("b_1")).getString("_id"));
  }

  @Test
  @DisplayName("two replaces from the same version, fired together from two threads: exactly one wins")
  void casConcurrent() throws Exception {
    await(store.insert(session("s_1", "b_1", "live", 1, 100)));
    for (long v = 1; v <= 10; v++) {
      JsonObject a = session("s_1", "b_1", "live", v + 1, 100).put("title", "a" + v);
      JsonObject b = session("s_1", "b_1", "live", v + 1, 100).put("title", "b" + v);
      long expected = v;
      CyclicBarrier together = new CyclicBarrier(2);
      CompletableFuture<Future<Boolean>> firedA = CompletableFuture.supplyAsync(() -> fire(together, a, expected));
      CompletableFuture<Future<Boolean>> firedB = CompletableFuture.supplyAsync(() -> fire(together, b, expected));
      Future<Boolean> replacedA = firedA.get();
      Future<Boolean> replacedB = firedB.get();
      boolean wonA = await(replacedA);
      boolean wonB = await(replacedB);
      assertNotEquals(wonA, wonB, "exactly one replace wins at version " + v);
      assertEquals(wonA ? a : b, await(store.get("s_1")));
    }
  }

  private Future<Boolean> fire(CyclicBarrier together, JsonObject doc, long expectedVersion) {
    try {
      together.await();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return store.replace(doc, expectedVersion);
  }
}
