package org.crossboard.store;

import static org.crossboard.store.Await.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.crossboard.access.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What every {@link GrantStore} adapter must do. */
abstract class GrantStoreContract {
  GrantStore store;

  abstract GrantStore create();

  @BeforeEach
  void setUp() {
    store = create();
  }

  static Grant ws(String workspace, String user, Role role) {
    return new Grant(Grant.workspaceScope(workspace), workspace, user, role, 1_700_000_000_000L);
  }

  static Grant board(String board, String workspace, String user, Role role) {
    return new Grant(Grant.boardScope(board), workspace, user, role, 1_700_000_000_001L);
  }

  @Test
  @DisplayName("put then get; a second put on the same (scope, person) replaces")
  void putReplaces() {
    await(store.put(ws("w1", "u1", Role.EDITOR)));
    assertEquals(ws("w1", "u1", Role.EDITOR), await(store.get("w:w1", "u1")));
    Grant changed = new Grant("w:w1", "w1", "u1", Role.FACILITATOR, 1_800_000_000_000L);
    await(store.put(changed));
    assertEquals(changed, await(store.get("w:w1", "u1")));
    assertEquals(List.of(changed), await(store.byScope("w:w1")));
    assertNull(await(store.get("w:w1", "u2")));
    assertNull(await(store.get("w:w2", "u1")));
  }

  @Test
  @DisplayName("every role round-trips")
  void allRoles() {
    for (Role role : Role.values()) {
      await(store.put(ws("w1", "u-" + role, role)));
      assertEquals(role, await(store.get("w:w1", "u-" + role)).role());
    }
  }

  @Test
  @DisplayName("remove takes one grant, once")
  void remove() {
    await(store.put(ws("w1", "u1", Role.EDITOR)));
    await(store.put(ws("w1", "u2", Role.VIEWER)));
    assertTrue(await(store.remove("w:w1", "u1")));
    assertFalse(await(store.remove("w:w1", "u1")));
    assertNull(await(store.get("w:w1", "u1")));
    assertEquals(Role.VIEWER, await(store.get("w:w1", "u2")).role());
  }

  @Test
  @DisplayName("byScope and byUser")
  void byScopeByUser() {
    Grant a = ws("w1", "u1", Role.OWNER);
    Grant b = ws("w1", "u2", Role.EDITOR);
    Grant c = board("b1", "w1", "u2", Role.VIEWER);
    Grant d = ws("w2", "u1", Role.COMMENTER);
    for (Grant g : List.of(a, b, c, d)) {
      await(store.put(g));
    }
    assertEquals(Set.of(a, b), Set.copyOf(await(store.byScope("w:w1"))));
    assertEquals(List.of(c), await(store.byScope("b:b1")));
    assertTrue(await(store.byScope("w:w3")).isEmpty());
    assertEquals(Set.of(a, d), Set.copyOf(await(store.byUser("u1"))));
    assertEquals(Set.of(b, c), Set.copyOf(await(store.byUser("u2"))));
    assertTrue(await(store.byUser("u3")).isEmpty());
  }

  @Test
  @DisplayName("removeUserFromWorkspace removes the person's workspace and board grants there only")
  void removeUserFromWorkspace() {
    Grant keepOtherWorkspace = ws("w2", "u1", Role.EDITOR);
    Grant keepOtherWorkspaceBoard = board("b9", "w2", "u1", Role.VIEWER);
    Grant keepOtherUser = ws("w1", "u2", Role.EDITOR);
    Grant keepOtherUserBoard = board("b1", "w1", "u2", Role.COMMENTER);
    await(store.put(ws("w1", "u1", Role.OWNER)));
    await(store.put(board("b1", "w1", "u1", Role.EDITOR)));
    await(store.put(board("b2", "w1", "u1", Role.VIEWER)));
    for (Grant g : List.of(keepOtherWorkspace, keepOtherWorkspaceBoard, keepOtherUser, keepOtherUserBoard)) {
      await(store.put(g));
    }
    assertEquals(3, await(store.removeUserFromWorkspace("w1", "u1")));
    assertEquals(Set.of(keepOtherWorkspace, keepOtherWorkspaceBoard), Set.copyOf(await(store.byUser("u1"))));
    assertEquals(Set.of(keepOtherUser, keepOtherUserBoard), Set.copyOf(await(store.byUser("u2"))));
    assertEquals(0, await(store.removeUserFromWorkspace("w1", "u1")));
  }

  @Test
  @DisplayName("removeScope removes every grant on that scope only")
  void removeScope() {
    Grant other = board("b2", "w1", "u1", Role.EDITOR);
    Grant workspace = ws("w1", "u1", Role.OWNER);
    await(store.put(board("b1", "w1", "u1", Role.EDITOR)));
    await(store.put(board("b1", "w1", "u2", Role.VIEWER)));
    await(store.put(other));
    await(store.put(workspace));
    await(store.removeScope("b:b1"));
    assertTrue(await(store.byScope("b:b1")).isEmpty());
    assertTrue(await(store.byUser("u2")).isEmpty());
    assertEquals(Set.of(other, workspace), Set.copyOf(await(store.byUser("u1"))));
    await(store.removeScope("b:nope"));
  }
}
