package org.crossboard.room;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.crossboard.access.Ids;
import org.crossboard.access.Principal;
import org.crossboard.board.BoardLoader;
import org.crossboard.board.PrivateRecords;
import org.crossboard.error.CrossboardException;
import org.crossboard.error.ErrorCode;
import org.crossboard.protocol.ClientMessage;
import org.crossboard.protocol.CloseCode;
import org.crossboard.protocol.ServerMessages;
import org.crossboard.store.ClientMark;
import org.crossboard.store.Op;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One open board on this node: membership, the write pipeline, the outbox and the features,
 * wired together (SPEC.md B). Its lifecycle is an explicit state machine:
 *
 * <pre>
 * LOADING  → EMPTY     loaded from storage (snapshot + later ops); the close timer starts
 * EMPTY    → OPEN      someone joined
 * OPEN     → EMPTY     the last member left; the close timer starts
 * EMPTY    → DRAINING  the close timer fired while a write or catch-up was still under way
 * DRAINING → OPEN      someone joined after all
 * EMPTY | DRAINING → CLOSED   nothing left to write: final snapshot, memory freed (B2)
 * any      → CLOSED    board deleted (P9), storage failed (D6), server shutdown
 * </pre>
 *
 * Event-loop confined.
 */
public final class BoardRoom implements WritePipeline.Listener {
  private static final Logger LOG = LoggerFactory.getLogger(BoardRoom.class);

  /** Named states of a room; see the table above. */
  enum Lifecycle { LOADING, EMPTY, OPEN, DRAINING, CLOSED }

  private final String boardId;
  private final RoomContext ctx;
  private final Promise<Void> loaded = Promise.promise();
  private final Membership membership = new Membership();
  private final Outbox outbox = new Outbox(membership);
  private final RoomTimers timers;
  private final RoomChannel channel;
  private final Backpressure backpressure;
  private final Handle handle = new Handle();
  private final Map<Class<?>, Object> featureState = new HashMap<>();
  /**
   * Features write under clientIds of their own per room instance, so their writes never look like
   * duplicates of an earlier instance's; one per person written as, since a clientId is one
   * person's on a board (P7).
   */
  private final String featureClientPrefix = "~" + Ids.random(new SecureRandom(), 16) + "~";
  private final Map<String, Long> featureClientSeqs = new HashMap<>();
  private Lifecycle lifecycle = Lifecycle.LOADING;
  private ConfirmedBoard confirmed;
  private WritePipeline pipeline;
  private long closeTimer = -1;

  BoardRoom(String boardId, RoomContext ctx) {
    this.boardId = boardId;
    this.ctx = ctx;
    this.timers = new RoomTimers(ctx.vertx());
    this.channel = new RoomChannel(boardId, ctx.pubsub(), ctx.envelope(), ctx.metrics(), ctx.clustered());
    this.backpressure = new Backpressure(ctx.settings().maxBacklog(), ctx.metrics());
  }

  public String boardId() {
    return boardId;
  }

  Future<Void> loaded() {
    return loaded.future();
  }

  /** The handle features act through. */
  RoomHandle handle() {
    return handle;
  }

  Outbox outbox() {
    return outbox;
  }

  void load() {
    BoardLoader.load(ctx.stores(), boardId).onComplete(ar -> {
      if (ar.failed()) {
        lifecycle = Lifecycle.CLOSED;
        loaded.fail(ar.cause());
        return;
      }
      confirmed = new ConfirmedBoard(ar.result(), ctx.settings().resumeOps());
      pipeline = new WritePipeline(boardId, ctx.stores().ops(), ctx.stores().snapshots(), ctx.features().recordTypes(),
          () -> ctx.features().policyFor(handle()), confirmed, ctx.settings().snapshotEvery(), this, ctx.metrics());
      // features start once other nodes' answers can be heard (a presence sync request must not be missed)
      channel.open(this::onRemote).onComplete(v -> {
        lifecycle = Lifecycle.EMPTY;
        startCloseTimer();
        ctx.features().all().forEach(f -> f.onOpen(handle));
        loaded.complete();
      });
    });
  }

  /**
   * Admits a member and sends it its welcome (SPEC.md C8, P7): a clientId is one person's on a
   * board, so a hello with someone else's is refused; the same person's second connection with it
   * replaces the first.
   */
  Future<Void> admit(RoomMember member, ClientMessage.Hello hello) {
    if (lifecycle == Lifecycle.CLOSED) {
      return Future.failedFuture(new RoomClosedException());
    }
    String userId = member.principal().userId();
    return confirmed.learnClient(ctx.stores().ops(), boardId, member.clientId()).compose(mark -> {
      if (mark.userId() != null && !mark.userId().equals(userId)) {
        return Future.failedFuture(WritePipeline.clientIdTaken());
      }
      pipeline.knowClient(member.clientId(), mark);
      return resumeFrom(hello.lastSeq());
    }).compose(resume -> {
      if (lifecycle == Lifecycle.CLOSED) {
        return Future.failedFuture(new RoomClosedException());
      }
      RoomMember holder = membership.holder(member.clientId());
      if (holder != null && !holder.principal().userId().equals(userId)) {
        return Future.failedFuture(WritePipeline.clientIdTaken());
      }
      RoomMember replaced = membership.admit(member);
      cancelClose(); // only now: a hello refused on the way must not keep an empty room open forever
      lifecycle = Lifecycle.OPEN;
      if (replaced != null) {
        leaveHooks(replaced);
        replaced.close(CloseCode.REPLACED, "another connection took this clientId");
      }
      JsonArray ops = resume == null ? null : resume.upTo(confirmed);
      JsonObject welcome = Welcome.build(boardId, member, confirmed, ops, ctx.features().schema());
      ctx.features().all().forEach(f -> f.onJoin(handle, member, welcome));
      outbox.send(member, welcome);
      return Future.succeededFuture();
    });
  }

  /**
   * The ops a client that last applied {@code lastSeq} is missing (C8): from memory when the room
   * holds them, else from the op log when at most {@code resumeOps} behind (a room that reloaded
   * holds only what came after its snapshot); null when it needs a snapshot.
   */
  private Future<Resume> resumeFrom(Long lastSeq) {
    long durable = confirmed.seq();
    if (lastSeq == null || lastSeq > durable || durable - lastSeq > ctx.settings().resumeOps()) {
      return Future.succeededFuture(null);
    }
    return confirmed.opsBetween(ctx.stores().ops(), boardId, lastSeq, durable, ctx.settings().resumeOps())
        .map(ops -> ops.size() == durable - lastSeq ? new Resume(ops, durable) : null) // no gap, or a snapshot
        .otherwise(e -> null);
  }

  /** Ops read for a resume up to {@code readTo}; what became durable meanwhile comes from memory. */
  private record Resume(JsonArray ops, long readTo) {
    JsonArray upTo(ConfirmedBoard confirmed) {
      JsonArray since = confirmed.recentOps(readTo, confirmed.seq());
      return since == null ? null : ops.copy().addAll(since);
    }
  }

  /** A member left; an empty room closes after {@link RoomSettings#idleCloseMs()} (SPEC.md B2). */
  public void leave(RoomMember member) {
    if (membership.remove(member)) {
      leaveHooks(member);
      if (membership.isEmpty() && lifecycle == Lifecycle.OPEN) {
        lifecycle = Lifecycle.EMPTY;
        startCloseTimer();
      }
    }
  }

  private void leaveHooks(Member member) {
    ctx.features().all().forEach(f -> f.onLeave(handle, member));
  }

  private void startCloseTimer() {
    closeTimer = timers.setTimer(ctx.settings().idleCloseMs(), t -> {
      closeTimer = -1;
      if (lifecycle == Lifecycle.EMPTY) {
        lifecycle = Lifecycle.DRAINING;
        closeIfSettled();
      }
    });
  }

  private void cancelClose() {
    if (closeTimer >= 0) {
      timers.cancel(closeTimer);
      closeTimer = -1;
    }
  }

  /**
   * A member's message that passed the connection's role and rate checks: decoded and handed to its
   * route; a malformed one is answered with the precise error and its request id (SPEC.md P3, P4).
   */
  public void dispatch(Route<?> route, RoomMember from, String requestId, JsonObject frame) {
    if (lifecycle == Lifecycle.CLOSED) {
      from.send(ServerMessages.error(requestId, ErrorCode.ERR_UNAVAILABLE, "board is reloading", null).encode());
      from.close(CloseCode.ROOM_RESET, "board reloads from storage; resume with lastSeq");
      return;
    }
    if (!membership.isCurrent(from)) {
      return;
    }
    try {
      route.deliver(this, from, requestId, frame);
    } catch (CrossboardException e) {
      outbox.send(from, ServerMessages.error(requestId, e));
    }
  }

  /** A client's push: validated, sequenced and acknowledged once durable (SPEC.md C2, C7, D1). */
  void submit(RoomMember member, String requestId, ClientMessage.Push push) {
    pipeline.submit(new Submission(member.principal(), member.clientId(), push.clientSeq(), push.changes(),
        outcome -> answerPush(member, requestId, outcome)));
    backpressure.queued(member, pipeline.backlog());
  }

  private void answerPush(RoomMember member, String requestId, Submission.Outcome outcome) {
    if (outcome instanceof Submission.Outcome.Written written) {
      outbox.send(member, ServerMessages.ack(requestId, written.seq()));
    } else if (outcome instanceof Submission.Outcome.Duplicate) {
      outbox.send(member, ServerMessages.duplicateAck(requestId));
    } else if (outcome instanceof Submission.Outcome.Rejected rejected) {
      outbox.send(member, ServerMessages.error(requestId, rejected.reason()));
    } else {
      // retryable, and always with the connection closing, so no later push of it lands first (D6)
      outbox.send(member, ServerMessages.error(requestId, ErrorCode.ERR_UNAVAILABLE,
          "storage write failed; send again", null));
      member.close(CloseCode.ROOM_RESET, "board reloads from storage; resume with lastSeq");
    }
  }

  /** Answers {@code fetch}: ops from memory when held, else from the op log (SPEC.md C9). */
  void fetch(RoomMember member, String requestId, ClientMessage.Fetch fetch) {
    FetchAnswer.answer(ctx.stores().ops(), boardId, confirmed, ctx.settings().resumeOps(),
        fetch, () -> PrivateRecords.Viewer.of(member.principal()), frame -> outbox.send(member, frame));
  }

  private void onRemote(NodeEnvelope.Message message) {
    if (lifecycle == Lifecycle.CLOSED) {
      return;
    }
    FeatureRegistry.RemoteHandler handler = ctx.features().remote(message.kind());
    if (handler == null) {
      LOG.debug("no feature handles {} messages (a newer node?)", message.kind());
      return;
    }
    handler.handle(handle, message.node(), message.body());
  }

  @Override
  public void durable(List<Op> all, List<Op> ours) {
    if (lifecycle == Lifecycle.CLOSED) {
      return;
    }
    OutgoingBatch batch = new OutgoingBatch();
    ctx.features().all().forEach(f -> f.onBatch(handle, batch));
    outbox.batch(all, batch.riders());
    if (!ours.isEmpty()) {
      ctx.features().all().forEach(f -> f.afterDurable(handle, ours));
    }
    backpressure.drained(pipeline.backlog());
  }

  @Override
  public void failed(Throwable cause) {
    closeMembers(CloseCode.ROOM_RESET, "board reloads from storage; resume with lastSeq");
    stop();
  }

  @Override
  public void settled() {
    backpressure.drained(pipeline.backlog());
    closeIfSettled();
  }

  private void closeIfSettled() {
    if (lifecycle == Lifecycle.DRAINING && pipeline.isSettled()) {
      pipeline.saveSnapshotIfBehind(); // captured before the room leaves the registry (a reopened room reads the op log after it anyway)
      stop();
    }
  }

  /** The board was deleted: every member is told and the room is dropped (SPEC.md P9). */
  void terminate(CloseCode code, String reason) {
    if (lifecycle != Lifecycle.CLOSED && lifecycle != Lifecycle.LOADING) {
      closeMembers(code, reason);
      stop();
    }
  }

  /**
   * Server shutdown: close members with 1012 (they reconnect at once, to another node or to this
   * one when it is back, and re-send what was not acknowledged), let the write in flight land
   * (storage closes next), then snapshot.
   */
  Future<Void> shutdown() {
    if (lifecycle == Lifecycle.CLOSED || lifecycle == Lifecycle.LOADING) {
      return Future.succeededFuture();
    }
    closeMembers(CloseCode.SERVICE_RESTART, "server restarting; reconnect now");
    stop();
    return pipeline.writesSettled().compose(v -> pipeline.saveSnapshotIfBehind().otherwiseEmpty());
  }

  private void closeMembers(CloseCode code, String reason) {
    membership.clear().forEach(m -> m.close(code, reason));
  }

  private void stop() {
    lifecycle = Lifecycle.CLOSED;
    ctx.features().all().forEach(f -> f.onClose(handle));
    timers.cancelAll();
    channel.close();
    pipeline.stop();
    ctx.registry().removed(this);
  }

  /** What features see of this room. */
  private final class Handle implements RoomHandle {
    @Override
    public String boardId() {
      return boardId;
    }

    @Override
    public List<? extends Member> members() {
      return membership.all();
    }

    @Override
    public void send(Member to, JsonObject frame) {
      outbox.send(to, frame);
    }

    @Override
    public void broadcast(JsonObject frame, Audience audience) {
      outbox.broadcast(audience, frame);
    }

    @Override
    public void publish(String kind, JsonObject body) {
      channel.publish(kind, body);
    }

    @Override
    public boolean clustered() {
      return channel.clustered();
    }

    @Override
    public JsonObject record(String id) {
      return confirmed.record(id);
    }

    @Override
    public Iterable<JsonObject> records() {
      return confirmed.allRecords();
    }

    @Override
    public Future<Long> write(Principal as, JsonArray changes) {
      Promise<Long> written = Promise.promise();
      String clientId = featureClientPrefix + as.userId();
      long clientSeq = featureClientSeqs.merge(clientId, 1L, Long::sum);
      if (clientSeq == 1) {
        pipeline.knowClient(clientId, new ClientMark(0, as.userId())); // new with this room: nothing to look up
      }
      pipeline.submit(new Submission(as, clientId, clientSeq, changes, outcome -> {
        if (outcome instanceof Submission.Outcome.Written w) {
          written.complete(w.seq());
        } else if (outcome instanceof Submission.Outcome.Rejected r) {
          written.fail(r.reason());
        } else {
          written.fail(new CrossboardException(ErrorCode.ERR_UNAVAILABLE, "the board could not be written"));
        }
      }));
      return written.future();
    }

    @Override
    public <S> S state(Class<S> key, Supplier<S> init) {
      return key.cast(featureState.computeIfAbsent(key, k -> init.get()));
    }

    @Override
    public long setTimer(long delayMs, Handler<Long> handler) {
      return timers.setTimer(delayMs, handler);
    }

    @Override
    public long setPeriodic(long periodMs, Handler<Long> handler) {
      return timers.setPeriodic(periodMs, handler);
    }

    @Override
    public void cancelTimer(long id) {
      timers.cancel(id);
    }

    @Override
    public Sequencer sequencer() {
      return pipeline;
    }
  }
}
