package org.crossboard.transport;

import io.vertx.core.Handler;
import io.vertx.ext.web.handler.sockjs.SockJSSocket;
import org.crossboard.protocol.CloseCode;

/** {@link ClientSocket} over SockJS at {@code /sockjs}, for networks that block WebSockets. */
public final class SockJsClientSocket implements ClientSocket {
  private final int writeQueueMaxBytes;
  private final SockJSSocket socket;

  public SockJsClientSocket(SockJSSocket socket, int writeQueueMaxBytes) {
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
    socket.close(code.code(), reason);
  }

  @Override
  public void textHandler(Handler<String> handler) {
    socket.handler(buffer -> handler.handle(buffer.toString()));
  }

  @Override
  public void closeHandler(Handler<Void> handler) {
    socket.closeHandler(handler);
  }

  @Override
  public String remoteAddress() {
    return String.valueOf(socket.remoteAddress());
  }
}
