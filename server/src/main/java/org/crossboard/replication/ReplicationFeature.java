package org.crossboard.replication;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.crossboard.pubsub.PubSub;
import org.crossboard.room.FeatureRegistry;
import org.crossboard.room.RoomFeature;
import org.crossboard.room.RoomHandle;
import org.crossboard.room.Sequencer;
import org.crossboard.store.Op;
import org.crossboard.store.OpLog;

/**
 * Keeps a board's rooms on several nodes in step (SPEC.md M1–M4, docs/ARCHITECTURE.md "Many
 * nodes"): each node publishes the ops it made durable ({@code ops}), applies other nodes' ops in
 * seq order, catches up from the op log on gaps, after a pub/sub outage and — so a quiet room
 * cannot stay behind — when a periodic check finds the op log ahead; a node that lost a seq race
 * asks the others to hold their writes briefly ({@code yield}). Registered only when nodes share
 * boards through Redis: a single node has nobody to keep in step.
 */
public final class ReplicationFeature implements RoomFeature {
  /** Between nodes: ops a node made durable. */
  public static final String OPS = "ops";
  /** Between nodes: "I lost a seq race; hold your writes a moment". */
  public static final String YIELD = "yield";

  private final OpLog log;
  private final long catchUpCheckMs;
  private final Set<RoomHandle> open = new LinkedHashSet<>();

  /**
   * @param catchUpCheckMs how often an open room compares its seq with the op log's
   */
  public ReplicationFeature(PubSub pubsub, OpLog log, long catchUpCheckMs) {
    this.log = log;
    this.catchUpCheckMs = catchUpCheckMs;
    // after a pub/sub outage every room may have missed ops: read them from the op log
    pubsub.reconnectHandler(v -> List.copyOf(open).forEach(room -> room.sequencer().catchUp()));
  }

  @Override
  public void register(FeatureRegistry registry) {
    registry.remote(OPS, (room, node, body) -> {
      turn(room).taken();
      JsonArray wire = body.getJsonArray("ops", new JsonArray());
      List<Op> ops = new ArrayList<>(wire.size());
      for (int i = 0; i < wire.size(); i++) {
        ops.add(Op.fromJson(wire.getJsonObject(i)));
      }
      room.sequencer().remoteOps(ops);
    });
    registry.remote(YIELD, (room, node, body) -> turn(room).give());
  }

  @Override
  public void onOpen(RoomHandle room) {
    open.add(room);
    room.sequencer().gate(turn(room));
    room.setPeriodic(catchUpCheckMs, t -> checkOpLog(room));
  }

  @Override
  public void afterDurable(RoomHandle room, List<Op> ops) {
    JsonArray wire = new JsonArray(new ArrayList<>(ops.size()));
    ops.forEach(op -> wire.add(op.toJson()));
    room.publish(OPS, new JsonObject().put("ops", wire));
  }

  @Override
  public void onClose(RoomHandle room) {
    open.remove(room);
  }

  /** Pub/sub may drop messages: an idle room asks the op log whether it missed anything (M3). */
  private void checkOpLog(RoomHandle room) {
    Sequencer sequencer = room.sequencer();
    if (!sequencer.isIdle()) {
      return; // our own write would look like someone else's
    }
    log.lastSeq(room.boardId()).onSuccess(last -> {
      if (sequencer.isIdle() && last > sequencer.durableSeq()) {
        sequencer.catchUp();
      }
    });
  }

  private WriteTurn turn(RoomHandle room) {
    return room.state(WriteTurn.class, () -> new WriteTurn(room));
  }
}
