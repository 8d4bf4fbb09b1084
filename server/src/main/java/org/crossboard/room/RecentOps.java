package org.crossboard.room;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;

/** The last N durable ops of a room in wire form, so resumes and gap fetches need no query. */
final class RecentOps {
  private final int capacity;
  private final ArrayDeque<JsonObject> ops = new ArrayDeque<>();
  private long lastSeq;

  RecentOps(int capacity, long lastSeq) {
    this.capacity = capacity;
    this.lastSeq = lastSeq;
  }

  void add(JsonObject op) {
    if (ops.size() == capacity) {
      ops.removeFirst();
    }
    ops.addLast(op);
    lastSeq = op.getLong("seq");
  }

  /** The ops {@code afterSeq < seq <= toSeq}, or null when they are not all held here. */
  JsonArray range(long afterSeq, long toSeq) {
    if (toSeq > lastSeq || afterSeq > toSeq) {
      return null;
    }
    JsonArray out = new JsonArray();
    if (afterSeq == toSeq) {
      return out;
    }
    if (ops.isEmpty() || ops.peekFirst().getLong("seq") > afterSeq + 1) {
      return null;
    }
    for (JsonObject op : ops) {
      long seq = op.getLong("seq");
      if (seq > afterSeq && seq <= toSeq) {
        out.add(op);
      }
    }
    return out;
  }
}
