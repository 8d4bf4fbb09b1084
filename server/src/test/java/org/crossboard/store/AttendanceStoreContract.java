package org.crossboard.store;

import static org.crossboard.store.Await.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What every {@link AttendanceStore} adapter must do. */
abstract class AttendanceStoreContract {
  AttendanceStore store;

  abstract AttendanceStore create();

  @BeforeEach
  void setUp() {
    store = create();
  }

  static JsonObject event(String session, String user, String event, long at) {
    return new JsonObject().put("session", session).put("board", "b_1").put("user", user)
        .put("name", "Ana Müller " + user).put("org", "Riigikantselei").put("country", "EE")
        .put("event", event).put("at", at);
  }

  @Test
  @DisplayName("events come back as appended, in at order, equal at in append order")
  void order() {
    List<JsonObject> appended = List.of(
        event("s_1", "u_1", "join", 1_764_500_000_300L),
        event("s_1", "u_2", "join", 1_764_500_000_100L),
        event("s_1", "u_3", "join", 1_764_500_000_200L),
        event("s_1", "u_2", "leave", 1_764_500_000_200L),
        event("s_1", "u_4", "join", 1_764_500_000_100L),
        event("s_1", "u_1", "leave", 5L));
    for (JsonObject e : appended) {
      await(store.append(e));
    }
    List<JsonObject> listed = await(store.list("s_1"));
    assertEquals(List.of(appended.get(5), appended.get(1), appended.get(4), appended.get(2), appended.get(3),
        appended.get(0)), listed);
    for (JsonObject e : listed) {
      assertFalse(e.containsKey("_id"));
      assertInstanceOf(Long.class, e.getValue("at"));
    }
  }

  @Test
  @DisplayName("append leaves the caller's event alone and stores a copy")
  void copies() {
    JsonObject e = event("s_1", "u_1", "join", 100);
    await(store.append(e));
    assertEquals(event("s_1", "u_1", "join", 100), e);
    e.put("event", "leave");
    await(store.list("s_1")).get(0).put("user", "u_changed");
    assertEquals(List.of(event("s_1", "u_1", "join", 100)), await(store.list("s_1")));
  }

  @Test
  @DisplayName("each session sees only its own events")
  void perSession() {
    await(store.append(event("s_1", "u_1", "join", 100)));
    await(store.append(event("s_2", "u_1", "join", 110)));
    await(store.append(event("s_1", "u_2", "join", 120)));
    await(store.append(event("s_2", "u_1", "leave", 130)));
    assertEquals(List.of(event("s_1", "u_1", "join", 100), event("s_1", "u_2", "join", 120)), await(store.list("s_1")));
    assertEquals(List.of(event("s_2", "u_1", "join", 110), event("s_2", "u_1", "leave", 130)), await(store.list("s_2")));
    assertTrue(await(store.list("s_none")).isEmpty());
  }

  @Test
  @DisplayName("appends from two threads at once are all kept")
  void concurrentAppends() throws Exception {
    List<Future<Void>> appended = new ArrayList<>();
    Thread other = new Thread(() -> {
      for (int i = 0; i < 50; i++) {
        Future<Void> f = store.append(event("s_1", "u_b", "join", i));
        synchronized (appended) {
          appended.add(f);
        }
      }
    });
    other.start();
    for (int i = 0; i < 50; i++) {
      Future<Void> f = store.append(event("s_1", "u_a", "join", i));
      synchronized (appended) {
        appended.add(f);
      }
    }
    other.join();
    appended.forEach(Await::await);
    List<JsonObject> listed = await(store.list("s_1"));
    assertEquals(100, listed.size());
    assertEquals(50, listed.stream().filter(e -> e.getString("user").equals("u_a")).count());
  }
}
