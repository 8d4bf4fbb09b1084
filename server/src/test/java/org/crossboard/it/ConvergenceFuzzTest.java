package org.crossboard.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.crossboard.testing.Changes;
import org.crossboard.testing.FuzzPeer;
import org.crossboard.testing.Rest;
import org.crossboard.testing.ServerExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * [C4][C5][C8] Random conflicting pushes from three clients sent without waiting (so the server
 * sees many interleavings); one client drops out and resumes with lastSeq half way. Every client's
 * replica, built only from the ops it received, must end byte-identical to the server's export.
 */
class ConvergenceFuzzTest {
  private static final int PUSHES_PER_ROUND = 90;
  @RegisterExtension
  static ServerExtension server = new ServerExtension();

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
  @DisplayName("[C4] three clients converge byte-identically to the server after random conflicting edits")
  void clientsConverge(long seed) {
    Random rnd = new Random(seed);
    String board = Rest.createBoard(server.baseUrl(), "fuzz " + seed);
    List<FuzzPeer> peers = new ArrayList<>();
    for (String id : new String[] {"alpha-client-" + seed, "bravo-client-" + seed, "charlie-client-" + seed}) {
      peers.add(new FuzzPeer(server.port(), board, id));
    }
    FuzzPeer alpha = peers.get(0);
    alpha.push(Changes.put(FuzzPeer.frame()));
    for (int i = 0; i < 6; i++) {
      alpha.push(Changes.put(Changes.note("n" + i, i * 10, i * 10, "note " + i)));
    }
    for (int round = 0; round < 2; round++) {
      for (int i = 0; i < PUSHES_PER_ROUND; i++) {
        peers.get(rnd.nextInt(peers.size())).push(FuzzPeer.randomPush(rnd));
      }
      long lastSeq = finalSeq(peers);
      peers.forEach(p -> p.drain(lastSeq));
      if (round == 0) { // charlie drops out, others go on, charlie resumes with lastSeq
        FuzzPeer charlie = peers.get(2);
        charlie.socket.close();
        FuzzPeer bravo = peers.get(1);
        for (int i = 0; i < 10; i++) {
          bravo.push(FuzzPeer.randomChange(rnd));
        }
        bravo.drain(0);
        charlie.resume(server.port(), board);
        alpha.drain(finalSeq(peers));
      }
    }
    assertConverged(server.baseUrl(), board, peers);
  }

  /** Every peer's replica is byte-identical to the durable board. */
  static void assertConverged(String baseUrl, String board, List<FuzzPeer> peers) {
    JsonObject export = Rest.export(baseUrl, board);
    String expected = export.getJsonArray("records").encode();
    for (FuzzPeer p : peers) {
      assertEquals(export.getLong("seq"), p.replica.seq(), p.clientId);
      assertEquals(expected, p.replica.records().encode(), p.clientId + " diverged");
      p.socket.close();
    }
  }

  /** The highest seq any peer has seen acknowledged: every push sent so far is sequenced by then. */
  static long finalSeq(List<FuzzPeer> peers) {
    peers.forEach(p -> {
      while (!p.awaiting.isEmpty()) {
        p.drain(0);
      }
    });
    return peers.stream().mapToLong(p -> Math.max(p.maxAckSeq, p.replica.seq())).max().orElse(0);
  }
}
