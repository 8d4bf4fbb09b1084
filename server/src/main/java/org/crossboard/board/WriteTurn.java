package org.crossboard.board;

import io.vertx.core.Vertx;

/**
 * Turn-taking between nodes that write the same board. When another node loses a seq race it asks
 * for a turn, and this node holds its writes for {@link #HOLD_MS} or until that node's ops arrive.
 * Without it the faster node wins every race and the other one's pushes starve — a liveness
 * matter only: the op log's unique index already decides every race.
 */
final class WriteTurn {
  static final long HOLD_MS = 100;
  private final Vertx vertx;
  private long holdUntil;
  private long timer = -1;

  WriteTurn(Vertx vertx) {
    this.vertx = vertx;
  }

  /** Another node asked for a turn. */
  void give() {
    holdUntil = System.currentTimeMillis() + HOLD_MS;
  }

  /** The other node has written (its ops arrived): writing may resume. */
  void taken() {
    holdUntil = 0;
  }

  /** True when writes must wait; then {@code retry} runs once the hold is over. */
  boolean holding(Runnable retry) {
    long wait = holdUntil - System.currentTimeMillis();
    if (wait <= 0) {
      return false;
    }
    if (timer < 0) {
      timer = vertx.setTimer(wait, t -> {
        timer = -1;
        retry.run();
      });
    }
    return true;
  }

  void cancel() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
      timer = -1;
    }
  }
}
