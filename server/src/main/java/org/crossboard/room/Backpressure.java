package org.crossboard.room;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Bounds a room's backlog of sequenced-but-not-durable pushes: above the bound the room stops
 * reading the sockets of members that push, and reads them again once it is down to half. TCP then
 * slows the pushers down instead of server memory growing without bound; nothing is rejected.
 */
final class Backpressure {
  private final int maxBacklog;
  private final RoomMetrics metrics;
  private final Set<RoomMember> paused = new LinkedHashSet<>();

  Backpressure(int maxBacklog, RoomMetrics metrics) {
    this.maxBacklog = maxBacklog;
    this.metrics = metrics;
  }

  /** A push from {@code member} was queued; the queue now holds {@code backlog}. */
  void queued(RoomMember member, int backlog) {
    if (backlog > maxBacklog && paused.add(member)) {
      metrics.backpressurePause();
      member.pauseReading();
    }
  }

  /** Writes completed; the queue now holds {@code backlog}. */
  void drained(int backlog) {
    if (!paused.isEmpty() && backlog <= maxBacklog / 2) {
      paused.forEach(RoomMember::resumeReading);
      paused.clear();
    }
  }
}
