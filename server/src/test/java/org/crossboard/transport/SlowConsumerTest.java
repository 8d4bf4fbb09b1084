package org.crossboard.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import io.vertx.core.Future;
import org.crossboard.access.Authenticator;
import org.crossboard.access.Principal;
import org.crossboard.access.Role;
import org.crossboard.protocol.ClientMessage;
import org.crossboard.store.memory.InMemoryStores;
import org.crossboard.room.RoomFeatures;
import org.crossboard.room.RoomRegistry;
import org.crossboard.room.RoomSettings;
import org.crossboard.protocol.CloseCode;
import org.crossboard.pubsub.local.LocalPubSub;
import org.crossboard.store.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * [P6] The per-connection send bound. Whether a real socket's queue fills depends on kernel buffer
 * autotuning, so the transport here is a socket whose queue the test fills and drains by hand.
 */
class SlowConsumerTest {
  static final int BOUND = 1000;
  Vertx vertx;
  QueueSocket socket;
  Connection connection;

  /** A transport socket with a write queue the test controls. */
  static final class QueueSocket implements ClientSocket {
    final List<String> sent = new ArrayList<>();
    boolean full;
    Handler<Void> drain;
    CloseCode closed;

    @Override
    public void send(String frame) {
      sent.add(frame);
    }

    @Override
    public boolean writeQueueFull() {
      return full;
    }

    @Override
    public void drainHandler(Handler<Void> handler) {
      drain = handler;
    }

    @Override
    public int writeQueueMaxBytes() {
      return BOUND;
    }

    @Override
    public void close(CloseCode code, String reason) {
      closed = code;
    }

    @Override
    public void textHandler(Handler<String> handler) {}

    @Override
    public void pause() {}

    @Override
    public void resume() {}

    @Override
    public void closeHandler(Handler<Void> handler) {}
  }

  /** These tests never say hello. */
  static final class NobodyAuthenticator implements Authenticator {
    @Override
    public Future<Principal> authenticate(ClientMessage.Hello hello) {
      return Future.failedFuture("no hello in these tests");
    }

    @Override
    public Future<Role> recheck(Principal principal, String board) {
      return Future.succeededFuture(null);
    }
  }

  @BeforeEach
  void setUp() {
    vertx = Vertx.vertx();
    socket = new QueueSocket();
    Stores stores = InMemoryStores.create();
    ConnectionSupervisor supervisor = new ConnectionSupervisor(vertx, 10_000, 60_000, 20);
    RoomFeatures features = RoomFeatures.of(java.util.List.of());
    connection = new Connection(socket, new RoomRegistry(stores, RoomSettings.DEFAULTS, vertx, new LocalPubSub(vertx),
        "node-test", false, features, new org.crossboard.room.RoomMetrics()), features, new NobodyAuthenticator(), supervisor);
  }

  @AfterEach
  void tearDown() {
    vertx.close();
  }

  @Test
  @DisplayName("[P6] a full queue may take one more bound's worth while draining, then the socket is closed")
  void closesBeyondTwiceTheBound() {
    connection.send("x".repeat(400)); // 400 written: the queue is checked (every 250) and not full
    socket.full = true;
    connection.send("y".repeat(400)); // checked again: full; congested from here
    connection.send("z".repeat(500)); // 500 of 1000 allowed
    connection.send("w".repeat(200)); // 700
    assertNull(socket.closed);
    connection.send("v".repeat(400)); // 1100 > 1000
    assertEquals(CloseCode.SLOW_CONSUMER, socket.closed);
    assertEquals(4, socket.sent.size());
    connection.send("after close");
    assertEquals(4, socket.sent.size());
  }

  @Test
  @DisplayName("[P6] a queue that drains resets the allowance")
  void drainResets() {
    socket.full = true;
    connection.send("a".repeat(900)); // checked: full
    socket.full = false;
    socket.drain.handle(null);
    connection.send("b".repeat(900));
    connection.send("c".repeat(900));
    assertNull(socket.closed);
    assertEquals(3, socket.sent.size());
  }

  @Test
  @DisplayName("[P6] small writes ask the transport only now and then")
  void checksAreSampled() {
    socket.full = true;
    for (int i = 0; i < 4; i++) {
      connection.send("s".repeat(50)); // 200 < 250: not asked yet, so not congested
    }
    assertNull(socket.drain);
    connection.send("s".repeat(50)); // 250: asked
    assertEquals(true, socket.drain != null);
  }

  @Test
  @DisplayName("[P6][S3] while the server does not read a socket (backpressure), its silence is not the client's")
  void pausedIsNotSilent() throws InterruptedException {
    long opened = connection.lastHeardAt();
    Thread.sleep(30);
    connection.pauseReading();
    assertEquals(true, connection.lastHeardAt() >= opened + 30);
    connection.resumeReading();
    Thread.sleep(30);
    assertEquals(true, System.currentTimeMillis() - connection.lastHeardAt() >= 30, "after resuming, silence counts again");
  }
}
