package org.crossboard.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.crossboard.testing.Changes;
import org.crossboard.testing.Rest;
import org.crossboard.testing.ServerExtension;
import org.crossboard.testing.WsTestClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** [P6] A client that stops reading is cut off at its write-queue bound; writers are unaffected. */
class SlowConsumerTest {
  @RegisterExtension
  static ServerExtension server = new ServerExtension(Map.of("WRITE_QUEUE_MAX_BYTES", "262144"));


  @Test
  @DisplayName("[P6] a socket that does not read is closed with SLOW_CONSUMER; the writer gets every ack")
  void slowConsumerIsClosed() {
    String board = Rest.createBoard(server.baseUrl(), "slow");
    try (WsTestClient writer = WsTestClient.join(server.port(), board, "fast-writer", null);
         WsTestClient slow = WsTestClient.connect(server.port(), new WebSocketClientOptions().setReceiveBufferSize(8192))) {
      slow.hello(board, "slow-reader", null);
      JsonObject create = Changes.push("c", 1);
      for (int n = 0; n < 20; n++) {
        create.getJsonArray("changes").add(Changes.put(Changes.note("n" + n, n, n, "")));
      }
      writer.send(create);
      writer.reply("c");
      slow.pause();
      String text = "w".repeat(9_000);
      int pushes = 90;
      for (int i = 0; i < pushes; i++) {
        JsonObject push = Changes.push("p" + i, 2 + i);
        for (int n = 0; n < 20; n++) {
          push.getJsonArray("changes").add(Changes.patch("n" + n, new JsonObject().put("text", text + i)));
        }
        writer.send(push);
      }
      assertEquals(pushes + 1, writer.reply("p" + (pushes - 1)).getLong("seq"));
      slow.resume();
      assertEquals(4003, slow.awaitClose());
    }
  }
}
