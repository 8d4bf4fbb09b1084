package org.crossboard.store;

import static org.crossboard.store.Await.await;
import static org.crossboard.store.Await.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What every {@link BoardCatalog} adapter must do. */
abstract class BoardCatalogContract {
  BoardCatalog catalog;

  abstract BoardCatalog create();

  @BeforeEach
  void setUp() {
    catalog = create();
  }

  @Test
  @DisplayName("insert, get, list a workspace's boards newest first")
  void insertGetList() {
    await(catalog.insert(new BoardInfo("b1", "w1", "Digital participation", 1000)));
    await(catalog.insert(new BoardInfo("b2", "w1", "Open data — Ränkeplan", 2000)));
    assertEquals(new BoardInfo("b1", "w1", "Digital participation", 1000), await(catalog.get("b1")));
    assertNull(await(catalog.get("nope")));
    assertEquals(List.of("b2", "b1"), await(catalog.byWorkspace("w1")).stream().map(BoardInfo::id).toList());
  }

  @Test
  @DisplayName("byWorkspace lists only that workspace's boards")
  void byWorkspaceFilters() {
    await(catalog.insert(new BoardInfo("b1", "w1", "one", 1)));
    await(catalog.insert(new BoardInfo("b2", "w2", "two", 2)));
    await(catalog.insert(new BoardInfo("b3", "w1", "three", 3)));
    assertEquals(List.of("b3", "b1"), await(catalog.byWorkspace("w1")).stream().map(BoardInfo::id).toList());
    assertEquals(List.of(new BoardInfo("b2", "w2", "two", 2)), await(catalog.byWorkspace("w2")));
    assertTrue(await(catalog.byWorkspace("w3")).isEmpty());
  }

  @Test
  @DisplayName("a board id is inserted once")
  void duplicateInsertFails() {
    await(catalog.insert(new BoardInfo("b1", "w1", "first", 1)));
    assertNotNull(failure(catalog.insert(new BoardInfo("b1", "w1", "second", 2))));
    assertEquals("first", await(catalog.get("b1")).title());
  }

  @Test
  @DisplayName("rename and delete")
  void renameDelete() {
    await(catalog.insert(new BoardInfo("b1", "w1", "old", 1)));
    await(catalog.rename("b1", "new"));
    assertEquals(new BoardInfo("b1", "w1", "new", 1), await(catalog.get("b1")));
    assertTrue(await(catalog.delete("b1")));
    assertFalse(await(catalog.delete("b1")));
    assertNull(await(catalog.get("b1")));
  }
}
