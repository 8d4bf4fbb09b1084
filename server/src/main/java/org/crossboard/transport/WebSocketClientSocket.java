package org.crossboard.transport;

import io.vertx.core.Handler;
import io.vertx.core.http.ServerWebSocket;
import org.crossboard.protocol.CloseCode;

/** {@link ClientSocket} over a plain WebSocket at {@code /ws}. */
public final class WebSocketClientSocket implements ClientSocket {
  private final int writeQueueMaxBytes;
  private final ServerWebSocket ws;

  public WebSocketClientSocket(ServerWebSocket ws, int writeQueueMaxBytes) {
    this.ws = ws;
    this.writeQueueMaxBytes = writeQueueMaxBytes;
    ws.setWriteQueueMaxSize(writeQueueMaxBytes);
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
    ws.textMessageHandler(handler);
    // Binary frames are not part of the protocol; decoding them as text yields ERR_MALFORMED.
    ws.binaryMessageHandler(buffer -> handler.handle(buffer.toString()));
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
