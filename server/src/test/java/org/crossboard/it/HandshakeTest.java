package org.crossboard.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.crossboard.testing.Rest;
import org.crossboard.testing.ServerExtension;
import org.crossboard.testing.TestAccess;
import org.crossboard.testing.WsTestClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The handshake, its refusals and the named timeouts (timeouts shortened for the test). */
class HandshakeTest {
  @RegisterExtension
  static ServerExtension server = new ServerExtension(Map.of("IDLE_TIMEOUT_MS", "1500", "HANDSHAKE_TIMEOUT_MS", "1000"));


  private static JsonObject hello(String board, int protocol) {
    String token = TestAccess.owner(server.baseUrl()).token();
    return WsTestClient.helloFrame(board, "handshake-client", null, token).put("protocol", protocol);
  }

  private static void assertRefused(JsonObject hello, String code, int closeCode) {
    try (WsTestClient c = WsTestClient.connect(server.port())) {
      c.send(hello);
      JsonObject error = c.expect(m -> "error".equals(m.getString("t")));
      assertEquals(code, error.getString("code"), error.encode());
      assertEquals(closeCode, c.awaitClose());
    }
  }

  @Test
  @DisplayName("[P2] a client below the supported protocol gets CLIENT_TOO_OLD (4020)")
  void clientTooOld() {
    assertRefused(hello(Rest.createBoard(server.baseUrl(), "old"), 0), "ERR_CLIENT_TOO_OLD", 4020);
  }

  @Test
  @DisplayName("[P2] a client above the supported protocol gets SERVER_TOO_OLD (4021)")
  void serverTooOld() {
    assertRefused(hello(Rest.createBoard(server.baseUrl(), "new"), 2), "ERR_SERVER_TOO_OLD", 4021);
  }

  @Test
  @DisplayName("[P1] a first frame that is not hello closes with PROTOCOL_VIOLATION (4000)")
  void firstFrameNotHello() {
    assertRefused(new JsonObject().put("t", "ping").put("id", "x"), "ERR_BAD_HELLO", 4000);
  }

  @Test
  @DisplayName("[P1] an unknown board closes with BOARD_NOT_FOUND (4012)")
  void unknownBoard() {
    assertRefused(hello("doesNotExist", 1), "ERR_BOARD_NOT_FOUND", 4012);
  }

  @Test
  @DisplayName("[A5] a hello without a token is refused with UNAUTHORIZED (4010)")
  void helloWithoutToken() {
    JsonObject hello = hello(Rest.createBoard(server.baseUrl(), "tokenless"), 1);
    hello.remove("token");
    assertRefused(hello, "ERR_UNAUTHORIZED", 4010);
  }

  @Test
  @DisplayName("[P1] a connection that never says hello is closed with HANDSHAKE_TIMEOUT (4001)")
  void handshakeTimeout() {
    try (WsTestClient silent = WsTestClient.connect(server.port())) {
      assertEquals(4001, silent.awaitClose());
    }
  }

  @Test
  @DisplayName("[P5] a joined connection that stays silent is closed with IDLE_TIMEOUT (4002)")
  void idleTimeout() {
    String board = Rest.createBoard(server.baseUrl(), "idle");
    try (WsTestClient quiet = WsTestClient.join(server.port(), board, "quiet-client", null)) {
      assertEquals(4002, quiet.awaitClose());
    }
  }

  @Test
  @DisplayName("[P7] a second connection with the same clientId replaces the first (4004)")
  void sameClientIdReplaces() {
    String board = Rest.createBoard(server.baseUrl(), "replace");
    try (WsTestClient first = WsTestClient.join(server.port(), board, "twin-client", null);
         WsTestClient second = WsTestClient.join(server.port(), board, "twin-client", null)) {
      assertEquals(4004, first.awaitClose());
      second.send(new JsonObject().put("t", "ping").put("id", "p"));
      assertEquals("pong", second.reply("p").getString("t"));
    }
  }

  @Test
  @DisplayName("[P9] deleting a board closes its connections with BOARD_DELETED (4005)")
  void deleteClosesConnections() {
    String board = Rest.createBoard(server.baseUrl(), "doomed");
    try (WsTestClient c = WsTestClient.join(server.port(), board, "doomed-client", null)) {
      assertEquals(204, Rest.asOwnerOf(board, "DELETE", server.baseUrl() + "/api/boards/" + board, null).statusCode());
      assertEquals(4005, c.awaitClose());
    }
    assertEquals(404, Rest.asOwnerOf(board, "GET", server.baseUrl() + "/api/boards/" + board, null).statusCode());
  }

  @Test
  @DisplayName("welcome carries protocol, identity, role, seq and limits")
  void welcomeShape() {
    String board = Rest.createBoard(server.baseUrl(), "Shape of welcome");
    try (WsTestClient c = WsTestClient.join(server.port(), board, "shape-client", null)) {
      JsonObject w = c.welcome();
      assertEquals(1, w.getInteger("protocol"));
      assertEquals("editor", w.getString("role"));
      assertEquals("shape-client", w.getJsonObject("you").getString("clientId"));
      assertEquals("Shape of welcome", w.getJsonObject("board").getString("title"));
      assertEquals(0, w.getLong("seq"));
      assertEquals(262144, w.getJsonObject("limits").getInteger("maxFrameBytes"));
      assertTrue(w.getJsonObject("snapshot").getJsonArray("records").encode().contains("\"type\":\"board\""));
    }
  }
}
