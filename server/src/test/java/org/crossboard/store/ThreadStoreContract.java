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

/** What every {@link ThreadStore} adapter must do. */
abstract class ThreadStoreContract {
  ThreadStore store;

  abstract ThreadStore create();

  @BeforeEach
  void setUp() {
    store = create();
  }

  /** A thread document shaped like docs/COMMENTS.md: nested objects, arrays of objects, nulls, longs. */
  static JsonObject thread(String id, String board, long version, long createdAt) {
    JsonObject ana = new JsonObject().put("id", "u_1").put("name", "Ana Müller").put("badge", "advisory-expert");
    return new JsonObject().put("_id", id).put("board", board).put("workspace", "w_1").put("version", version)
        .put("anchor", new JsonObject().put("kind", "region").put("x", -10.5).put("y", 20.0).put("w", 300.0).put("h", 200.0))
        .put("kind", "question").put("state", "open").putNull("resolvedBy").putNull("resolvedAt").put("orphaned", false)
        .put("createdAt", createdAt).put("createdBy", ana)
        .put("comments", new JsonArray()
            .add(new JsonObject().put("id", "m_1").put("author", ana).put("body", "Why ✓ \"this\"?\nSecond line")
                .putNull("link")
                .put("mentions", new JsonArray().add(new JsonObject().put("user", "u_2"))
                    .add(new JsonObject().put("group", "advisory-board")))
                .put("createdAt", createdAt).put("editedAt", createdAt + 5)
                .put("history", new JsonArray().add(new JsonObject().put("body", "Why?").put("at", createdAt)))
                .putNull("removed")
                .put("reactions", new JsonObject().put("+1", new JsonArray().add("u_2").add("u_3"))))
            .add(new JsonObject().put("id", "m_2").put("author", ana).put("body", "").putNull("link")
                .put("mentions", new JsonArray()).put("createdAt", 7L).putNull("editedAt").put("history", new JsonArray())
                .put("removed", new JsonObject().put("by", new JsonObject().put("id", "u_9").put("name", "Fay"))
                    .put("at", 1_764_500_000_999L))
                .put("reactions", new JsonObject())));
  }

  @Test
  @DisplayName("insert then get returns an equal document: nested arrays and objects, longs stay longs")
  void roundTrip() {
    JsonObject doc = thread("t_1", "b_1", 1, 1_764_400_000_000L);
    await(store.insert(doc));
    JsonObject got = await(store.get("t_1"));
    assertEquals(doc, got);
    assertInstanceOf(Long.class, got.getValue("version"));
    JsonObject second = got.getJsonArray("comments").getJsonObject(1);
    assertInstanceOf(Long.class, second.getValue("createdAt"));
    assertInstanceOf(Long.class, second.getJsonObject("removed").getValue("at"));
    assertInstanceOf(Long.class, got.getJsonArray("comments").getJsonObject(0).getJsonArray("history")
        .getJsonObject(0).getValue("at"));
    assertNull(await(store.get("t_none")));
  }

  @Test
  @DisplayName("what the caller holds is a copy: changing it changes nothing stored")
  void copies() {
    JsonObject doc = thread("t_1", "b_1", 1, 100);
    await(store.insert(doc));
    doc.put("kind", "changed after insert");
    await(store.get("t_1")).put("kind", "changed after get").getJsonArray("comments").clear();
    assertEquals(thread("t_1", "b_1", 1, 100), await(store.get("t_1")));
  }

  @Test
  @DisplayName("a second thread with the same id is refused; the first stays")
  void duplicateId() {
    await(store.insert(thread("t_1", "b_1", 1, 100)));
    assertInstanceOf(DuplicateKeyException.class, failure(store.insert(thread("t_1", "b_2", 1, 200))));
    assertEquals(thread("t_1", "b_1", 1, 100), await(store.get("t_1")));
  }

  @Test
  @DisplayName("listForBoard: the board's threads only, oldest createdAt first, equal ones by id")
  void listOrder() {
    await(store.insert(thread("t_c", "b_1", 1, 300)));
    await(store.insert(thread("t_b", "b_1", 1, 100)));
    await(store.insert(thread("t_x", "b_2", 1, 50)));
    await(store.insert(thread("t_a", "b_1", 1, 300)));
    List<JsonObject> list = await(store.listForBoard("b_1"));
    assertEquals(List.of("t_b", "t_a", "t_c"), list.stream().map(d -> d.getString("_id")).toList());
    assertEquals(thread("t_b", "b_1", 1, 100), list.get(0));
    assertTrue(await(store.listForBoard("b_none")).isEmpty());
  }

  @Test
  @DisplayName("replace with the stored version replaces the whole document")
  void casSuccess() {
    await(store.insert(thread("t_1", "b_1", 1, 100)));
    JsonObject next = thread("t_1", "b_1", 2, 100).put("state", "resolved").put("resolvedAt", 1_764_500_000_000L)
        .put("resolvedBy", new JsonObject().put("id", "u_2").put("name", "Ben"));
    next.remove("orphaned");
    assertTrue(await(store.replace(next, 1)));
    JsonObject got = await(store.get("t_1"));
    assertEquals(next, got);
    assertFalse(got.containsKey("orphaned"));
    assertEquals(2L, got.getValue("version"));
  }

  @Test
  @DisplayName("replace with a stale version is refused and leaves the document unchanged")
  void casStale() {
    await(store.insert(thread("t_1", "b_1", 1, 100)));
    JsonObject v2 = thread("t_1", "b_1", 2, 100).put("kind", "decision");
    assertTrue(await(store.replace(v2, 1)));
    assertFalse(await(store.replace(thread("t_1", "b_1", 2, 100).put("kind", "stale"), 1)));
    assertFalse(await(store.replace(thread("t_1", "b_1", 4, 100), 3)));
    assertEquals(v2, await(store.get("t_1")));
  }

  @Test
  @DisplayName("replace of a missing thread is false and creates nothing")
  void casMissing() {
    assertFalse(await(store.replace(thread("t_none", "b_1", 2, 100), 1)));
    assertNull(await(store.get("t_none")));
    assertTrue(await(store.listForBoard("b_1")).isEmpty());
  }

  @Test
  @DisplayName("two replaces from the same version, fired together from two threads: exactly one wins")
  void casConcurrent() throws Exception {
    await(store.insert(thread("t_1", "b_1", 1, 100)));
    for (long v = 1; v <= 10; v++) {
      JsonObject a = thread("t_1", "b_1", v + 1, 100).put("kind", "a" + v);
      JsonObject b = thread("t_1", "b_1", v + 1, 100).put("kind", "b" + v);
      long expected = v;
      CyclicBarrier together = new CyclicBarrier(2);
      CompletableFuture<Future<Boolean>> firedA = CompletableFuture.supplyAsync(() -> fire(together, a, expected));
      CompletableFuture<Future<Boolean>> firedB = CompletableFuture.supplyAsync(() -> fire(together, b, expected));
      Future<Boolean> replacedA = firedA.get();
      Future<Boolean> replacedB = firedB.get();
      boolean wonA = await(replacedA);
      boolean wonB = await(replacedB);
      assertNotEquals(wonA, wonB, "exactly one replace wins at version " + v);
      assertEquals(wonA ? a : b, await(store.get("t_1")));
    }
  }

  @Test
  @DisplayName("deleteBoard removes that board's threads only")
  void deleteBoard() {
    await(store.insert(thread("t_1", "b_1", 1, 100)));
    await(store.insert(thread("t_2", "b_1", 1, 200)));
    await(store.insert(thread("t_3", "b_2", 1, 300)));
    await(store.deleteBoard("b_1"));
    assertTrue(await(store.listForBoard("b_1")).isEmpty());
    assertNull(await(store.get("t_1")));
    assertEquals(thread("t_3", "b_2", 1, 300), await(store.get("t_3")));
    await(store.deleteBoard("b_none"));
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
