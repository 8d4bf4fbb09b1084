package org.crossboard.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.crossboard.protocol.CloseCode;
import org.crossboard.testing.EditingCrowd;
import org.crossboard.testing.Rest;
import org.crossboard.testing.TestServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The MongoDB-compatible server stops for 10 s while people edit (SPEC.md D6): pushes get the
 * retryable error, clients keep their pending edits and re-send them, readiness says storage is
 * unreachable, and once storage is back every acknowledged push is on the board — 0 lost — and
 * every client converges.
 */
class StorageOutageTest {

  @Test
  @DisplayName("[D6][O2] storage out for 10 s under load: retryable errors, readiness 503, 0 acknowledged pushes lost, all converge")
  void outage() throws Exception {
    // an H2 file, as a MongoDB server keeps its data on disk through a restart
    String dataFile = Files.createTempDirectory("outage-mongo").resolve("mongo.mv").toString();
    MongoServer mongo = new MongoServer(new H2Backend(dataFile));
    int mongoPort = mongo.bind().getPort();
    TestServer node = TestServer.start(Files.createTempDirectory("outage"), Map.of(
        "MONGO_URL", "mongodb://127.0.0.1:" + mongoPort + "/?serverSelectionTimeoutMS=1000&connectTimeoutMS=1000",
        "ROOM_IDLE_CLOSE_MS", "5000"));
    EditingCrowd crowd = null;
    try {
      String board = Rest.createBoard(node.baseUrl(), "outage");
      crowd = new EditingCrowd(node.baseUrl(), board, List.of(node.port()), 3, "outage");
      crowd.edit(3_000, 100);

      mongo.shutdownNow();
      long outageStarted = System.currentTimeMillis();
      boolean sawUnready = false;
      while (System.currentTimeMillis() - outageStarted < 10_000) {
        crowd.edit(500, 100);
        sawUnready |= Rest.call("GET", node.baseUrl() + "/api/health/ready", null).statusCode() == 503;
      }
      mongo = new MongoServer(new H2Backend(dataFile));
      mongo.bind("127.0.0.1", mongoPort);
      crowd.edit(3_000, 100);

      crowd.settleAndCheck(node.baseUrl(), board);
      assertTrue(crowd.errors("ERR_UNAVAILABLE") > 0, "pushes in the failed write were answered ERR_UNAVAILABLE");
      assertTrue(crowd.closes(CloseCode.ROOM_RESET.code()) > 0, "connections were closed with 4006 ROOM_RESET");
      assertTrue(sawUnready, "readiness said storage was unreachable");
      System.out.println("storage outage: " + crowd.pushes() + " pushes, " + crowd.errors("ERR_UNAVAILABLE")
          + " ERR_UNAVAILABLE, " + crowd.reconnects() + " reconnects, 0 lost");
    } finally {
      if (crowd != null) {
        crowd.close();
      }
      node.stop();
      mongo.shutdownNow();
    }
  }
}
