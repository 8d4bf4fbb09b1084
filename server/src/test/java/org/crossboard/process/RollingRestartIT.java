package org.crossboard.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import org.crossboard.testing.EditingCrowd;
import org.crossboard.testing.Rest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A rolling restart of a two-node deployment while people edit: each node in turn gets SIGTERM,
 * closes its sockets with 1012 (reconnect at once), lets its last writes land and exits; its
 * people carry on through the other node; it comes back. No acknowledged push is lost (SPEC.md O3).
 */
class RollingRestartIT {

  @Test
  @DisplayName("[O3] rolling restart of two nodes under load: clients told 1012, 0 acknowledged pushes lost, all converge")
  void rollingRestart() throws Exception {
    try (TwoNodeCluster cluster = new TwoNodeCluster()) {
      String board = Rest.createBoard(cluster.a.baseUrl(), "rolling restart");
      try (EditingCrowd crowd = new EditingCrowd(cluster.a.baseUrl(), board, cluster.ports(), 4, "rolling")) {
        crowd.edit(3_000, 100);
        CompletableFuture<int[]> restarts = CompletableFuture.supplyAsync(() -> {
          try {
            int exitA = cluster.a.terminate();
            cluster.a.restart();
            int exitB = cluster.b.terminate();
            cluster.b.restart();
            return new int[] {exitA, exitB};
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
        while (!restarts.isDone()) {
          crowd.edit(200, 100);
        }
        int[] exits = restarts.join();
        crowd.edit(3_000, 100);

        crowd.settleAndCheck(cluster.b.baseUrl(), board);
        assertEquals(143, exits[0], "node A exited on SIGTERM (128 + 15) after its shutdown hook");
        assertEquals(143, exits[1]);
        assertTrue(crowd.closes(1012) >= 2, "the people on each stopping node were told to reconnect at once");
        System.out.println("rolling restart: " + crowd.pushes() + " pushes, " + crowd.closes(1012) + " closes 1012, "
            + crowd.reconnects() + " reconnects, " + crowd.errors("ERR_UNAVAILABLE") + " ERR_UNAVAILABLE, 0 lost");
      }
    }
  }
}
