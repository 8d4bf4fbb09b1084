package org.crossboard.room;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counters of this node's rooms, read by the health and metrics endpoints (any thread). */
public final class RoomMetrics {
  private final LongAdder opsWritten = new LongAdder();
  private final LongAdder catchUps = new LongAdder();
  private final LongAdder ownEchoesDropped = new LongAdder();
  private final Map<String, LongAdder> remoteByKind = new ConcurrentHashMap<>();

  void opsWritten(int n) {
    opsWritten.add(n);
  }

  void catchUp() {
    catchUps.increment();
  }

  void ownEcho() {
    ownEchoesDropped.increment();
  }

  void remote(String kind) {
    remoteByKind.computeIfAbsent(kind, k -> new LongAdder()).increment();
  }

  public long opsWritten() {
    return opsWritten.sum();
  }

  /** How often rooms read ops they had missed from the op log (lost seq races, pub/sub gaps). */
  public long catchUps() {
    return catchUps.sum();
  }

  /** Messages this node published that came back to it on a board channel and were dropped (M5). */
  public long ownEchoesDropped() {
    return ownEchoesDropped.sum();
  }

  /** Messages from other nodes handled, by kind. */
  public Map<String, Long> remoteByKind() {
    Map<String, Long> out = new TreeMap<>();
    remoteByKind.forEach((kind, n) -> out.put(kind, n.sum()));
    return out;
  }
}
