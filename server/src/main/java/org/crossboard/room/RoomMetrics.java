package org.crossboard.room;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * What this node's rooms measure, on the node's meter registry (served as Prometheus text at
 * {@code /metrics}; docs/ARCHITECTURE.md "Operations" lists every meter). Thread-safe.
 */
public final class RoomMetrics {
  private final MeterRegistry registry;
  private final Counter opsWritten;
  private final Counter catchUps;
  private final Counter ownEchoesDropped;
  private final Counter backpressurePauses;
  private final Timer commit;
  private final Timer pushToBroadcast;
  private final Timer pubSubLag;
  private final Map<String, Counter> remoteByKind = new ConcurrentHashMap<>();
  private final Map<String, Counter> pushesByOutcome = new ConcurrentHashMap<>();

  /** Meters on a registry of their own (tests, tools). */
  public RoomMetrics() {
    this(new SimpleMeterRegistry());
  }

  public RoomMetrics(MeterRegistry registry) {
    this.registry = registry;
    opsWritten = Counter.builder("crossboard.ops.written").description("ops this node made durable")
        .register(registry);
    catchUps = Counter.builder("crossboard.catch.ups")
        .description("reads of missed ops from the op log (lost seq races, pub/sub gaps)").register(registry);
    ownEchoesDropped = Counter.builder("crossboard.pubsub.own.echoes")
        .description("this node's own messages that came back on a board channel and were dropped").register(registry);
    backpressurePauses = Counter.builder("crossboard.backpressure.pauses")
        .description("sockets paused because their room's backlog passed its bound").register(registry);
    commit = latency("crossboard.commit", "one group-committed write to the op log");
    pushToBroadcast = latency("crossboard.push.to.broadcast", "a push sequenced until its op went out to the room");
    pubSubLag = latency("crossboard.pubsub.lag", "a message between nodes, published until received");
  }

  private Timer latency(String name, String description) {
    return Timer.builder(name).description(description).publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(30)).register(registry);
  }

  void opsWritten(int n) {
    opsWritten.increment(n);
  }

  void catchUp() {
    catchUps.increment();
  }

  void ownEcho() {
    ownEchoesDropped.increment();
  }

  void remote(String kind) {
    remoteByKind.computeIfAbsent(kind, k -> Counter.builder("crossboard.pubsub.received")
        .description("messages from other nodes handled, by kind").tag("kind", k).register(registry)).increment();
  }

  /** A push (or a feature's write) was answered: written, duplicate, rejected or unavailable. */
  void pushAnswered(String outcome) {
    pushesByOutcome.computeIfAbsent(outcome, o -> Counter.builder("crossboard.pushes")
        .description("pushes answered, by outcome").tag("outcome", o).register(registry)).increment();
  }

  void backpressurePause() {
    backpressurePauses.increment();
  }

  void commitTook(long nanos) {
    commit.record(nanos, TimeUnit.NANOSECONDS);
  }

  void broadcastAfter(long nanos) {
    pushToBroadcast.record(nanos, TimeUnit.NANOSECONDS);
  }

  void pubSubLag(long millis) {
    pubSubLag.record(Math.max(0, millis), TimeUnit.MILLISECONDS);
  }

  public long opsWritten() {
    return (long) opsWritten.count();
  }

  /** How often rooms read ops they had missed from the op log (lost seq races, pub/sub gaps). */
  public long catchUps() {
    return (long) catchUps.count();
  }

  /** Messages this node published that came back to it on a board channel and were dropped (M5). */
  public long ownEchoesDropped() {
    return (long) ownEchoesDropped.count();
  }

  /** Messages from other nodes handled, by kind. */
  public Map<String, Long> remoteByKind() {
    Map<String, Long> out = new TreeMap<>();
    remoteByKind.forEach((kind, n) -> out.put(kind, (long) n.count()));
    return out;
  }
}
