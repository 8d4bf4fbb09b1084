package org.crossboard.transport;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.handler.sockjs.SockJSSocket;
import org.crossboard.protocol.CloseCode;
import org.crossboard.protocol.ServerMessages;

/** {@link ClientSocket} over SockJS at {@code /sockjs}, for networks that block WebSockets. */
public final class SockJsClientSocket implements ClientSocket {
  private final int writeQueueMaxBytes;
  private static final long CLOSE_GRACE_MS = 1_000;
  private final SockJSSocket socket;
  private final Vertx vertx;

  public SockJsClientSocket(Vertx vertx, SockJSSocket socket, int writeQueueMaxBytes) {
    this.vertx = vertx;
    this.socket = socket;
    this.writeQueueMaxBytes = writeQueueMaxBytes;
    socket.setWriteQueueMaxSize(writeQueueMaxBytes);
  }

  @Override
  public void send(String frame) {
    socket.write(frame);
  }

  @Override
  public boolean writeQueueFull() {
    return socket.writeQueueFull();
  }

  @Override
  public void drainHandler(Handler<Void> handler) {
    socket.drainHandler(handler);
  }

  @Override
  public int writeQueueMaxBytes() {
    return writeQueueMaxBytes;
  }

  @Override
  public void close(CloseCode code, String reason) {
    // SockJS sessions close with their own code (3000) whatever we pass, so the named close code
    // travels in a last protocol frame (docs/PROTOCOL.md "closing"). A polling client collects
    // queued frames only with its next poll, and closing the session drops them: give it a moment.
    socket.write(ServerMessages.closing(code, reason).encode());
    vertx.setTimer(CLOSE_GRACE_MS, t -> socket.close(code.code(), reason));
  }

  @Override
  public void textHandler(Handler<String> handler) {
    socket.handler(buffer -> handler.handle(buffer.toString()));
  }

  @Override
  public void pause() {
    socket.pause();
  }

  @Override
  public void resume() {
    socket.resume();
  }

  @Override
  public void closeHandler(Handler<Void> handler) {
    socket.closeHandler(handler);
  }
}
