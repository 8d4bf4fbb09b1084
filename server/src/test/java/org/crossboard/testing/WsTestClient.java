package org.crossboard.testing;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A protocol-level test client over a real WebSocket: sends raw or JSON frames and waits for the
 * frames it expects. Blocking helpers are for test threads only.
 */
public final class WsTestClient implements AutoCloseable {
  public static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final Vertx VERTX = Vertx.vertx();

  private final WebSocket ws;
  private final BlockingQueue<JsonObject> inbox = new LinkedBlockingQueue<>();
  /** Every text frame received, as sent (secrecy tests search all of them, read or not). */
  private final List<String> received = new CopyOnWriteArrayList<>();
  private final CompletableFuture<Short> closed = new CompletableFuture<>();

  private final int port;

  private WsTestClient(WebSocket ws, int port) {
    this.ws = ws;
    this.port = port;
    ws.textMessageHandler(text -> {
      received.add(text);
      inbox.add(new JsonObject(text));
    });
    ws.closeHandler(v -> closed.complete(ws.closeStatusCode()));
  }

  public static WsTestClient connect(int port) {
    return connect(port, new WebSocketClientOptions());
  }

  /** Connects with client options (e.g. a tiny receive buffer for slow-consumer tests). */
  public static WsTestClient connect(int port, WebSocketClientOptions options) {
    WebSocketClient client = VERTX.createWebSocketClient(options
        .setMaxFrameSize(8 * 1024 * 1024).setMaxMessageSize(64 * 1024 * 1024));
    try {
      return new WsTestClient(client.connect(port, "127.0.0.1", "/ws").await(10, TimeUnit.SECONDS), port);
    } catch (Exception e) {
      throw new IllegalStateException("could not connect", e);
    }
  }

  /** Connects and joins a board; returns the client after its welcome arrived. */
  public static WsTestClient join(int port, String board, String clientId, Long lastSeq) {
    WsTestClient c = connect(port);
    c.welcome = c.hello(board, clientId, lastSeq);
    return c;
  }

  private JsonObject welcome;

  /** Every text frame this client has received so far, in order, as it arrived. */
  public List<String> received() {
    return List.copyOf(received);
  }

  public JsonObject welcome() {
    return welcome;
  }

  /** Says hello as a guest editor named "tester {clientId}" (see {@link TestAccess#guestToken}). */
  public JsonObject hello(String board, String clientId, Long lastSeq) {
    String token = TestAccess.guestToken("http://127.0.0.1:" + port, board, clientId, "tester " + clientId);
    return hello(board, clientId, lastSeq, token);
  }

  public JsonObject hello(String board, String clientId, Long lastSeq, String token) {
    send(helloFrame(board, clientId, lastSeq, token));
    JsonObject answer = expect(m -> "welcome".equals(m.getString("t")) || "error".equals(m.getString("t")));
    if (!"welcome".equals(answer.getString("t"))) {
      throw new AssertionError("hello refused: " + answer.encode());
    }
    return answer;
  }

  /** A hello frame. */
  public static JsonObject helloFrame(String board, String clientId, Long lastSeq, String token) {
    JsonObject hello = new JsonObject().put("t", "hello").put("protocol", 1).put("board", board)
        .put("clientId", clientId).put("token", token);
    if (lastSeq != null) {
      hello.put("lastSeq", lastSeq);
    }
    return hello;
  }

  /** Connects and joins with a given token. */
  public static WsTestClient join(int port, String board, String clientId, Long lastSeq, String token) {
    WsTestClient c = connect(port);
    c.welcome = c.hello(board, clientId, lastSeq, token);
    return c;
  }

  /** The underlying socket, for tests that write frames the protocol does not (binary, fragments, bytes). */
  public WebSocket raw() {
    return ws;
  }

  public void send(JsonObject message) {
    sendRaw(message.encode());
  }

  public void sendRaw(String text) {
    ws.writeTextMessage(text).toCompletionStage().toCompletableFuture().join();
  }

  /** Waits for the next frame matching {@code p}, dropping frames before it. */
  public JsonObject expect(Predicate<JsonObject> p) {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    try {
      while (true) {
        long left = deadline - System.nanoTime();
        JsonObject m = inbox.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
        if (m == null) {
          throw new AssertionError("no matching frame within " + TIMEOUT);
        }
        if (p.test(m)) {
          return m;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** The next batch frame that carries ops (presence-only batches are skipped). */
  public JsonObject expectOps() {
    return expect(m -> "batch".equals(m.getString("t")) && !m.getJsonArray("ops").isEmpty());
  }

  /** The reply (ack, error, ops, pong) to request {@code id}. */
  public JsonObject reply(String id) {
    return expect(m -> id.equals(m.getString("id")));
  }

  /** Next frame of any kind, or null after {@code ms}. */
  public JsonObject poll(long ms) {
    try {
      return inbox.poll(ms, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /** Stops reading from the socket, so the server's writes back up (slow-consumer tests). */
  public void pause() {
    ws.pause();
  }

  public void resume() {
    ws.resume();
  }

  public boolean isClosed() {
    return closed.isDone();
  }

  /** Waits for the server to close the socket; returns the close code. */
  public short awaitClose() {
    try {
      return closed.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      throw new AssertionError("socket not closed within " + TIMEOUT, e);
    }
  }

  @Override
  public void close() {
    if (!closed.isDone()) {
      ws.close();
    }
  }
}
