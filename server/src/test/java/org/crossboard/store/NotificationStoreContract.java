package org.crossboard.store;

import static org.crossboard.store.Await.await;
import static org.crossboard.store.Await.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What every {@link NotificationStore} adapter must do. */
abstract class NotificationStoreContract {
  NotificationStore store;

  abstract NotificationStore create();

  @BeforeEach
  void setUp() {
    store = create();
  }

  static JsonObject notification(String id, String user, long at) {
    return new JsonObject().put("_id", id).put("user", user).put("board", "b_1").put("thread", "t_1")
        .put("comment", "m_" + id).put("reason", "mention")
        .put("from", new JsonObject().put("id", "u_fac").put("name", "Fay Ü").put("badge", "facilitator"))
        .put("excerpt", "Could you \"check\" ✓").put("at", at).put("read", false).putNull("mailedAt");
  }

  private static List<String> ids(List<JsonObject> list) {
    return list.stream().map(n -> n.getString("_id")).toList();
  }

  @Test
  @DisplayName("insert then list returns an equal document; at stays a long; a second _id is refused")
  void roundTrip() {
    JsonObject n = notification("n_1", "u_1", 1_764_500_000_000L);
    await(store.insert(n));
    List<JsonObject> got = await(store.list("u_1", false, 10));
    assertEquals(List.of(n), got);
    assertInstanceOf(Long.class, got.get(0).getValue("at"));
    assertInstanceOf(DuplicateKeyException.class, failure(store.insert(notification("n_1", "u_2", 5))));
    assertTrue(await(store.list("u_2", false, 10)).isEmpty());
  }

  @Test
  @DisplayName("list: the person's only, newest first, limited, unread only when asked")
  void listOrder() {
    await(store.insert(notification("n_a", "u_1", 100)));
    await(store.insert(notification("n_b", "u_1", 300)));
    await(store.insert(notification("n_c", "u_2", 200)));
    await(store.insert(notification("n_d", "u_1", 200)));
    await(store.insert(notification("n_e", "u_1", 300)));
    assertEquals(List.of("n_e", "n_b", "n_d", "n_a"), ids(await(store.list("u_1", false, 10))));
    assertEquals(List.of("n_e", "n_b"), ids(await(store.list("u_1", false, 2))));
    await(store.markRead("u_1", List.of("n_b")));
    assertEquals(List.of("n_e", "n_d", "n_a"), ids(await(store.list("u_1", true, 10))));
    assertEquals(List.of("n_c"), ids(await(store.list("u_2", true, 10))));
  }

  @Test
  @DisplayName("newerThan: the person's notifications after the instant, newest first")
  void newerThan() {
    await(store.insert(notification("n_1", "u_1", 100)));
    await(store.insert(notification("n_2", "u_1", 200)));
    await(store.insert(notification("n_3", "u_1", 300)));
    await(store.insert(notification("n_4", "u_2", 400)));
    assertEquals(List.of("n_3", "n_2"), ids(await(store.newerThan("u_1", 100))));
    assertTrue(await(store.newerThan("u_1", 300)).isEmpty());
  }

  @Test
  @DisplayName("unread count; markRead and markAllRead touch only that person's notifications")
  void readIsolation() {
    await(store.insert(notification("n_1", "u_1", 100)));
    await(store.insert(notification("n_2", "u_1", 200)));
    await(store.insert(notification("n_3", "u_1", 300)));
    await(store.insert(notification("n_4", "u_2", 400)));
    assertEquals(3L, await(store.unreadCount("u_1")));
    assertEquals(0L, await(store.unreadCount("u_none")));

    await(store.markRead("u_1", List.of("n_1", "n_4", "n_none")));
    assertEquals(2L, await(store.unreadCount("u_1")));
    assertEquals(1L, await(store.unreadCount("u_2")), "another person's id in the list is left alone");
    assertEquals(notification("n_1", "u_1", 100).put("read", true), await(store.list("u_1", false, 10)).get(2));

    await(store.markAllRead("u_1"));
    assertEquals(0L, await(store.unreadCount("u_1")));
    assertEquals(1L, await(store.unreadCount("u_2")));
    await(store.markRead("u_2", List.of()));
    assertEquals(1L, await(store.unreadCount("u_2")));
  }

  @Test
  @DisplayName("unmailed: unread, never mailed, older than the cut-off, everyone's, by person then oldest first")
  void unmailed() {
    await(store.insert(notification("n_1", "u_2", 100)));
    await(store.insert(notification("n_2", "u_1", 200)));
    await(store.insert(notification("n_3", "u_1", 150)));
    await(store.insert(notification("n_4", "u_1", 500)));
    await(store.insert(notification("n_5", "u_1", 120)));
    await(store.insert(notification("n_6", "u_2", 130)).compose(v -> store.markRead("u_2", List.of("n_6"))));
    JsonObject noField = notification("n_7", "u_3", 110);
    noField.remove("mailedAt");
    await(store.insert(noField));
    assertEquals(List.of("n_5", "n_3", "n_2", "n_1", "n_7"), ids(await(store.unmailed(400))));

    await(store.markMailed(List.of("n_5", "n_1"), 1_764_500_000_000L));
    assertEquals(List.of("n_3", "n_2", "n_7"), ids(await(store.unmailed(400))));
    JsonObject mailed = await(store.list("u_2", false, 10)).get(1);
    assertEquals(notification("n_1", "u_2", 100).put("mailedAt", 1_764_500_000_000L), mailed);
    assertInstanceOf(Long.class, mailed.getValue("mailedAt"));
  }

  @Test
  @DisplayName("mutes: per person, muting twice is once, unmute removes, unknown person has none")
  void mutes() {
    assertEquals(Set.of(), await(store.mutes("u_1")));
    await(store.mute("u_1", "board:b_1", true));
    await(store.mute("u_1", "thread:t_1", true));
    await(store.mute("u_1", "thread:t_1", true));
    await(store.mute("u_2", "thread:t_2", true));
    assertEquals(Set.of("board:b_1", "thread:t_1"), await(store.mutes("u_1")));
    await(store.mute("u_1", "board:b_1", false));
    await(store.mute("u_1", "board:b_none", false));
    assertEquals(Set.of("thread:t_1"), await(store.mutes("u_1")));
    assertEquals(Set.of("thread:t_2"), await(store.mutes("u_2")));
  }

  @Test
  @DisplayName("[K7] a person's digest of a period is claimed once, whoever asks; other people and periods are free")
  void digestClaimedOnce() {
    assertTrue(await(store.claimDigest("u_1", 20_000)));
    assertEquals(false, await(store.claimDigest("u_1", 20_000)));
    assertTrue(await(store.claimDigest("u_1", 20_001)));
    assertTrue(await(store.claimDigest("u_2", 20_000)));
  }
}
