package org.crossboard.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * People editing one board through {@link ResilientClient}s while a test breaks things (storage,
 * nodes), and the check afterwards: every push acknowledged is on the board, every push applied
 * exactly once, and every client's board identical to the durable one.
 */
public final class EditingCrowd implements AutoCloseable {
  public final List<ResilientClient> clients = new ArrayList<>();

  /** {@code people} guest editors of {@code board}, each trying the nodes in {@code ports} in turn. */
  public EditingCrowd(String baseUrl, String board, List<Integer> ports, int people, String prefix) {
    for (int i = 0; i < people; i++) {
      String clientId = prefix + "-client-" + i;
      List<Integer> order = new ArrayList<>(ports);
      Collections.rotate(order, -(i % ports.size())); // spread people over the nodes: person i starts on node i mod n
      clients.add(new ResilientClient(order, board, clientId,
          TestAccess.guestToken(baseUrl, board, clientId, "Editor " + i)));
    }
  }

  /** Each person pushes a note about every {@code everyMs} for {@code ms}, handling whatever comes back. */
  public void edit(long ms, long everyMs) {
    long end = System.currentTimeMillis() + ms;
    long nextPush = 0;
    while (System.currentTimeMillis() < end) {
      boolean due = System.currentTimeMillis() >= nextPush;
      for (ResilientClient c : clients) {
        if (due) {
          c.pushNote();
        }
        c.pump(10);
      }
      if (due) {
        nextPush = System.currentTimeMillis() + everyMs;
      }
    }
  }

  public long pushes() {
    return clients.stream().mapToLong(ResilientClient::pushes).sum();
  }

  /**
   * Lets everyone settle, then checks against the board read through {@code baseUrl}: 0 acknowledged
   * pushes lost, each applied once, every replica identical to it. Returns the export.
   */
  public JsonObject settleAndCheck(String baseUrl, String board) {
    for (ResilientClient c : clients) {
      c.settle(0, 60_000);
    }
    JsonObject export = Rest.export(baseUrl, board);
    Set<String> onBoard = new HashSet<>();
    export.getJsonArray("records").forEach(r -> onBoard.add(((JsonObject) r).getString("id")));
    assertEquals(pushes(), export.getLong("seq"), () -> "every push applied exactly once; per client: "
        + clients.stream().map(c -> c.clientId + " pushed " + c.pushes() + ", acknowledged " + c.durable.size()
            + " (as duplicates: " + c.duplicateAcks + "), not on the board: "
            + c.durable.stream().filter(id -> !onBoard.contains(id)).toList() + ", errors " + c.errors
            + ", closes " + c.closes).toList());
    for (ResilientClient c : clients) {
      c.settle(export.getLong("seq"), 30_000);
      assertTrue(onBoard.containsAll(c.durable), c.clientId + " lost an acknowledged push");
      assertEquals(c.pushes(), c.durable.size(), c.clientId + ": every push ended acknowledged");
      assertEquals(export.getJsonArray("records").encode(), c.replica().records().encode(), c.clientId + " diverged");
    }
    return export;
  }

  /** How many times clients saw {@code code} as an error. */
  public int errors(String code) {
    return clients.stream().mapToInt(c -> c.errors.getOrDefault(code, 0)).sum();
  }

  /** How many times clients' connections closed with {@code code}. */
  public long closes(int code) {
    return clients.stream().flatMap(c -> c.closes.stream()).filter(x -> x == code).count();
  }

  public int reconnects() {
    return clients.stream().mapToInt(c -> c.reconnects).sum();
  }

  @Override
  public void close() {
    clients.forEach(ResilientClient::close);
  }
}
