package org.crossboard.app;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.crossboard.protocol.CloseCode;
import org.crossboard.pubsub.PubSub;
import org.crossboard.room.RoomRegistry;
import org.crossboard.transport.ConnectionSupervisor;

/** The node-wide meters that are read from the node's parts when scraped (the rooms' own are in RoomMetrics). */
final class NodeMeters {
  private NodeMeters() {}

  static void bind(MeterRegistry registry, RoomRegistry rooms, ConnectionSupervisor connections, PubSub pubsub) {
    Gauge.builder("crossboard.connections", connections, ConnectionSupervisor::count)
        .description("open client connections (WebSocket and SockJS)").register(registry);
    Gauge.builder("crossboard.rooms", rooms, RoomRegistry::roomCount).description("open board rooms").register(registry);
    Gauge.builder("crossboard.pubsub.connected", pubsub, p -> p.connected() ? 1 : 0)
        .description("1 while pub/sub between nodes is up (always 1 on a single node)").register(registry);
    for (CloseCode code : CloseCode.values()) {
      FunctionCounter.builder("crossboard.server.closes", connections, c -> c.closes(code))
          .description("connections the server closed, by close code (SLOW_CONSUMER: slow-consumer closes)")
          .tag("code", code.name()).register(registry);
    }
  }
}
