package org.crossboard.transport;

import io.vertx.core.Vertx;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.List;
import java.util.Set;
import io.vertx.core.json.JsonObject;
import org.crossboard.access.AccessEvents;
import org.crossboard.protocol.CloseCode;

/**
 * Enforces the named timeouts of all connections with one periodic sweep instead of a timer per
 * connection (SPEC.md P1, P5): handshake timeout, idle timeout and guest link expiry; and the
 * per-person connection limit and access re-checks across all of this node's connections.
 */
public final class ConnectionSupervisor {
  private final Set<Connection> connections = new LinkedHashSet<>();
  private final Map<CloseCode, LongAdder> closes = new EnumMap<>(CloseCode.class);
  private final long handshakeTimeoutMs;
  private final long idleTimeoutMs;
  private final int maxConnectionsPerUser;
  private final Vertx vertx;
  private long timer = -1;

  public ConnectionSupervisor(Vertx vertx, long handshakeTimeoutMs, long idleTimeoutMs, int maxConnectionsPerUser) {
    for (CloseCode code : CloseCode.values()) { // all present up front: metrics read them from any thread
      closes.put(code, new LongAdder());
    }
    this.vertx = vertx;
    this.handshakeTimeoutMs = handshakeTimeoutMs;
    this.idleTimeoutMs = idleTimeoutMs;
    this.maxConnectionsPerUser = maxConnectionsPerUser;
  }

  public void start() {
    long period = Math.max(100, Math.min(handshakeTimeoutMs, idleTimeoutMs) / 4);
    timer = vertx.setPeriodic(period, t -> sweep(System.currentTimeMillis()));
  }

  /** Runs {@code action} on the event loop after {@code ms}. */
  void later(long ms, Runnable action) {
    vertx.setTimer(ms, t -> action.run());
  }

  public void stop() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
  }

  void add(Connection c) {
    connections.add(c);
  }

  void remove(Connection c) {
    connections.remove(c);
  }

  public int count() {
    return connections.size();
  }

  int maxConnectionsPerUser() {
    return maxConnectionsPerUser;
  }

  /** How many other joined or joining connections of this node belong to the person (SPEC.md P10). */
  int connectionsOf(String userId, Connection except) {
    int n = 0;
    for (Connection c : connections) {
      if (c != except && c.state() != Connection.State.CLOSED && c.principal() != null
          && c.principal().userId().equals(userId)) {
        n++;
      }
    }
    return n;
  }

  /**
   * Someone's access changed (an {@link AccessEvents} event): the open connections it may concern
   * re-read their role. Linear in this node's connections, which is fine for events that follow
   * a person's click.
   */
  public void onAccessEvent(JsonObject event) {
    for (Connection c : List.copyOf(connections)) {
      if (c.state() == Connection.State.OPEN && AccessEvents.concerns(event, c.principal(), c.boardId())) {
        c.recheckAccess();
      }
    }
  }

  /** Re-checks every open connection: access events may have been lost while pub/sub was down. */
  public void recheckAll() {
    for (Connection c : List.copyOf(connections)) {
      c.recheckAccess();
    }
  }

  void closedWith(CloseCode code) {
    closes.get(code).increment();
  }

  /** How many connections the server closed with {@code code} since start. */
  public long closes(CloseCode code) {
    return closes.get(code).sum();
  }

  /** How many connections the server closed, by close code, since start (for metrics). */
  public Map<String, Long> closesByCode() {
    Map<String, Long> out = new TreeMap<>();
    closes.forEach((code, n) -> {
      if (n.sum() > 0) {
        out.put(code.name(), n.sum());
      }
    });
    return out;
  }

  private void sweep(long now) {
    for (Connection c : List.copyOf(connections)) {
      switch (c.state()) {
        case AWAITING_HELLO, JOINING -> {
          if (now - c.openedAt() > handshakeTimeoutMs) {
            c.close(CloseCode.HANDSHAKE_TIMEOUT, "no hello in time");
          }
        }
        case OPEN -> {
          if (now - c.lastReceivedAt() > idleTimeoutMs) {
            c.close(CloseCode.IDLE_TIMEOUT, "nothing received; ping every 20 s");
          } else if (now >= c.principal().accessUntil()) {
            c.accessEnded("your invitation link has expired");
          }
        }
        case CLOSED -> connections.remove(c);
      }
    }
  }
}
