package org.crossboard.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.crossboard.access.Role;
import org.crossboard.protocol.ClientMessage;
import org.crossboard.pubsub.PubSub;
import org.crossboard.pubsub.local.LocalPubSub;
import org.crossboard.replication.LeaseStore;
import org.crossboard.replication.ReplicationFeature;
import org.crossboard.replication.ReplicationSettings;
import org.crossboard.replication.memory.InMemoryLeaseStore;
import org.crossboard.store.BoardInfo;
import org.crossboard.store.Op;
import org.crossboard.store.Stores;
import org.crossboard.store.memory.InMemoryBoardCatalog;
import org.crossboard.store.memory.InMemoryOpLog;
import org.crossboard.store.memory.InMemorySnapshotStore;
import org.crossboard.store.memory.InMemoryStores;
import org.crossboard.testing.Changes;
import org.crossboard.testing.RecordingMember;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Two nodes in one JVM (one op log, one lease store, in-process pub/sub) with a client on the node
 * that forwards its pushes, and pub/sub losing one forwarded push: the client's later pushes must
 * not overtake it (SPEC.md M7, C7).
 */
class ForwardedPushOrderTest {
  static final ReplicationSettings FAST = new ReplicationSettings(600, 2_000, 300);

  /** Real in-process pub/sub that loses the first push forwarded to {@code node}, as Redis may. */
  static final class LosesFirstForward implements PubSub {
    final PubSub delegate;
    final String channel;
    final AtomicInteger lost = new AtomicInteger();

    LosesFirstForward(PubSub delegate, String node) {
      this.delegate = delegate;
      this.channel = PubSub.CHANNEL_PREFIX + "node:" + node;
    }

    @Override
    public Future<Subscription> subscribe(String channel, Handler<String> handler) {
      return delegate.subscribe(channel, handler);
    }

    @Override
    public Future<Void> publish(String channel, String message) {
      if (channel.equals(this.channel) && message.contains("\"kind\":\"push\"") && lost.compareAndSet(0, 1)) {
        return Future.succeededFuture(); // gone, as a message published while a subscriber reconnects
      }
      return delegate.publish(channel, message);
    }

    @Override
    public boolean connected() {
      return delegate.connected();
    }

    @Override
    public void reconnectHandler(Handler<Void> handler) {
      delegate.reconnectHandler(handler);
    }

    @Override
    public Future<Void> close() {
      return delegate.close();
    }
  }

  Vertx vertx;
  InMemoryOpLog log;
  Stores stores;
  LeaseStore leases;
  LosesFirstForward pubsub;

  @BeforeEach
  void setUp() {
    vertx = Vertx.vertx();
    InMemoryBoardCatalog catalog = new InMemoryBoardCatalog();
    catalog.insert(new BoardInfo("b1", "w1", "Forwarding", 1));
    log = new InMemoryOpLog();
    stores = InMemoryStores.with(catalog, log, new InMemorySnapshotStore());
    leases = new InMemoryLeaseStore();
    pubsub = new LosesFirstForward(new LocalPubSub(vertx), "node-a");
  }

  @AfterEach
  void tearDown() {
    vertx.close();
  }

  RoomRegistry node(String id) throws Exception {
    ReplicationFeature replication = new ReplicationFeature(id, pubsub, stores.ops(), leases, FAST,
        new SimpleMeterRegistry());
    replication.start().await(5, TimeUnit.SECONDS);
    return new RoomRegistry(stores, RoomSettings.DEFAULTS, vertx, pubsub, id, true,
        RoomFeatures.of(List.of(replication)), new RoomMetrics());
  }

  static BoardRoom join(RoomRegistry node, RecordingMember m) throws Exception {
    return node.join(m, new ClientMessage.Hello(null, 1, "b1", m.clientId(), null, null)).await(5, TimeUnit.SECONDS);
  }

  @Test
  @DisplayName("[M7][C7] a forwarded push lost on the way is sent again before the same client's later pushes: all applied, in order")
  void lostForwardKeepsOrder() throws Exception {
    RoomRegistry nodeA = node("node-a");
    RoomRegistry nodeB = node("node-b");
    join(nodeA, new RecordingMember("client-on-a", "u-a", Role.EDITOR)); // node A takes the board's lease
    awaitTrue(() -> "node-a".equals(holder()));
    RecordingMember onB = new RecordingMember("client-on-b", "u-b", Role.EDITOR);
    BoardRoom roomB = join(nodeB, onB);

    for (int i = 1; i <= 3; i++) {
      ClientMessage.Push push = new ClientMessage.Push("r" + i, i,
          new JsonArray().add(Changes.put(Changes.note("n" + i, i, 0, "push " + i))));
      roomB.submit(onB, push.id(), push); // as BoardRoomTest does: the room is idle between frames
    }
    awaitTrue(() -> onB.ofType("ack").size() == 3);

    assertEquals(1, pubsub.lost.get(), "the first forwarded push was lost on the way");
    long lastSeq = 0;
    for (JsonObject ack : onB.ofType("ack")) {
      assertNull(ack.getValue("duplicate"), "applied, not taken for a duplicate: " + ack.encode());
      assertTrue(ack.getLong("seq") > lastSeq, "acknowledged in order");
      lastSeq = ack.getLong("seq");
    }
    List<Op> ops = log.range("b1", 0, 100, 100).await(5, TimeUnit.SECONDS);
    assertEquals(List.of(1L, 2L, 3L), ops.stream().filter(op -> op.clientId().equals("client-on-b"))
        .map(Op::clientSeq).toList(), "the client's pushes were sequenced in the order it sent them");
  }

  String holder() {
    LeaseStore.Lease lease = leases.current("b1").result();
    return lease == null ? null : lease.node();
  }

  static void awaitTrue(java.util.function.BooleanSupplier condition) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 10_000;
    while (!condition.getAsBoolean()) {
      assertTrue(System.currentTimeMillis() < deadline, "not reached in time");
      Thread.sleep(10);
    }
  }
}
