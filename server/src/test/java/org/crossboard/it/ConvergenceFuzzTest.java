package org.crossboard.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.crossboard.testing.Replica;
import org.crossboard.testing.Changes;
import org.crossboard.testing.Rest;
import org.crossboard.testing.ServerExtension;
import org.crossboard.testing.WsTestClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * [C4][C5][C8] Random conflicting pushes from three clients sent without waiting (so the server
 * sees many interleavings); one client drops out and resumes with lastSeq half way. Every client's
 * replica, built only from the ops it received, must end byte-identical to the server's export.
 */
class ConvergenceFuzzTest {
  private static final int PUSHES_PER_ROUND = 90;
  private static final String[] COLORS = {"#FFE066", "#8CE99A", "#74C0FC", "#FFA8A8"};
  @RegisterExtension
  static ServerExtension server = new ServerExtension();


  /** One test client: its socket, its replica and the request ids still awaiting a reply. */
  private static final class Peer {
    final String clientId;
    WsTestClient socket;
    Replica replica;
    long clientSeq;
    final Set<String> awaiting = new HashSet<>();
    long maxAckSeq;

    Peer(String board, String clientId) {
      this.clientId = clientId;
      socket = WsTestClient.join(server.port(), board, clientId, null);
      replica = new Replica(socket.welcome());
    }

    void push(JsonObject... changes) {
      String id = clientId + "-" + (++clientSeq);
      awaiting.add(id);
      socket.send(Changes.push(id, clientSeq, changes));
    }

    /** Applies incoming frames until every reply arrived and the replica reached {@code seq}. */
    void drain(long seq) {
      while (!awaiting.isEmpty() || replica.seq() < seq) {
        JsonObject m = socket.poll(WsTestClient.TIMEOUT.toMillis());
        if (m == null) {
          throw new AssertionError(clientId + " stalled at seq " + replica.seq() + ", awaiting " + awaiting);
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
  }

  private static JsonObject randomChange(Random rnd) {
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
      case 8 -> rnd.nextBoolean() ? Changes.remove("f0")
          : Changes.put(new JsonObject().put("id", "f0").put("type", "frame").put("order", "0")
              .put("x", 0).put("y", 0).put("w", 3000).put("h", 3000).put("title", "Ideas"));
      default -> Changes.patch(note, new JsonObject().put("locked", rnd.nextInt(4) == 0));
    };
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
  @DisplayName("[C4] three clients converge byte-identically to the server after random conflicting edits")
  void clientsConverge(long seed) {
    Random rnd = new Random(seed);
    String board = Rest.createBoard(server.baseUrl(), "fuzz " + seed);
    List<Peer> peers = new ArrayList<>();
    for (String id : new String[] {"alpha-client-" + seed, "bravo-client-" + seed, "charlie-client-" + seed}) {
      peers.add(new Peer(board, id));
    }
    Peer alpha = peers.get(0);
    alpha.push(Changes.put(new JsonObject().put("id", "f0").put("type", "frame").put("order", "0")
        .put("x", 0).put("y", 0).put("w", 3000).put("h", 3000)));
    for (int i = 0; i < 6; i++) {
      alpha.push(Changes.put(Changes.note("n" + i, i * 10, i * 10, "note " + i)));
    }
    for (int round = 0; round < 2; round++) {
      for (int i = 0; i < PUSHES_PER_ROUND; i++) {
        Peer p = peers.get(rnd.nextInt(peers.size()));
        int n = 1 + rnd.nextInt(3);
        JsonObject[] changes = new JsonObject[n];
        for (int c = 0; c < n; c++) {
          changes[c] = randomChange(rnd);
        }
        p.push(changes);
      }
      long lastSeq = finalSeq(peers);
      peers.forEach(p -> p.drain(lastSeq));
      if (round == 0) { // charlie drops out, others go on, charlie resumes with lastSeq
        Peer charlie = peers.get(2);
        charlie.socket.close();
        Peer bravo = peers.get(1);
        for (int i = 0; i < 10; i++) {
          bravo.push(randomChange(rnd));
        }
        bravo.drain(0);
        charlie.socket = WsTestClient.join(server.port(), board, charlie.clientId, charlie.replica.seq());
        charlie.socket.welcome().getJsonArray("ops").forEach(op -> charlie.replica.applyOp((JsonObject) op));
        alpha.drain(finalSeq(peers));
      }
    }
    JsonObject export = Rest.export(server.baseUrl(), board);
    String expected = export.getJsonArray("records").encode();
    for (Peer p : peers) {
      assertEquals(export.getLong("seq"), p.replica.seq(), p.clientId);
      assertEquals(expected, p.replica.records().encode(), p.clientId + " diverged");
      p.socket.close();
    }
  }

  /** The highest seq any peer has seen acknowledged: every push sent so far is sequenced by then. */
  private static long finalSeq(List<Peer> peers) {
    peers.forEach(p -> {
      while (!p.awaiting.isEmpty()) {
        p.drain(0);
      }
    });
    return peers.stream().mapToLong(p -> Math.max(p.maxAckSeq, p.replica.seq())).max().orElse(0);
  }
}
