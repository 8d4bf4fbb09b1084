package org.crossboard.store;

import static org.crossboard.store.Await.await;
import static org.crossboard.store.Await.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What every {@link WorkspaceStore} adapter must do. */
abstract class WorkspaceStoreContract {
  WorkspaceStore store;

  abstract WorkspaceStore create();

  @BeforeEach
  void setUp() {
    store = create();
  }

  @Test
  @DisplayName("insert and get; unknown is null")
  void insertGet() {
    Workspace w = new Workspace("w1", "Smart City Challenge — Köln", "u1", 1_700_000_000_000L);
    await(store.insert(w));
    assertEquals(w, await(store.get("w1")));
    assertNull(await(store.get("nope")));
  }

  @Test
  @DisplayName("a workspace id is inserted once")
  void duplicateInsertFails() {
    await(store.insert(new Workspace("w1", "first", "u1", 1)));
    assertNotNull(failure(store.insert(new Workspace("w1", "second", "u2", 2))));
    assertEquals("first", await(store.get("w1")).name());
  }

  @Test
  @DisplayName("byIds: the existing ones, oldest first")
  void byIdsOldestFirst() {
    Workspace a = new Workspace("wa", "A", "u1", 300);
    Workspace b = new Workspace("wb", "B", "u1", 100);
    Workspace c = new Workspace("wc", "C", "u2", 200);
    await(store.insert(a));
    await(store.insert(b));
    await(store.insert(c));
    assertEquals(List.of(b, c, a), await(store.byIds(List.of("wa", "nope", "wc", "wb"))));
    assertEquals(List.of(c, a), await(store.byIds(List.of("wa", "wc", "wa"))));
    assertTrue(await(store.byIds(List.of())).isEmpty());
    assertTrue(await(store.byIds(List.of("nope"))).isEmpty());
  }
}
