package org.crossboard.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Random;
import org.crossboard.testing.Changes;
import org.crossboard.testing.Rest;
import org.crossboard.testing.ServerExtension;
import org.crossboard.testing.WsTestClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A standing, seeded fuzz of the socket protocol: a few thousand hostile or sloppy frames from one
 * client while a bystander keeps editing. Every frame gets a well-formed reply carrying its request
 * id (waiting for it is what bounds the test: a lost id would time out), no error ever lacks it,
 * the fuzzer's connection stays open, and the bystander's pushes keep being acknowledged
 * (SPEC.md P3, P4).
 */
class ProtocolFuzzTest {
  static final long SEED = 20261130L;
  static final int FRAMES = 3_000;

  @RegisterExtension
  static ServerExtension server = new ServerExtension();

  @Test
  @DisplayName("[P3][P4] 3,000 fuzzed frames: each reply well-formed with its id, the connection open, a bystander unharmed")
  void fuzz() {
    Random rnd = new Random(SEED);
    String board = Rest.createBoard(server.baseUrl(), "fuzz");
    try (WsTestClient fuzzer = WsTestClient.join(server.port(), board, "fuzzer-client-1", null);
         WsTestClient bystander = WsTestClient.join(server.port(), board, "bystander-client-1", null)) {
      long bystanderSeq = 0;
      long start = System.currentTimeMillis();
      for (int i = 0; i < FRAMES; i++) {
        String id = "f" + i;
        String frame = frame(rnd, id, i);
        fuzzer.sendRaw(frame);
        JsonObject reply = fuzzer.expect(m -> {
          assertNotNull(m.getString("t"), "every frame has a type: " + m.encode());
          if ("error".equals(m.getString("t"))) {
            assertNotNull(m.getString("code"), m.encode());
            assertNotNull(m.getString("message"), m.encode());
            assertEquals(id, m.getString("id"), "an error carries the id of the frame it answers: " + m.encode()
                + " for " + frame.substring(0, Math.min(300, frame.length())));
          }
          return id.equals(m.getString("id"));
        });
        assertTrue(List.of("error", "ack", "ops", "pong").contains(reply.getString("t")), reply.encode());
        if (i % 25 == 0) {
          bystanderSeq++;
          bystander.send(Changes.push("b" + bystanderSeq, bystanderSeq,
              Changes.put(Changes.note("by" + bystanderSeq, 1, 1, "still here"))));
          JsonObject ack = bystander.reply("b" + bystanderSeq);
          assertEquals("ack", ack.getString("t"), "the bystander's push is acknowledged: " + ack.encode());
        }
      }
      assertFalse(fuzzer.isClosed(), "bad input never closes the connection");
      System.out.println("protocol fuzz: " + FRAMES + " frames in " + (System.currentTimeMillis() - start) + " ms");
    }
  }

  /**
   * One fuzzed frame with request id {@code id}. Each kind is owed an answer: an error for the
   * broken ones, a pong, ops or an ack for the rest (none of them is a valid presence frame, the
   * only message without a reply).
   */
  static String frame(Random rnd, String id, int i) {
    JsonObject note = Changes.note("n" + rnd.nextInt(20), rnd.nextInt(2000) - 1000, rnd.nextInt(2000) - 1000, "x");
    return switch (rnd.nextInt(16)) {
      case 0 -> "{\"t\":\"push\",\"id\":\"" + id + "\",\"clientSeq\":"; // cut off
      case 1 -> new JsonObject().put("t", "push").put("id", id).put("clientSeq", -rnd.nextInt(5)).put("changes", new JsonArray()).encode();
      case 2 -> new JsonObject().put("t", randomWord(rnd)).put("id", id).encode();
      case 3 -> new JsonObject().put("id", id).put("changes", "nope").encode();
      case 4 -> Changes.push(id, 1_000_000 + i, Changes.put(note.put(randomWord(rnd), rnd.nextInt()))).encode();
      case 5 -> Changes.push(id, 1_000_000 + i, Changes.patch("n" + rnd.nextInt(20),
          new JsonObject().put("x", rnd.nextBoolean() ? "far" : 1e300).put("parent", "n1"))).encode();
      case 6 -> Changes.push(id, 1_000_000 + i, new JsonObject().put("op", "explode").put("id", "n1")).encode();
      case 7 -> new JsonObject().put("t", "fetch").put("id", id).put("from", rnd.nextInt(100) - 50).put("to", rnd.nextInt(1000)).encode();
      case 8 -> new JsonObject().put("t", "presence").put("id", id).put("cursor", rnd.nextBoolean() ? "here" : new JsonObject().put("x", "a")).encode();
      case 9 -> new JsonObject().put("t", "hello").put("id", id).put("protocol", 1).encode();
      case 10 -> "{\"t\":\"push\",\"id\":\"" + id + "\",\"changes\":" + "[".repeat(2000 + rnd.nextInt(4000)) + "]";
      case 11 -> "{\"id\":\"" + id + "\",\"t\":" + rnd.nextInt() + "}";
      case 12 -> "{\"t\":\"push\",\"id\":\"" + id + "\",\"clientSeq\":1,\"changes\":[" + "{\"op\":\"remove\",\"id\":\"x\"},".repeat(600) + "{}]}";
      case 13 -> new JsonObject().put("t", "push").put("id", id).put("clientSeq", 1_000_000 + i)
          .put("changes", new JsonArray().add(Changes.put(note.put("text", "y".repeat(10_001))))).encode();
      case 14 -> "{\"t\":\"ping\",\"id\":\"" + id + "\",\"x\":\"\\ud800\",\"y\":" + rnd.nextDouble() + "}";
      default -> "{\"t\":\"push\",\"id\":\"" + id + "\",\"clientSeq\":" + (1_000_000 + i) + ",\"changes\":[{\"op\":\"put\",\"record\":"
          + List.of("null", "[]", "{\"id\":\"\",\"type\":\"note\"}", "{\"id\":\"ok\",\"type\":\"comment\",\"order\":\"a\",\"x\":1,\"y\":1,\"text\":\"hi\",\"target\":\"board\"}")
              .get(rnd.nextInt(4)) + "}]}";
    };
  }

  static String randomWord(Random rnd) {
    StringBuilder s = new StringBuilder();
    int n = 1 + rnd.nextInt(12);
    for (int i = 0; i < n; i++) {
      s.append((char) ('a' + rnd.nextInt(26)));
    }
    return s.toString();
  }
}
