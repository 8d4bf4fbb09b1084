package org.crossboard.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.crossboard.testing.ResilientClient;
import org.crossboard.testing.Rest;
import org.crossboard.testing.TestAccess;
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
    List<ResilientClient> clients = new ArrayList<>();
    try {
      String board = Rest.createBoard(node.baseUrl(), "outage");
      for (int i = 0; i < 3; i++) {
        String clientId = "outage-client-" + i;
        clients.add(new ResilientClient(List.of(node.port()), board, clientId,
            TestAccess.guestToken(node.baseUrl(), board, clientId, "Editor " + i)));
      }
      load(clients, 3_000);

      mongo.shutdownNow();
      long outageStarted = System.currentTimeMillis();
      boolean sawUnready = false;
      while (System.currentTimeMillis() - outageStarted < 10_000) {
        load(clients, 500);
        sawUnready |= Rest.call("GET", node.baseUrl() + "/api/health/ready", null).statusCode() == 503;
      }
      mongo = new MongoServer(new H2Backend(dataFile));
      mongo.bind("127.0.0.1", mongoPort);
      load(clients, 3_000);

      long pushes = clients.stream().mapToLong(ResilientClient::pushes).sum();
      for (ResilientClient c : clients) {
        c.settle(0, 60_000);
      }
      JsonObject export = Rest.export(node.baseUrl(), board);
      assertEquals(pushes, export.getLong("seq"), "every push applied exactly once");
      for (ResilientClient c : clients) {
        c.settle(export.getLong("seq"), 30_000);
      }
      Set<String> onBoard = new HashSet<>();
      export.getJsonArray("records").forEach(r -> onBoard.add(((JsonObject) r).getString("id")));
      int unavailable = 0;
      for (ResilientClient c : clients) {
        assertTrue(onBoard.containsAll(c.durable), c.clientId + " lost an acknowledged push");
        assertEquals(c.pushes(), c.durable.size(), c.clientId + ": every push ended acknowledged");
        assertEquals(export.getJsonArray("records").encode(), c.replica().records().encode(), c.clientId + " diverged");
        unavailable += c.errors.getOrDefault("ERR_UNAVAILABLE", 0);
      }
      assertTrue(unavailable > 0 || clients.stream().anyMatch(c -> c.reconnects > 0),
          "the outage was felt: retryable errors or reconnects");
      assertTrue(sawUnready, "readiness said storage was unreachable");
      System.out.println("storage outage: " + pushes + " pushes, " + unavailable + " ERR_UNAVAILABLE, reconnects "
          + clients.stream().mapToInt(c -> c.reconnects).sum());
    } finally {
      clients.forEach(ResilientClient::close);
      node.stop();
      mongo.shutdownNow();
    }
  }

  /** Each client pushes a note about every 100 ms for {@code ms}, handling whatever comes back. */
  static void load(List<ResilientClient> clients, long ms) {
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
        nextPush = System.currentTimeMillis() + 100;
      }
    }
  }
}
