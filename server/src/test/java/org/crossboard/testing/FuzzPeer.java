package org.crossboard.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

/**
 * A fuzzing client: its socket, its replica built only from the ops it receives, and the request
 * ids still awaiting a reply. Shared by the single-node and multi-node convergence tests.
 */
public final class FuzzPeer {
  private static final String[] COLORS = {"#FFE066", "#8CE99A", "#74C0FC", "#FFA8A8"};
  public final String clientId;
  public WsTestClient socket;
  public Replica replica;
  public long clientSeq;
  public long maxAckSeq;
  public final Set<String> awaiting = new HashSet<>();

  public FuzzPeer(int port, String board, String clientId) {
    this.clientId = clientId;
    socket = WsTestClient.join(port, board, clientId, null);
    replica = new Replica(socket.welcome());
  }

  /** Reconnects (to {@code port}) resuming from the replica's seq. */
  public void resume(int port, String board) {
    socket.close();
    socket = WsTestClient.join(port, board, clientId, replica.seq());
    if (socket.welcome().containsKey("ops")) {
      socket.welcome().getJsonArray("ops").forEach(op -> replica.applyOp((JsonObject) op));
    } else {
      replica = new Replica(socket.welcome());
    }
  }

  public void push(JsonObject... changes) {
    String id = clientId + "-" + (++clientSeq);
    awaiting.add(id);
    socket.send(Changes.push(id, clientSeq, changes));
  }

  /** Applies incoming frames until every reply arrived and the replica reached {@code seq}. */
  public void drain(long seq) {
    while (!awaiting.isEmpty() || replica.seq() < seq) {
      JsonObject m = socket.poll(WsTestClient.TIMEOUT.toMillis());
      if (m == null) {
        throw new AssertionError(clientId + " stalled at seq " + replica.seq() + " (want " + seq + "), awaiting " + awaiting);
      }
      switch (m.getString("t")) {
        case "batch" -> replica.applyBatch(m);
        case "ack" -> {
          awaiting.remove(m.getString("id"));
          maxAckSeq = Math.max(maxAckSeq, m.getLong("seq", 0L));
        }
        case "error" -> {
          assertTrue(Set.of("ERR_INVALID_CHANGE", "ERR_LOCKED").contains(m.getString("code")), m.encode());
          awaiting.remove(m.getString("id"));
        }
        default -> throw new AssertionError("unexpected " + m.encode());
      }
    }
  }

  /** Notes, a frame, connectors: conflicting patches, removes, re-creations, moves in and out of the frame, locks. */
  public static JsonObject randomChange(Random rnd) {
    String note = "n" + rnd.nextInt(6);
    return switch (rnd.nextInt(10)) {
      case 0, 1 -> Changes.patch(note, new JsonObject().put("x", rnd.nextInt(2000)).put("y", rnd.nextInt(2000)));
      case 2 -> Changes.patch(note, new JsonObject().put("text", "text " + rnd.nextInt(1000)));
      case 3 -> Changes.patch(note, new JsonObject().put("color", COLORS[rnd.nextInt(COLORS.length)]));
      case 4 -> Changes.patch(note, new JsonObject().put("parent", rnd.nextBoolean() ? "f0" : null));
      case 5 -> Changes.remove(note);
      case 6 -> Changes.put(Changes.note(note, rnd.nextInt(500), rnd.nextInt(500), "again " + rnd.nextInt(100)));
      case 7 -> Changes.put(new JsonObject().put("id", "c" + rnd.nextInt(3)).put("type", "connector").put("order", "b")
          .put("from", "n" + rnd.nextInt(6)).put("to", "n" + rnd.nextInt(6)).put("label", "flows"));
      case 8 -> rnd.nextBoolean() ? Changes.remove("f0") : Changes.put(frame());
      default -> Changes.patch(note, new JsonObject().put("locked", rnd.nextInt(4) == 0));
    };
  }

  public static JsonObject frame() {
    return new JsonObject().put("id", "f0").put("type", "frame").put("order", "0")
        .put("x", 0).put("y", 0).put("w", 3000).put("h", 3000).put("title", "Ideas");
  }

  /** One to three random changes. */
  public static JsonObject[] randomPush(Random rnd) {
    JsonObject[] changes = new JsonObject[1 + rnd.nextInt(3)];
    for (int c = 0; c < changes.length; c++) {
      changes[c] = randomChange(rnd);
    }
    return changes;
  }
}
