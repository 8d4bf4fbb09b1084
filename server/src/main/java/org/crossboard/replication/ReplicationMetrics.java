package org.crossboard.replication;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** What replication measures on the node's registry (docs/ARCHITECTURE.md "Operations"). */
final class ReplicationMetrics {
  private final Counter forwarded;
  private final Counter leasesTaken;
  private final Counter stepDowns;

  ReplicationMetrics(MeterRegistry registry) {
    forwarded = Counter.builder("crossboard.replication.forwarded")
        .description("pushes sent to the node that sequences their board (re-sends included)").register(registry);
    leasesTaken = Counter.builder("crossboard.replication.leases.taken")
        .description("boards this node became the sequencing node of").register(registry);
    stepDowns = Counter.builder("crossboard.replication.step.downs")
        .description("boards this node stopped sequencing because another node holds the lease now").register(registry);
  }

  void forwarded() {
    forwarded.increment();
  }

  void leaseTaken() {
    leasesTaken.increment();
  }

  void steppedDown() {
    stepDowns.increment();
  }
}
