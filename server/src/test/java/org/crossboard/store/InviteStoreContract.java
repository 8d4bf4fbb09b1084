package org.crossboard.store;

import static org.crossboard.store.Await.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.crossboard.access.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What every {@link InviteStore} adapter must do. */
abstract class InviteStoreContract {
  static final long NOW = 1_700_000_000_000L;
  static final long DAY = 86_400_000L;
  InviteStore store;

  abstract InviteStore create();

  @BeforeEach
  void setUp() {
    store = create();
  }

  static Invite invite(String id, String workspace, int maxUses, long createdAt) {
    return new Invite(id, workspace, null, Role.EDITOR, NOW + DAY, maxUses, maxUses, false, "u1", createdAt);
  }

  @Test
  @DisplayName("insert and get round-trip, workspace and board invitations")
  void insertGet() {
    Invite ws = invite("i1", "w1", 3, NOW);
    Invite board = new Invite("i2", "w1", "b1", Role.VIEWER, NOW + DAY, 10, 10, false, "u2", NOW + 1);
    await(store.insert(ws));
    await(store.insert(board));
    assertEquals(ws, await(store.get("i1")));
    assertEquals(board, await(store.get("i2")));
    assertNull(await(store.get("nope")));
  }

  @Test
  @DisplayName("use takes one use at a time until none is left")
  void useUntilUsedUp() {
    await(store.insert(invite("i1", "w1", 2, NOW)));
    Invite first = await(store.use("i1", NOW));
    assertEquals(1, first.remaining());
    assertEquals(1, first.uses());
    assertEquals(invite("i1", "w1", 2, NOW).role(), first.role());
    assertEquals(0, await(store.use("i1", NOW)).remaining());
    assertNull(await(store.use("i1", NOW)));
    Invite after = await(store.get("i1"));
    assertEquals(0, after.remaining());
    assertEquals(2, after.uses());
  }

  @Test
  @DisplayName("an expired, revoked or unknown invitation cannot be used")
  void unusable() {
    await(store.insert(invite("i1", "w1", 5, NOW)));
    assertNull(await(store.use("i1", NOW + DAY))); // expiresAt is exclusive
    assertNull(await(store.use("i1", NOW + 2 * DAY)));
    assertEquals(5, await(store.get("i1")).remaining());
    assertNotNull(await(store.use("i1", NOW + DAY - 1)));

    await(store.insert(invite("i2", "w1", 5, NOW)));
    assertTrue(await(store.revoke("i2")));
    assertNull(await(store.use("i2", NOW)));
    assertEquals(5, await(store.get("i2")).remaining());

    assertNull(await(store.use("nope", NOW)));
    assertNull(await(store.get("nope")));
  }

  @Test
  @DisplayName("20 concurrent uses of a 5-use invitation: exactly 5 succeed")
  void concurrentUses() throws Exception {
    await(store.insert(invite("i1", "w1", 5, NOW)));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<CompletableFuture<Future<Invite>>> fired = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        fired.add(CompletableFuture.supplyAsync(() -> {
          try {
            start.await();
          } catch (InterruptedException e) {
            throw new IllegalStateException(e);
          }
          return store.use("i1", NOW);
        }, pool));
      }
      start.countDown();
      List<Future<Invite>> uses = new ArrayList<>();
      for (CompletableFuture<Future<Invite>> f : fired) {
        uses.add(f.get());
      }
      List<Invite> taken = uses.stream().map(Await::await).filter(Objects::nonNull).toList();
      assertEquals(5, taken.size());
      assertEquals(List.of(0, 1, 2, 3, 4), taken.stream().map(Invite::remaining).sorted().toList());
      assertEquals(0, await(store.get("i1")).remaining());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  @DisplayName("revoke is true once, then false; unknown is false")
  void revoke() {
    await(store.insert(invite("i1", "w1", 5, NOW)));
    assertTrue(await(store.revoke("i1")));
    assertFalse(await(store.revoke("i1")));
    assertTrue(await(store.get("i1")).revoked());
    assertFalse(await(store.revoke("nope")));
  }

  @Test
  @DisplayName("byWorkspace lists that workspace's invitations newest first")
  void byWorkspace() {
    await(store.insert(invite("i1", "w1", 1, NOW)));
    await(store.insert(invite("i2", "w2", 1, NOW + 5)));
    await(store.insert(invite("i3", "w1", 1, NOW + 10)));
    await(store.insert(invite("i4", "w1", 1, NOW + 5)));
    assertEquals(List.of("i3", "i4", "i1"), await(store.byWorkspace("w1")).stream().map(Invite::id).toList());
    assertEquals(List.of(invite("i2", "w2", 1, NOW + 5)), await(store.byWorkspace("w2")));
    assertTrue(await(store.byWorkspace("w3")).isEmpty());
  }
}
