package org.crossboard.store;

import static org.crossboard.store.Await.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What every {@link AuthSessionStore} adapter must do. */
abstract class AuthSessionStoreContract {
  AuthSessionStore store;

  abstract AuthSessionStore create();

  @BeforeEach
  void setUp() {
    store = create();
  }

  @Test
  @DisplayName("insert and get; unknown is null")
  void insertGet() {
    AuthSession s = new AuthSession("s1", "u1", 1_700_000_000_000L, 1_700_086_400_000L);
    await(store.insert(s));
    assertEquals(s, await(store.get("s1")));
    assertNull(await(store.get("nope")));
  }

  @Test
  @DisplayName("extend moves the expiry; a missing session cannot be extended")
  void extend() {
    await(store.insert(new AuthSession("s1", "u1", 100, 200)));
    assertTrue(await(store.extend("s1", 5_000_000_000_000L)));
    assertEquals(new AuthSession("s1", "u1", 100, 5_000_000_000_000L), await(store.get("s1")));
    assertTrue(await(store.extend("s1", 5_000_000_000_000L))); // same expiry again: still there
    assertFalse(await(store.extend("nope", 300)));
    assertNull(await(store.get("nope")));
  }

  @Test
  @DisplayName("delete removes only that session, once")
  void delete() {
    await(store.insert(new AuthSession("s1", "u1", 100, 200)));
    await(store.insert(new AuthSession("s2", "u1", 100, 200)));
    assertTrue(await(store.delete("s1")));
    assertFalse(await(store.delete("s1")));
    assertNull(await(store.get("s1")));
    assertFalse(await(store.extend("s1", 300)));
    assertEquals("s2", await(store.get("s2")).id());
  }

  @Test
  @DisplayName("deleteExpired removes sessions expired at that time, and only those")
  void deleteExpired() {
    await(store.insert(new AuthSession("old", "u1", 100, 200)));
    await(store.insert(new AuthSession("edge", "u1", 100, 300)));
    await(store.insert(new AuthSession("live", "u1", 100, 301)));
    assertEquals(2L, await(store.deleteExpired(300)));
    assertNull(await(store.get("old")));
    assertNull(await(store.get("edge")));
    assertEquals("live", await(store.get("live")).id());
    assertEquals(0L, await(store.deleteExpired(300)));
  }

  @Test
  @DisplayName("byUser lists only that person's sessions")
  void byUser() {
    await(store.insert(new AuthSession("a1", "ana", 100, 200)));
    await(store.insert(new AuthSession("a2", "ana", 100, 200)));
    await(store.insert(new AuthSession("b1", "ben", 100, 200)));
    assertEquals(java.util.Set.of("a1", "a2"),
        await(store.byUser("ana")).stream().map(AuthSession::id).collect(java.util.stream.Collectors.toSet()));
    assertTrue(await(store.byUser("nobody")).isEmpty());
  }
}
