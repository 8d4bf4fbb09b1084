package org.crossboard.testing;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A client that behaves as the web client does when things go wrong: pushes stay pending until
 * acknowledged; a closed or refused connection is retried (on the nodes in the order given, first
 * the first, then round robin) and resumed
 * with {@code lastSeq}; after each welcome, pushes it says are durable ({@code applied}) count as
 * done and the rest are re-sent in order. Each push creates one note with a unique id, so a test can
 * check that every push acknowledged is in the board. Driven by the test thread through
 * {@link #pump}.
 */
public final class ResilientClient implements AutoCloseable {
  private final List<Integer> ports;
  private final String board;
  public final String clientId;
  private final String token;
  private final LinkedHashMap<Long, JsonObject> pending = new LinkedHashMap<>();
  /** Note ids of pushes acknowledged (ack, or {@code welcome.applied}): they must be in the board. */
  public final Set<String> durable = new LinkedHashSet<>();
  /** Errors received, by code (retryable ones are expected during outages). */
  public final Map<String, Integer> errors = new TreeMap<>();
  /** Close codes seen, in order. */
  public final List<Integer> closes = new ArrayList<>();
  /** The clientSeqs of pushes acknowledged as already applied (after a re-send). */
  public final List<Long> duplicateAcks = new ArrayList<>();
  private WsTestClient socket;
  private Replica replica;
  private long clientSeq;
  private int next;
  public int reconnects;

  /** Connects to the first of {@code ports}; the others are where it goes when that one fails. */
  public ResilientClient(List<Integer> ports, String board, String clientId, String token) {
    this.ports = List.copyOf(ports);
    this.board = board;
    this.clientId = clientId;
    this.token = token;
    connect();
  }

  /** Pushes one new note; it stays pending until acknowledged. */
  public void pushNote() {
    clientSeq++;
    String noteId = clientId + "-n" + clientSeq;
    JsonObject frame = Changes.push("r" + clientSeq, clientSeq,
        Changes.put(Changes.note(noteId, (int) (clientSeq % 1000), 0, "from " + clientId)));
    pending.put(clientSeq, frame);
    send(frame);
  }

  /** Pushes not yet acknowledged. */
  public int pendingCount() {
    return pending.size();
  }

  /** Every push ever made. */
  public long pushes() {
    return clientSeq;
  }

  public Replica replica() {
    return replica;
  }

  /** Handles what arrived within {@code ms}; a dead link is replaced (trying each node in turn). */
  public void pump(long ms) {
    if (socket == null || socket.isClosed()) {
      if (socket != null) {
        for (JsonObject m = socket.poll(0); m != null; m = socket.poll(0)) {
          handle(m); // what arrived before the close: its last answers
        }
        closes.add((int) socket.awaitClose());
      }
      connect();
      return;
    }
    for (JsonObject m = socket.poll(ms); m != null; m = socket.poll(0)) {
      handle(m);
    }
  }

  private void handle(JsonObject m) {
    switch (m.getString("t", "")) {
      case "batch" -> {
        for (Object o : m.getJsonArray("ops", new JsonArray())) {
          JsonObject op = (JsonObject) o;
          if (op.getLong("seq") <= replica.seq()) {
            continue;
          }
          if (op.getLong("seq") != replica.seq() + 1) {
            socket.close(); // a gap: resume from what we have
            return;
          }
          replica.applyOp(op);
        }
      }
      case "ack" -> {
        long seq = Long.parseLong(m.getString("id").substring(1));
        pending.remove(seq);
        durable.add(clientId + "-n" + seq);
        if (m.getBoolean("duplicate", false)) {
          duplicateAcks.add(seq);
        }
      }
      case "error" -> errors.merge(m.getString("code"), 1, Integer::sum);
      default -> { }
    }
  }

  private void connect() {
    for (int attempt = 0; attempt < ports.size(); attempt++) {
      int port = ports.get(next);
      next = (next + 1) % ports.size();
      try {
        socket = WsTestClient.join(port, board, clientId, replica == null ? null : replica.seq(), token);
        reconnects += replica == null ? 0 : 1;
        welcomed(socket.welcome());
        return;
      } catch (RuntimeException | AssertionError e) {
        socket = null; // that node is down or refused us (shutting down, storage out): the next
      }
    }
    sleep(200);
  }

  private void welcomed(JsonObject welcome) {
    if (welcome.containsKey("snapshot")) {
      replica = new Replica(welcome);
    } else {
      for (Object o : welcome.getJsonArray("ops")) {
        JsonObject op = (JsonObject) o;
        if (op.getLong("seq") > replica.seq()) {
          replica.applyOp(op);
        }
      }
    }
    long applied = welcome.getLong("applied", 0L);
    pending.keySet().removeIf(seq -> {
      if (seq <= applied) {
        durable.add(clientId + "-n" + seq);
        return true;
      }
      return false;
    });
    pending.values().forEach(this::send);
  }

  private void send(JsonObject frame) {
    if (socket != null && !socket.isClosed()) {
      try {
        socket.send(frame);
      } catch (RuntimeException e) {
        // the link just died: the frame stays pending and is re-sent after the next welcome
      }
    }
  }

  /** Pumps until nothing is pending and the replica has reached {@code seq}, or fails after {@code ms}. */
  public void settle(long seq, long ms) {
    long deadline = System.currentTimeMillis() + ms;
    while (!pending.isEmpty() || replica == null || replica.seq() < seq) {
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError(clientId + " did not settle: " + pending.size() + " pending, at seq "
            + (replica == null ? "none" : replica.seq()) + " of " + seq + ", errors " + errors + ", closes " + closes);
      }
      pump(50);
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    if (socket != null) {
      socket.close();
    }
  }
}
