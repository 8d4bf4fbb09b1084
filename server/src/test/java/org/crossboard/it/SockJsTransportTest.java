package org.crossboard.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import org.crossboard.testing.Changes;
import org.crossboard.testing.Rest;
import org.crossboard.testing.ServerExtension;
import org.crossboard.testing.SockJsXhrClient;
import org.crossboard.testing.TestAccess;
import org.crossboard.testing.WsTestClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The same protocol over SockJS's XHR polling transport (what a browser falls back to behind a
 * proxy that blocks WebSockets), talking to a WebSocket client on the same board.
 */
class SockJsTransportTest {
  @RegisterExtension
  static ServerExtension server = new ServerExtension();


  @Test
  @DisplayName("[P11] SockJS xhr fallback: hello, welcome, push and cross-transport broadcast work")
  void xhrFallbackSpeaksTheSameProtocol() {
    String board = Rest.createBoard(server.baseUrl(), "sockjs");
    SockJsXhrClient sockjs = SockJsXhrClient.open(server.baseUrl());

    assertEquals(204, sockjs.send(WsTestClient.helloFrame(board, "sockjs-client-1", null,
        TestAccess.guestToken(server.baseUrl(), board, "sockjs-client-1", "Behind a proxy"))));
    assertEquals(0, sockjs.await("welcome").getLong("seq"));

    try (WsTestClient ws = WsTestClient.join(server.port(), board, "websocket-client-1", null)) {
      sockjs.send(Changes.push("s1", 1, Changes.put(Changes.note("n1", 1, 2, "from sockjs"))));
      JsonObject batch = ws.expectOps();
      assertEquals("from sockjs", batch.getJsonArray("ops").getJsonObject(0).getJsonArray("changes")
          .getJsonObject(0).getJsonObject("record").getString("text"));

      ws.send(Changes.push("w1", 1, Changes.patch("n1", new JsonObject().put("text", "from websocket"))));
      ws.reply("w1");
      // presence-only batches (the WebSocket client joining) may come first
      JsonObject seen = sockjs.await("batch", m -> !m.getJsonArray("ops").isEmpty()
          && m.encode().contains("from websocket"));
      assertEquals("websocket-client-1", seen.getJsonArray("ops").getJsonObject(0).getString("clientId"));
    }
    sockjs.send(new JsonObject().put("t", "nonsense").put("id", "bad"));
    assertEquals("ERR_UNKNOWN_TYPE", sockjs.await("error").getString("code"));

    // SockJS cannot carry close codes: the named code arrives in a last "closing" frame.
    assertEquals(204, Rest.asOwnerOf(board, "DELETE", server.baseUrl() + "/api/boards/" + board, null).statusCode());
    assertEquals(4005, sockjs.await("closing").getInteger("code"));
  }
}
