package org.crossboard.process;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.crossboard.testing.EditingCrowd;
import org.crossboard.testing.Rest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@code kill -9} of one of two nodes while people edit: no shutdown at all, its sockets just
 * vanish. Its people reconnect to the other node and re-send what was not acknowledged; the node
 * is started again. Nothing acknowledged is lost, because nothing is acknowledged before it is
 * durable (SPEC.md D1, O4).
 */
class KillNodeIT {

  @Test
  @DisplayName("[O4][D1] kill -9 of one of two nodes under load, then restarted: 0 acknowledged pushes lost, all converge")
  void killOneNode() throws Exception {
    try (TwoNodeCluster cluster = new TwoNodeCluster()) {
      String board = Rest.createBoard(cluster.b.baseUrl(), "kill -9");
      try (EditingCrowd crowd = new EditingCrowd(cluster.b.baseUrl(), board, cluster.ports(), 4, "killed")) {
        crowd.edit(3_000, 100);
        cluster.a.kill();
        crowd.edit(3_000, 100);
        cluster.a.restart();
        crowd.edit(3_000, 100);

        crowd.settleAndCheck(cluster.a.baseUrl(), board);
        assertTrue(crowd.reconnects() >= 2, "the killed node's people came back through the other node");
        System.out.println("kill -9: " + crowd.pushes() + " pushes, " + crowd.reconnects() + " reconnects, 0 lost");
      }
    }
  }
}
