package org.crossboard.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.crossboard.testing.Changes;
import org.crossboard.testing.Rest;
import org.crossboard.testing.ServerExtension;
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


  /** One SockJS session driven by hand over xhr / xhr_send. */
  private record XhrSession(String base) {
    List<JsonObject> poll() {
      HttpResponse<String> r = Rest.call("POST", base + "/xhr", null);
      assertEquals(200, r.statusCode());
      List<JsonObject> out = new ArrayList<>();
      for (String line : r.body().split("\n")) {
        if (line.startsWith("a")) {
          new JsonArray(line.substring(1)).forEach(s -> out.add(new JsonObject((String) s)));
        }
      }
      return out;
    }

    void send(JsonObject message) {
      HttpResponse<String> r = Rest.call("POST", base + "/xhr_send", new JsonArray().add(message.encode()).encode());
      assertEquals(204, r.statusCode(), r.body());
    }

    JsonObject await(String type) {
      for (int i = 0; i < 20; i++) {
        for (JsonObject m : poll()) {
          if (type.equals(m.getString("t"))) {
            return m;
          }
        }
      }
      throw new AssertionError("no " + type + " over SockJS");
    }
  }

  @Test
  @DisplayName("SockJS xhr fallback: hello, welcome, push and cross-transport broadcast work")
  void xhrFallbackSpeaksTheSameProtocol() {
    String board = Rest.createBoard(server.baseUrl(), "sockjs");
    XhrSession sockjs = new XhrSession(server.baseUrl() + "/sockjs/000/session" + System.nanoTime());
    HttpResponse<String> open = Rest.call("POST", sockjs.base() + "/xhr", null);
    assertTrue(open.body().startsWith("o"), open.body());

    sockjs.send(new JsonObject().put("t", "hello").put("protocol", 1).put("board", board)
        .put("clientId", "sockjs-client-1").put("name", "Behind a proxy"));
    assertEquals(0, sockjs.await("welcome").getLong("seq"));

    try (WsTestClient ws = WsTestClient.join(server.port(), board, "websocket-client-1", null)) {
      sockjs.send(Changes.push("s1", 1, Changes.put(Changes.note("n1", 1, 2, "from sockjs"))));
      JsonObject batch = ws.expect(m -> "batch".equals(m.getString("t")));
      assertEquals("from sockjs", batch.getJsonArray("ops").getJsonObject(0).getJsonArray("changes")
          .getJsonObject(0).getJsonObject("record").getString("text"));

      ws.send(Changes.push("w1", 1, Changes.patch("n1", new JsonObject().put("text", "from websocket"))));
      ws.reply("w1");
      JsonObject seen = sockjs.await("batch");
      assertTrue(seen.encode().contains("sockjs"), seen.encode());
    }
    sockjs.send(new JsonObject().put("t", "nonsense").put("id", "bad"));
    assertEquals("ERR_UNKNOWN_TYPE", sockjs.await("error").getString("code"));

    // SockJS cannot carry close codes: the named code arrives in a last "closing" frame.
    assertEquals(204, Rest.call("DELETE", server.baseUrl() + "/api/boards/" + board, null).statusCode());
    assertEquals(4005, sockjs.await("closing").getInteger("code"));
  }
}
