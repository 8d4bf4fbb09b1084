package org.crossboard.transport;

import io.vertx.core.Vertx;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.List;
import java.util.Set;
import org.crossboard.protocol.CloseCode;

/**
 * Enforces the named timeouts of all connections with one periodic sweep instead of a timer per
 * connection (SPEC.md P1, P5): handshake timeout and idle timeout.
 */
public final class ConnectionSupervisor {
  private final Set<Connection> connections = new LinkedHashSet<>();
  private final Map<CloseCode, LongAdder> closes = new EnumMap<>(CloseCode.class);
  private final long handshakeTimeoutMs;
  private final long idleTimeoutMs;
  private final Vertx vertx;
  private long timer = -1;

  public ConnectionSupervisor(Vertx vertx, long handshakeTimeoutMs, long idleTimeoutMs) {
    this.vertx = vertx;
    this.handshakeTimeoutMs = handshakeTimeoutMs;
    this.idleTimeoutMs = idleTimeoutMs;
  }

  public void start() {
    long period = Math.max(100, Math.min(handshakeTimeoutMs, idleTimeoutMs) / 4);
    timer = vertx.setPeriodic(period, t -> sweep(System.currentTimeMillis()));
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

  void closedWith(CloseCode code) {
    closes.computeIfAbsent(code, c -> new LongAdder()).increment();
  }

  /** How many connections the server closed, by close code, since start (for metrics). */
  public Map<String, Long> closesByCode() {
    Map<String, Long> out = new TreeMap<>();
    closes.forEach((code, n) -> out.put(code.name(), n.sum()));
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
          }
        }
        case CLOSED -> connections.remove(c);
      }
    }
  }
}
