package org.crossboard.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.DataInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.crossboard.testing.Changes;
import org.crossboard.testing.Rest;
import org.crossboard.testing.ServerExtension;
import org.crossboard.testing.SockJsXhrClient;
import org.crossboard.testing.TestAccess;
import org.crossboard.testing.WsTestClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What an outside review of the socket protocol found (issue 10), each over real sockets. */
class HardeningTest {
  @RegisterExtension
  static ServerExtension server = new ServerExtension();

  static String ownerToken(String board) {
    return TestAccess.ownerOf(board).token();
  }

  /** A guest viewer of the board, through a viewer link. */
  static String viewerToken(String board) {
    TestAccess.Owner owner = TestAccess.ownerOf(board);
    String code = TestAccess.invite(server.baseUrl(), owner.token(), owner.workspace(), board, "viewer", 1);
    return TestAccess.joinAsGuest(server.baseUrl(), code, "Vera Viewer").getString("token");
  }

  static JsonObject refusedHello(String board, String clientId, String token) {
    WsTestClient c = WsTestClient.connect(server.port());
    c.send(WsTestClient.helloFrame(board, clientId, null, token));
    JsonObject error = c.expect(m -> "error".equals(m.getString("t")));
    error.put("closeCode", c.awaitClose());
    return error;
  }

  @Test
  @DisplayName("[P7] a hello with someone else's clientId is refused; the owner keeps the connection and their pushes apply")
  void clientIdIsThePersons() {
    String board = Rest.createBoard(server.baseUrl(), "clientId theft");
    try (WsTestClient owner = WsTestClient.join(server.port(), board, "owner-client-1", null, ownerToken(board))) {
      JsonObject stolen = refusedHello(board, "owner-client-1", viewerToken(board));
      assertEquals("ERR_FORBIDDEN", stolen.getString("code"));
      assertEquals(4011, stolen.getInteger("closeCode"));
      assertFalse(owner.isClosed(), "the owner is not replaced");

      owner.send(Changes.push("o1", 1, Changes.put(Changes.note("n1", 1, 1, "mine"))));
      assertEquals(1, owner.reply("o1").getLong("seq"));
      // an editor with the owner's clientId and a high clientSeq cannot even say hello, so the
      // owner's later pushes are applied, never acknowledged as duplicates of a stranger's
      String editorToken = TestAccess.guestToken(server.baseUrl(), board, "editor-client-1", "Eddie Editor");
      assertEquals("ERR_FORBIDDEN", refusedHello(board, "owner-client-1", editorToken).getString("code"));
      owner.send(Changes.push("o2", 2, Changes.put(Changes.note("n2", 2, 2, "also mine"))));
      assertEquals(2, owner.reply("o2").getLong("seq"));
    }
  }

  @Test
  @DisplayName("[P7] the binding survives the room closing and reloading (it comes from the op log); the same person may reconnect")
  void bindingAfterReload() {
    String board = Rest.createBoard(server.baseUrl(), "binding after reload");
    try (WsTestClient owner = WsTestClient.join(server.port(), board, "owner-client-2", null, ownerToken(board))) {
      owner.send(Changes.push("o1", 1, Changes.put(Changes.note("n1", 1, 1, "mine"))));
      owner.reply("o1");
    }
    awaitNoRooms();
    assertEquals("ERR_FORBIDDEN", refusedHello(board, "owner-client-2", viewerToken(board)).getString("code"));
    try (WsTestClient again = WsTestClient.join(server.port(), board, "owner-client-2", null, ownerToken(board))) {
      assertEquals(1, again.welcome().getLong("applied"));
    }
  }

  @Test
  @DisplayName("[C8] after the room reloaded, a client 20 ops behind gets exactly those ops, not a snapshot")
  void resumeAfterReload() {
    String board = Rest.createBoard(server.baseUrl(), "resume after reload");
    long lastSeq;
    try (WsTestClient a = WsTestClient.join(server.port(), board, "resume-a-client", null)) {
      a.send(Changes.push("a1", 1, Changes.put(Changes.note("n1", 1, 1, "start"))));
      lastSeq = a.reply("a1").getLong("seq");
    }
    try (WsTestClient b = WsTestClient.join(server.port(), board, "resume-b-client", null)) {
      for (int i = 1; i <= 20; i++) {
        b.send(Changes.push("b" + i, i, Changes.patch("n1", new JsonObject().put("text", "edit " + i))));
      }
      b.reply("b20");
    }
    awaitNoRooms();
    try (WsTestClient back = WsTestClient.join(server.port(), board, "resume-a-client", lastSeq)) {
      JsonObject welcome = back.welcome();
      assertNull(welcome.getValue("snapshot"), "ops, not a snapshot");
      JsonArray ops = welcome.getJsonArray("ops");
      assertEquals(20, ops.size());
      assertEquals(lastSeq + 1, ops.getJsonObject(0).getLong("seq"));
      assertEquals(welcome.getLong("seq"), ops.getJsonObject(19).getLong("seq"));
    }
  }

  @Test
  @DisplayName("[P2] hello.protocol is compared as the number sent: 2^31 and 2^32+1 are too new, not too old or version 1")
  void protocolOverflow() {
    String board = Rest.createBoard(server.baseUrl(), "protocol overflow");
    for (long protocol : new long[] {2147483648L, 4294967297L}) {
      WsTestClient c = WsTestClient.connect(server.port());
      c.send(WsTestClient.helloFrame(board, "overflow-client", null,
          TestAccess.guestToken(server.baseUrl(), board, "overflow-client", "O")).put("protocol", protocol));
      assertEquals("ERR_SERVER_TOO_OLD", c.expect(m -> "error".equals(m.getString("t"))).getString("code"));
      assertEquals(4021, c.awaitClose());
    }
  }

  @Test
  @DisplayName("[A6] a viewer's push is refused naming its first change, in words that fit what was pushed")
  void viewerPushWording() {
    String board = Rest.createBoard(server.baseUrl(), "viewer push");
    try (WsTestClient viewer = WsTestClient.join(server.port(), board, "viewer-client-1", null, viewerToken(board))) {
      viewer.send(Changes.push("v1", 1, Changes.put(Changes.note("n1", 1, 1, "nope"))));
      JsonObject error = viewer.reply("v1");
      assertEquals("ERR_FORBIDDEN", error.getString("code"));
      assertEquals(0, error.getInteger("change"));
      assertEquals("change 0: role viewer may not create note records", error.getString("message"));
      viewer.send(Changes.push("v2", 2, Changes.remove("missing")));
      assertEquals("change 0: role viewer may not remove records", viewer.reply("v2").getString("message"));
    }
  }

  @Test
  @DisplayName("[P3][P4] a frame nested 5,000 levels deep is answered ERR_MALFORMED with its request id")
  void deepNesting() {
    String board = Rest.createBoard(server.baseUrl(), "deep");
    try (WsTestClient c = WsTestClient.join(server.port(), board, "deep-client-1", null)) {
      c.sendRaw("{\"t\":\"push\",\"id\":\"deep-1\",\"clientSeq\":1,\"changes\":" + "[".repeat(5000) + "]".repeat(5000) + "}");
      JsonObject error = c.reply("deep-1");
      assertEquals("ERR_MALFORMED", error.getString("code"));
      c.sendRaw("{\"changes\":[{\"id\":\"inner\"}],\"id\":\"deep-2\",\"x\":" + "{\"a\":".repeat(5000) + "1" + "}".repeat(5000) + "}");
      assertEquals("ERR_MALFORMED", c.reply("deep-2").getString("code"));
      c.send(new JsonObject().put("t", "ping").put("id", "still-open"));
      assertEquals("pong", c.reply("still-open").getString("t"));
    }
  }

  @Test
  @DisplayName("[P3] a binary message closes with 1003, invalid UTF-8 with 1007 — never decoded or repaired")
  void binaryAndInvalidUtf8() {
    WsTestClient binary = WsTestClient.connect(server.port());
    binary.raw().writeBinaryMessage(Buffer.buffer("{\"t\":\"ping\",\"id\":\"p\"}"));
    assertEquals(1003, binary.awaitClose());

    WsTestClient invalid = WsTestClient.connect(server.port());
    invalid.raw().writeFrame(WebSocketFrame.textFrame("{\"t\":\"ping\",\"id\":\"", false));
    invalid.raw().writeFrame(WebSocketFrame.continuationFrame(Buffer.buffer(new byte[] {(byte) 0xC3, 0x28, '"', '}'}), true));
    assertEquals(1007, invalid.awaitClose());
  }

  @Test
  @DisplayName("[P3] a message over 4 MiB in 64 KiB fragments closes with 1009 as soon as it passes the limit")
  void fragmentedTooBig() {
    WsTestClient c = WsTestClient.connect(server.port());
    String part = "a".repeat(64 * 1024);
    c.raw().writeFrame(WebSocketFrame.textFrame("{\"t\":\"hello\",\"pad\":\"" + part, false));
    for (int i = 0; i < 70 && !c.isClosed(); i++) {
      c.raw().writeFrame(WebSocketFrame.continuationFrame(Buffer.buffer(part), false));
    }
    assertEquals(1009, c.awaitClose());
  }

  @Test
  @DisplayName("[P3] a single frame announced over 4 MiB gets close 1009 as soon as its header arrives")
  void singleFrameTooBig() throws Exception {
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      out.write(("GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
          + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      InputStream in = s.getInputStream();
      String head = readHead(in);
      assertTrue(head.startsWith("HTTP/1.1 101"), head);
      long length = 5L << 20; // a text frame, masked, with a 64-bit length: more than the 4 MiB allowed
      byte[] header = {(byte) 0x81, (byte) 0xFF, 0, 0, 0, 0, (byte) (length >> 24), (byte) (length >> 16),
          (byte) (length >> 8), (byte) length, 1, 2, 3, 4};
      out.write(header);
      out.write(new byte[] {'{' ^ 1, '"' ^ 2});
      out.flush();
      DataInputStream frames = new DataInputStream(in);
      assertEquals(0x88, frames.readUnsignedByte(), "a close frame");
      int payload = frames.readUnsignedByte() & 0x7F;
      assertTrue(payload >= 2);
      assertEquals(1009, frames.readUnsignedShort());
    }
  }

  static String readHead(InputStream in) throws Exception {
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      head.append((char) b);
    }
    return head.toString();
  }

  @Test
  @DisplayName("[P11] SockJS over XHR polling works for a keep-alive HTTP client (responses that end the connection say so)")
  void sockJsKeepAlive() {
    String board = Rest.createBoard(server.baseUrl(), "sockjs keep-alive");
    SockJsXhrClient c = SockJsXhrClient.openKeepAlive(server.baseUrl());
    c.send(WsTestClient.helloFrame(board, "sockjs-keepalive-1", null,
        TestAccess.guestToken(server.baseUrl(), board, "sockjs-keepalive-1", "Kim")));
    assertEquals(0, c.await("welcome").getLong("seq"));
    c.send(Changes.push("k1", 1, Changes.put(Changes.note("n1", 1, 1, "over polling"))));
    assertEquals(1, c.await("ack", m -> "k1".equals(m.getString("id"))).getLong("seq"));
  }

  static void awaitNoRooms() {
    long deadline = System.currentTimeMillis() + 10_000;
    while (new JsonObject(Rest.call("GET", server.baseUrl() + "/api/health", null).body()).getInteger("rooms") > 0) {
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("rooms did not close");
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
