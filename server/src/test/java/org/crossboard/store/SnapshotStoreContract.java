package org.crossboard.store;

import static org.crossboard.store.Await.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What every {@link SnapshotStore} adapter must do. */
abstract class SnapshotStoreContract {
  SnapshotStore store;

  abstract SnapshotStore create();

  @BeforeEach
  void setUp() {
    store = create();
  }

  static JsonArray records(String text) {
    return new JsonArray().add(new JsonObject().put("id", "board").put("type", "board"))
        .add(new JsonObject().put("id", "n1").put("type", "note").put("x", 1.5).put("text", text).put("locked", true));
  }

  @Test
  @DisplayName("[D4] latest is the snapshot with the highest seq; none is null")
  void latestWins() {
    assertNull(await(store.latest("b1")));
    await(store.save("b1", new Snapshot(10, records("ten"))));
    await(store.save("b1", new Snapshot(20, records("twenty"))));
    await(store.save("b1", new Snapshot(15, records("fifteen"))));
    Snapshot latest = await(store.latest("b1"));
    assertEquals(20, latest.seq());
    assertEquals(records("twenty").encode(), latest.records().encode());
  }

  @Test
  @DisplayName("saving the same seq twice is harmless")
  void sameSeqTwice() {
    await(store.save("b1", new Snapshot(5, records("a"))));
    await(store.save("b1", new Snapshot(5, records("a"))));
    assertEquals(5, await(store.latest("b1")).seq());
  }

  @Test
  @DisplayName("boards are separate and deletable")
  void deleteBoard() {
    await(store.save("b1", new Snapshot(1, records("one"))));
    await(store.save("b2", new Snapshot(2, records("two"))));
    await(store.deleteBoard("b1"));
    assertNull(await(store.latest("b1")));
    assertEquals(2, await(store.latest("b2")).seq());
  }
}
