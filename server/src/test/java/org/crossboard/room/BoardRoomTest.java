package org.crossboard.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.crossboard.access.Principal;
import org.crossboard.access.Role;
import org.crossboard.error.CrossboardException;
import org.crossboard.error.ErrorCode;
import org.crossboard.protocol.ClientMessage;
import org.crossboard.protocol.CloseCode;
import org.crossboard.pubsub.local.LocalPubSub;
import org.crossboard.store.Op;
import org.crossboard.testing.HeldOpLog;
import org.crossboard.testing.RecordingMember;
import org.crossboard.store.BoardInfo;
import org.crossboard.store.memory.InMemoryBoardCatalog;
import org.crossboard.store.memory.InMemorySnapshotStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The room's write pipeline with an op log whose writes the test completes by hand, so that
 * "nothing before durable", group commit and write failures can be observed exactly.
 */
class BoardRoomTest {
  Vertx vertx;
  HeldOpLog log;
  InMemorySnapshotStore snapshots;
  RoomRegistry registry;

  /** A member recording its frames; every test member is an editor named after its clientId. */
  static RecordingMember member(String clientId) {
    return new RecordingMember(clientId, "u-" + clientId, Role.EDITOR);
  }

  @BeforeEach
  void setUp() throws Exception {
    vertx = Vertx.vertx();
    log = new HeldOpLog();
    snapshots = new InMemorySnapshotStore();
    InMemoryBoardCatalog catalog = new InMemoryBoardCatalog();
    catalog.insert(new BoardInfo("b1", "w1", "Room test", 1));
    registry = new RoomRegistry(org.crossboard.store.memory.InMemoryStores.with(catalog, log, snapshots),
        new RoomSettings(3, 100, 100, 4), vertx, new LocalPubSub(vertx), "node-test", false, RoomFeatures.of(List.of()), new RoomMetrics());
  }

  @AfterEach
  void tearDown() {
    vertx.close();
  }

  BoardRoom join(RecordingMember m) throws Exception {
    return registry.join(m, new ClientMessage.Hello(null, 1, "b1", m.clientId(), null, null))
        .await(5, TimeUnit.SECONDS);
  }

  static void submit(BoardRoom room, RecordingMember member, ClientMessage.Push push) {
    room.submit(member, push.id(), push);
  }

  static ClientMessage.Push push(String id, long clientSeq, String noteId) {
    JsonObject note = new JsonObject().put("id", noteId).put("type", "note").put("order", "a")
        .put("x", 1).put("y", 2).put("w", 3).put("h", 4);
    return new ClientMessage.Push(id, clientSeq, new JsonArray().add(new JsonObject().put("op", "put").put("record", note)));
  }

  @Test
  @DisplayName("[D1] nothing is broadcast or acknowledged before the write is durable")
  void nothingBeforeDurable() throws Exception {
    RecordingMember a = member("client-a1");
    RecordingMember b = member("client-b1");
    BoardRoom room = join(a);
    join(b);
    submit(room, a, push("r1", 1, "n1"));
    assertTrue(a.opBatches().isEmpty() && a.ofType("ack").isEmpty() && b.opBatches().isEmpty());
    log.release(0);
    assertEquals(1, b.opBatches().size());
    assertEquals(1, a.ofType("ack").get(0).getLong("seq"));
  }

  @Test
  @DisplayName("[D3][B1] pushes arriving during a write go together in the next write and one frame")
  void groupCommit() throws Exception {
    RecordingMember a = member("client-a2");
    RecordingMember b = member("client-b2");
    BoardRoom room = join(a);
    join(b);
    submit(room, a, push("r1", 1, "n1"));
    submit(room, a, push("r2", 2, "n2"));
    submit(room, a, push("r3", 3, "n3"));
    submit(room, a, push("r4", 4, "n4"));
    assertEquals(1, log.appends.size(), "a lone push is written at once");
    log.release(0);
    assertEquals(2, log.appends.size());
    assertEquals(3, log.appends.get(1).size(), "the three queued pushes are one write");
    log.release(1);
    List<JsonObject> batches = b.opBatches();
    assertEquals(2, batches.size());
    assertEquals(3, batches.get(1).getJsonArray("ops").size());
    assertEquals(List.of(1L, 2L, 3L, 4L), a.ofType("ack").stream().map(f -> f.getLong("seq")).toList());
  }

  @Test
  @DisplayName("[D6] a failed write answers ERR_UNAVAILABLE and resets the room; the next join reloads the truth")
  void writeFailure() throws Exception {
    RecordingMember a = member("client-a3");
    BoardRoom room = join(a);
    submit(room, a, push("r1", 1, "n1"));
    log.release(0);
    submit(room, a, push("r2", 2, "n2"));
    submit(room, a, push("r3", 3, "n3"));
    log.fail(1);
    assertEquals(List.of("ERR_UNAVAILABLE", "ERR_UNAVAILABLE"),
        a.ofType("error").stream().map(e -> e.getString("code")).toList());
    assertEquals(CloseCode.ROOM_RESET, a.closed);
    RecordingMember again = member("client-a3");
    join(again);
    JsonObject welcome = again.ofType("welcome").get(0);
    assertEquals(1, welcome.getLong("seq"));
    assertEquals(1, welcome.getLong("applied"));
  }

  @Test
  @DisplayName("[B5] a feature writes through the durable pipeline as whoever it acts for, one person after another")
  void featureWritesAsSeveralPeople() throws Exception {
    RecordingMember a = member("client-a6");
    BoardRoom room = join(a);
    Principal ana = Principal.of("u-ana", "Ana", Role.FACILITATOR);
    Principal ben = Principal.of("u-ben", "Ben", Role.EDITOR);
    JsonArray note = push("r", 1, "n1").changes();
    Future<Long> first = room.handle().write(ana, note);
    awaitAppends(1);
    log.release(0);
    assertEquals(1L, first.await(5, TimeUnit.SECONDS));
    Future<Long> second = room.handle().write(ben, push("r", 2, "n2").changes());
    awaitAppends(2);
    log.release(1);
    assertEquals(2L, second.await(5, TimeUnit.SECONDS), "another person's write is not refused as someone else's clientId");
    Op byAna = log.appends.get(0).get(0);
    Op byBen = log.appends.get(1).get(0);
    assertEquals("u-ana", byAna.user().getString("id"));
    assertEquals("u-ben", byBen.user().getString("id"));
    assertNotEquals(byAna.clientId(), byBen.clientId(), "a clientId per person");
    assertFalse(byAna.clientId().equals("client-a6") || byBen.clientId().equals("client-a6"), "never a client's");
    assertEquals(2, a.opBatches().size(), "members see feature writes like any other op");
  }

  @Test
  @DisplayName("[B2][P7] an empty room that refuses a hello (someone else's clientId) still closes")
  void refusedHelloLeavesRoomClosing() throws Exception {
    RecordingMember owner = member("client-a7");
    BoardRoom room = join(owner);
    submit(room, owner, push("r1", 1, "n1"));
    log.release(0);
    room.leave(owner);
    RecordingMember intruder = new RecordingMember("client-a7", "u-someone-else", Role.EDITOR);
    CrossboardException refused = assertThrows(CrossboardException.class, () -> join(intruder));
    assertEquals(ErrorCode.ERR_FORBIDDEN, refused.code());
    long deadline = System.currentTimeMillis() + 5000;
    while (registry.roomCount() > 0 && System.currentTimeMillis() < deadline) {
      Thread.sleep(10);
    }
    assertEquals(0, registry.roomCount(), "the close timer still runs");
  }

  void awaitAppends(int count) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 5000;
    while (log.appends.size() < count && System.currentTimeMillis() < deadline) {
      Thread.sleep(5);
    }
    assertEquals(count, log.appends.size());
  }

  @Test
  @DisplayName("[D4][B2] snapshots every N ops, and the room snapshots and leaves the registry when empty")
  void snapshotsAndClose() throws Exception {
    RecordingMember a = member("client-a4");
    BoardRoom room = join(a);
    for (int i = 1; i <= 4; i++) {
      submit(room, a, push("r" + i, i, "n" + i));
      log.release(i - 1);
    }
    assertEquals(3, snapshots.latest("b1").await(1, TimeUnit.SECONDS).seq());
    room.leave(a);
    long deadline = System.currentTimeMillis() + 5000;
    while (registry.roomCount() > 0 && System.currentTimeMillis() < deadline) {
      Thread.sleep(10);
    }
    assertEquals(0, registry.roomCount());
    assertEquals(4, snapshots.latest("b1").await(1, TimeUnit.SECONDS).seq());
    assertNotNull(snapshots.latest("b1").await(1, TimeUnit.SECONDS).records());
    assertNull(a.closed);
  }

  @Test
  @DisplayName("[P6] a backlog over the bound stops reading the pusher's socket until it is down to half")
  void backpressure() throws Exception {
    RecordingMember a = member("client-a5");
    BoardRoom room = join(a);
    for (int i = 1; i <= 5; i++) {
      submit(room, a, push("r" + i, i, "n" + i)); // the first goes out at once, four queue behind it
    }
    assertEquals(false, a.paused, "four queued is at the bound, not over it");
    submit(room, a, push("r6", 6, "n6"));
    assertEquals(true, a.paused);
    log.release(0); // the five queued go out together; the queue is empty again
    log.release(1);
    assertEquals(false, a.paused);
    assertEquals(6, a.ofType("ack").size(), "nothing was rejected");
  }
}
