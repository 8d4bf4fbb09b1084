package org.crossboard.transport;

import io.vertx.core.Handler;
import org.crossboard.protocol.CloseCode;

/** A bidirectional text-frame socket, whatever the transport (WebSocket or SockJS). */
public interface ClientSocket {
  void send(String frame);

  /** True when the transport's write queue is over its bound: the peer is not keeping up. */
  boolean writeQueueFull();

  /** Called once the write queue has drained below half its bound. */
  void drainHandler(Handler<Void> handler);

  /** The bound of the write queue, in bytes. */
  int writeQueueMaxBytes();

  void close(CloseCode code, String reason);

  void textHandler(Handler<String> handler);

  /** Stops delivering incoming frames until {@link #resume()}. */
  void pause();

  void resume();

  void closeHandler(Handler<Void> handler);
}
