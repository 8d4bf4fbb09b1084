package org.crossboard.transport;

import io.vertx.core.Handler;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.vertx.core.http.ServerWebSocket;
import org.crossboard.protocol.CloseCode;
import org.crossboard.protocol.Limits;

/** {@link ClientSocket} over a plain WebSocket at {@code /ws}. */
public final class WebSocketClientSocket implements ClientSocket {
  private final int writeQueueMaxBytes;
  private final ServerWebSocket ws;

  public WebSocketClientSocket(ServerWebSocket ws, int writeQueueMaxBytes) {
    this.ws = ws;
    this.writeQueueMaxBytes = writeQueueMaxBytes;
    ws.setWriteQueueMaxSize(writeQueueMaxBytes);
    // A frame announced over the transport's limit is refused by the decoder as soon as its header
    // arrives, and Vert.x then drops the connection. Closing here first (this runs on the event
    // loop, before the drop) writes the 1009 the peer is owed; a peer still streaming the frame may
    // see TCP reset it before it reads that close (the rest of the frame is never read).
    ws.exceptionHandler(e -> {
      if (e instanceof CorruptedWebSocketFrameException corrupt && !ws.isClosed()) {
        ws.close((short) corrupt.closeStatus().code(), corrupt.closeStatus().reasonText());
      }
    });
  }

  @Override
  public void send(String frame) {
    if (!ws.isClosed()) { // the peer may have gone before our close handler ran
      ws.writeTextMessage(frame);
    }
  }

  @Override
  public boolean writeQueueFull() {
    return !ws.isClosed() && ws.writeQueueFull();
  }

  @Override
  public void drainHandler(Handler<Void> handler) {
    ws.drainHandler(handler);
  }

  @Override
  public int writeQueueMaxBytes() {
    return writeQueueMaxBytes;
  }

  @Override
  public void close(CloseCode code, String reason) {
    if (!ws.isClosed()) {
      ws.close(code.code(), reason);
    }
  }

  @Override
  public void textHandler(Handler<String> handler) {
    TextMessageAssembler messages = new TextMessageAssembler(Limits.TRANSPORT_MAX_FRAME_BYTES);
    ws.frameHandler(frame -> {
      TextMessageAssembler.Result result = messages.accept(frame);
      if (result.text() != null) {
        handler.handle(result.text());
      } else if (result.refusal() != null && !ws.isClosed()) {
        ws.close(result.refusal().code().code(), result.refusal().reason());
      }
    });
  }

  @Override
  public void pause() {
    ws.pause();
  }

  @Override
  public void resume() {
    ws.resume();
  }

  @Override
  public void closeHandler(Handler<Void> handler) {
    ws.closeHandler(handler);
  }
}
