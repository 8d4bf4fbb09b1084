package org.crossboard.replication;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.crossboard.pubsub.PubSub;
import org.crossboard.room.FeatureRegistry;
import org.crossboard.room.NodeEnvelope;
import org.crossboard.room.OutgoingBatch;
import org.crossboard.room.RoomFeature;
import org.crossboard.room.RoomHandle;
import org.crossboard.store.Op;
import org.crossboard.store.OpLog;

/**
 * One writer per board across nodes (SPEC.md M1–M9, docs/ARCHITECTURE.md "Many nodes"): the node
 * holding a board's lease sequences it; every other node with the board open forwards its clients'
 * pushes there ({@code push} to that node), relays the sequencer's ops ({@code ops} on the board's
 * channel) to its sockets and hands each client its acknowledgement ({@code answer}) once the op
 * has reached it. Leases move when their holder dies, loses Redis or shuts down. Registered only
 * when nodes share boards through Redis: a single node has nobody to keep in step.
 */
public final class ReplicationFeature implements RoomFeature {
  /** Board channel: ops the sequencing node made durable. */
  public static final String OPS = "ops";
  /** Board channel: a node took the board's lease (with its epoch), or released it. */
  public static final String LEASE = "lease";
  /** Node mailbox: a push forwarded to the board's sequencing node. */
  static final String PUSH = "push";
  /** Node mailbox: the sequencing node's answer to a forwarded push. */
  static final String ANSWER = "answer";

  private final String nodeId;
  private final OpLog log;
  private final LeaseStore leases;
  private final ReplicationSettings settings;
  private final NodeMailbox mailbox;
  private final ReplicationMetrics metrics;
  private final Map<String, RoomHandle> open = new HashMap<>();
  private final List<Future<Void>> releases = new ArrayList<>();

  public ReplicationFeature(String nodeId, PubSub pubsub, OpLog log, LeaseStore leases, ReplicationSettings settings,
      MeterRegistry registry) {
    this.nodeId = nodeId;
    this.log = log;
    this.leases = leases;
    this.settings = settings;
    this.mailbox = new NodeMailbox(pubsub, nodeId);
    this.metrics = new ReplicationMetrics(registry);
    // after a pub/sub outage every room may have missed ops, answers or lease news
    pubsub.reconnectHandler(v -> List.copyOf(open.values()).forEach(room -> replica(room).reconnected()));
  }

  /** Starts receiving messages addressed to this node. */
  public Future<Void> start() {
    return mailbox.open(this::onMailbox);
  }

  /** Completes once every lease this node gave up on closing its rooms is released (shutdown). */
  public Future<Void> released() {
    return Future.join(List.copyOf(releases)).mapEmpty();
  }

  @Override
  public void register(FeatureRegistry registry) {
    registry.remote(OPS, (room, node, body) -> {
      JsonArray wire = body.getJsonArray("ops", new JsonArray());
      List<Op> ops = new ArrayList<>(wire.size());
      for (int i = 0; i < wire.size(); i++) {
        ops.add(Op.fromJson(wire.getJsonObject(i)));
      }
      room.sequencer().remoteOps(ops);
    });
    registry.remote(LEASE, (room, node, body) -> replica(room).announced(node, body));
  }

  @Override
  public void onOpen(RoomHandle room) {
    open.put(room.boardId(), room);
    replica(room).start();
  }

  @Override
  public void onBatch(RoomHandle room, OutgoingBatch batch) {
    replica(room).opsDelivered();
  }

  @Override
  public void afterDurable(RoomHandle room, List<Op> ops) {
    JsonArray wire = new JsonArray(new ArrayList<>(ops.size()));
    ops.forEach(op -> wire.add(op.toJson()));
    room.publish(OPS, new JsonObject().put("ops", wire));
  }

  @Override
  public void onClose(RoomHandle room) {
    open.remove(room.boardId(), room);
    Future<Void> released = replica(room).close();
    releases.removeIf(Future::isComplete);
    releases.add(released);
  }

  private void onMailbox(NodeEnvelope.Message message) {
    RoomHandle room = open.get(message.body().getString("board", ""));
    switch (message.kind()) {
      case PUSH -> {
        if (room == null) {
          mailbox.send(message.node(), ANSWER, Forwarder.notSequencer(message.body().getString("board"),
              message.body().getLong("ref", -1L)));
        } else {
          replica(room).forwarded(message.node(), message.body());
        }
      }
      case ANSWER -> {
        if (room != null) {
          replica(room).answered(message.body());
        }
      }
      default -> { } // a newer node's message
    }
  }

  private BoardReplica replica(RoomHandle room) {
    return room.state(BoardReplica.class,
        () -> new BoardReplica(room, nodeId, leases, settings, log, mailbox, metrics));
  }
}
