package org.crossboard.room;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The timers of one room (its own and its features'), all cancelled when the room closes. */
final class RoomTimers {
  private final Vertx vertx;
  private final Set<Long> active = new HashSet<>();
  private boolean closed;

  RoomTimers(Vertx vertx) {
    this.vertx = vertx;
  }

  long setTimer(long delayMs, Handler<Long> handler) {
    if (closed) {
      return -1;
    }
    long[] id = new long[1];
    id[0] = vertx.setTimer(Math.max(1, delayMs), t -> {
      active.remove(id[0]);
      handler.handle(t);
    });
    active.add(id[0]);
    return id[0];
  }

  long setPeriodic(long periodMs, Handler<Long> handler) {
    if (closed) {
      return -1;
    }
    long id = vertx.setPeriodic(Math.max(1, periodMs), handler);
    active.add(id);
    return id;
  }

  void cancel(long id) {
    if (active.remove(id)) {
      vertx.cancelTimer(id);
    }
  }

  void cancelAll() {
    closed = true;
    for (long id : List.copyOf(active)) {
      vertx.cancelTimer(id);
    }
    active.clear();
  }
}
