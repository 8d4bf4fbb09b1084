package org.crossboard.board;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.crossboard.protocol.ClientMessage;
import org.crossboard.protocol.CloseCode;
import org.crossboard.error.ErrorCode;
import org.crossboard.error.CrossboardException;
import org.crossboard.protocol.ServerMessages;
import org.crossboard.store.DuplicateOpException;
import org.crossboard.store.Op;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One open board on this node: sequences pushes, writes them durably with group commit, and hands
 * each durable batch to its {@link RoomFanout} (SPEC.md C, D, B). With several nodes, another node
 * may take a seq first: the unique index refuses our write, and the room catches up from the op
 * log, re-validates what it had queued and writes again (DESIGN §5–6). Event-loop confined.
 *
 * <p>Pushes are validated against {@link SpeculativeBoard}; clients only ever see
 * {@link ConfirmedBoard} (durable ops).
 */
public final class BoardRoom {
  private static final Logger LOG = LoggerFactory.getLogger(BoardRoom.class);

  private enum State { LOADING, OPEN, CLOSED }

  /** A sequenced push waiting to be durable; keeps the client's changes to re-validate after a catch-up. */
  private record Pending(Op op, RoomMember member, ClientMessage.Push push) {}

  private final String boardId;
  private final RoomContext ctx;
  private final Promise<Void> loaded = Promise.promise();
  private final RoomFanout fanout;
  private final WriteTurn turn;
  private final Backpressure backpressure;
  private State state = State.LOADING;
  private SpeculativeBoard speculative;
  private ConfirmedBoard confirmed;
  private List<Pending> queue = new ArrayList<>();
  private Future<Void> inFlight = Future.succeededFuture();
  private boolean catchingUp;
  private boolean catchUpWanted;
  private boolean idle;
  private long closeTimer = -1;
  private long catchUpTimer = -1;

  BoardRoom(String boardId, RoomContext ctx) {
    this.boardId = boardId;
    this.ctx = ctx;
    this.fanout = new RoomFanout(boardId, ctx.nodeId(), ctx.vertx(), ctx.pubsub(), ctx.settings(), ctx.multiNode());
    this.turn = new WriteTurn(ctx.vertx());
    this.backpressure = new Backpressure(ctx.settings().maxBacklog());
  }

  public String boardId() {
    return boardId;
  }

  Future<Void> loaded() {
    return loaded.future();
  }

  void load() {
    BoardLoader.load(ctx.stores(), boardId).onComplete(ar -> {
      if (ar.failed()) {
        state = State.CLOSED;
        loaded.fail(ar.cause());
        return;
      }
      confirmed = new ConfirmedBoard(ar.result(), ctx.settings().resumeOps());
      speculative = new SpeculativeBoard(confirmed);
      state = State.OPEN;
      fanout.start(this::onRemoteOps, v -> turn.give());
      if (ctx.multiNode()) { // pub/sub may drop messages: a quiet room still notices what it missed
        catchUpTimer = ctx.vertx().setPeriodic(ctx.settings().catchUpCheckMs(), t -> checkOpLog());
      }
      loaded.complete();
    });
  }

  /** Admits a member and sends it its welcome (SPEC.md C8, P7). */
  Future<Void> admit(RoomMember member, ClientMessage.Hello hello) {
    if (state != State.OPEN) {
      return Future.failedFuture(new RoomClosedException());
    }
    cancelClose();
    return confirmed.learnClientSeq(ctx.stores().ops(), boardId, member.clientId()).compose(max -> {
      speculative.knowClientSeq(member.clientId(), max);
      if (state != State.OPEN) {
        return Future.failedFuture(new RoomClosedException());
      }
      RoomMember previous = fanout.members.put(member.clientId(), member);
      if (previous != null && previous != member) {
        previous.close(CloseCode.REPLACED, "another connection took this clientId");
      }
      member.send(Welcome.build(boardId, member, confirmed, hello.lastSeq(),
          fanout.presence.list(member.clientId())).encode());
      fanout.presence.join(member.clientId(), member.principal().presenceUser(), System.currentTimeMillis());
      fanout.presenceChanged();
      return Future.succeededFuture();
    });
  }

  /** A member left; an empty room closes after {@link RoomSettings#idleCloseMs()} (SPEC.md B2). */
  public void leave(RoomMember member) {
    if (fanout.members.remove(member.clientId(), member)) {
      fanout.presence.leave(member.clientId());
      fanout.presenceChanged();
    }
    if (fanout.members.isEmpty() && state == State.OPEN && closeTimer < 0) {
      closeTimer = ctx.vertx().setTimer(Math.max(1, ctx.settings().idleCloseMs()), t -> {
        closeTimer = -1;
        idle = true;
        closeIfIdle();
      });
    }
  }

  private void cancelClose() {
    idle = false;
    if (closeTimer >= 0) {
      ctx.vertx().cancelTimer(closeTimer);
      closeTimer = -1;
    }
  }

  /** Where a member points and what it looks at: coalesced and flushed at the next tick. */
  public void presence(RoomMember member, JsonObject fields) {
    if (state == State.OPEN) {
      fanout.presenceFrom(member, fields);
    }
  }

  /** Validates and sequences a push; it is acknowledged once durable (SPEC.md C2, C7, D1). */
  public void submit(RoomMember member, ClientMessage.Push push) {
    if (state != State.OPEN) {
      member.send(ServerMessages.error(push.id(), ErrorCode.ERR_UNAVAILABLE, "board is reloading", null).encode());
      member.close(CloseCode.ROOM_RESET, "board reloads from storage; resume with lastSeq");
      return;
    }
    if (catchingUp) {
      queue.add(new Pending(null, member, push)); // sequenced once the catch-up is done
      return;
    }
    if (speculative.isDuplicate(member.clientId(), push.clientSeq())) {
      member.send(ServerMessages.duplicateAck(push.id()).encode());
      return;
    }
    sequence(member, push);
    flush();
    backpressure.queued(member, queue.size());
  }

  private void sequence(RoomMember member, ClientMessage.Push push) {
    try {
      Op op = speculative.sequence(member.principal(), member.clientId(), push, System.currentTimeMillis());
      queue.add(new Pending(op, member, push));
    } catch (CrossboardException e) {
      fanout.deliver(member, ServerMessages.error(push.id(), e).encode());
    }
  }

  /** True while a write to the op log is in flight. */
  private boolean writing() {
    return !inFlight.isComplete();
  }

  /** Group commit: one write in flight; whatever queued meanwhile goes in the next (SPEC.md D3). */
  private void flush() {
    if (writing() || catchingUp || queue.isEmpty() || state != State.OPEN) {
      return;
    }
    if (turn.holding(this::flush)) {
      return;
    }
    List<Pending> batch = queue;
    queue = new ArrayList<>();
    List<Op> ops = new ArrayList<>(batch.size());
    batch.forEach(p -> ops.add(p.op()));
    inFlight = ctx.stores().ops().append(boardId, ops);
    inFlight.onComplete(ar -> {
      if (ar.succeeded()) {
        onDurable(batch);
      } else if (ar.cause() instanceof DuplicateOpException && state == State.OPEN) {
        batch.addAll(queue); // another node took these seqs: catch up, then re-validate and retry
        queue = batch;
        fanout.askOthersToYield();
        catchUp();
      } else {
        onWriteFailed(batch, ar.cause());
      }
    });
  }

  private void onDurable(List<Pending> batch) {
    List<JsonObject> wire = new ArrayList<>(batch.size());
    batch.forEach(p -> wire.add(applyDurable(p.op())));
    ctx.countOps(batch.size());
    if (state != State.CLOSED) {
      fanout.opsDurable(wire);
      for (Pending p : batch) {
        if (fanout.members.get(p.member().clientId()) == p.member()) {
          fanout.deliver(p.member(), ServerMessages.ack(p.push().id(), p.op().seq()).encode());
        }
      }
    }
    afterDurable();
  }

  /** Applies a durable op to the confirmed side; returns its wire form. */
  private JsonObject applyDurable(Op op) {
    String title = ConfirmedBoard.titleChange(op.changes());
    if (title != null) {
      ctx.stores().boards().rename(boardId, title).onFailure(e -> LOG.warn("rename of {} failed", boardId, e));
    }
    return confirmed.apply(op);
  }

  private void afterDurable() {
    backpressure.drained(queue.size());
    if (confirmed.snapshotDue(ctx.settings().snapshotEvery())) {
      saveSnapshot();
    }
    if (catchUpWanted) {
      catchUp();
    } else {
      flush();
    }
    closeIfIdle();
  }

  /** Another node's durable ops: applied at once when they are next in line, else via the op log. */
  private void onRemoteOps(JsonArray ops) {
    if (state != State.OPEN) {
      return;
    }
    turn.taken();
    if (writing() || catchingUp) {
      catchUpWanted = true; // our own write settles first; the op log is the truth afterwards
      return;
    }
    if (!queue.isEmpty()) {
      catchUp(); // our queued pushes were sequenced on a stale base: re-sequence them on top
      return;
    }
    List<JsonObject> wire = new ArrayList<>();
    for (int i = 0; i < ops.size(); i++) {
      Op op = Op.fromJson(ops.getJsonObject(i));
      if (op.seq() <= confirmed.seq) {
        continue;
      }
      if (op.seq() != confirmed.seq + 1) {
        catchUp(); // a gap: pub/sub lost something
        return;
      }
      speculative.applyRemote(op);
      wire.add(applyDurable(op));
    }
    if (!wire.isEmpty()) {
      fanout.opsFromElsewhere(wire);
      afterDurable();
    }
  }

  private void checkOpLog() {
    if (state == State.OPEN && !writing() && !catchingUp) {
      ctx.stores().ops().lastSeq(boardId).onSuccess(last -> {
        if (last > confirmed.seq) {
          catchUp();
        }
      });
    }
  }

  /** Reads every op after our durable seq from the op log, then re-validates what we had queued. */
  void catchUp() {
    if (state != State.OPEN || catchingUp) {
      return;
    }
    if (writing()) {
      catchUpWanted = true;
      return;
    }
    catchUpWanted = false;
    catchingUp = true;
    ctx.countCatchUp();
    CatchUp.read(ctx.stores().ops(), boardId, confirmed.seq).onComplete(ar -> {
      if (state != State.OPEN) {
        return;
      }
      if (ar.failed()) {
        catchingUp = false;
        onWriteFailed(new ArrayList<>(), ar.cause());
        return;
      }
      Map<String, Long> landed = new HashMap<>();
      List<JsonObject> wire = new ArrayList<>();
      for (Op op : ar.result()) {
        wire.add(applyDurable(op));
        landed.put(op.clientId() + "\u0000" + op.clientSeq(), op.seq());
      }
      speculative.resetTo(confirmed);
      catchingUp = false;
      fanout.opsFromElsewhere(wire);
      List<Pending> retry = queue;
      queue = new ArrayList<>();
      for (Pending p : retry) {
        Long seq = landed.get(p.member().clientId() + "\u0000" + p.push().clientSeq());
        if (seq != null) { // it was written after all (a partial insertMany)
          fanout.deliver(p.member(), ServerMessages.ack(p.push().id(), seq).encode());
        } else if (speculative.isDuplicate(p.member().clientId(), p.push().clientSeq())) {
          fanout.deliver(p.member(), ServerMessages.duplicateAck(p.push().id()).encode());
        } else {
          sequence(p.member(), p.push());
        }
      }
      afterDurable();
    });
  }

  /**
   * The op log failed (SPEC.md D6): answer every push not yet durable with a retryable error and
   * reset, so that the next join reloads the truth from storage.
   */
  private void onWriteFailed(List<Pending> batch, Throwable cause) {
    LOG.warn("op log of board {} failed; resetting room", boardId, cause);
    List<Pending> failed = new ArrayList<>(batch);
    failed.addAll(queue);
    queue.clear();
    for (Pending p : failed) {
      fanout.deliver(p.member(), ServerMessages.error(p.push().id(), ErrorCode.ERR_UNAVAILABLE,
          "storage write failed; send again", null).encode());
    }
    closeMembers(CloseCode.ROOM_RESET, "board reloads from storage; resume with lastSeq");
  }

  private void closeIfIdle() {
    if (!idle || !fanout.members.isEmpty() || writing() || catchingUp || !queue.isEmpty() || state != State.OPEN) {
      return;
    }
    stop();
    if (confirmed.hasUnsnapshotted()) {
      saveSnapshot();
    }
  }

  private Future<Void> saveSnapshot() {
    long seq = confirmed.seq;
    return confirmed.saveSnapshot(ctx.stores().snapshots(), boardId)
        .onFailure(e -> LOG.warn("snapshot of {} at {} failed", boardId, seq, e));
  }

  /** Answers {@code fetch}: ops from memory when held, else from the op log (SPEC.md C9). */
  public void fetch(RoomMember member, ClientMessage.Fetch fetch) {
    FetchHandler.answer(ctx.stores().ops(), boardId, confirmed.recent, confirmed.seq, ctx.settings().resumeOps(),
        member, fetch);
  }

  /** Closes every member and the room at once; used when the board is deleted. */
  void terminate(CloseCode code, String reason) {
    closeMembers(code, reason);
  }

  /** Server shutdown: close members, let the write in flight land (storage closes next), then snapshot. */
  Future<Void> shutdown() {
    if (state != State.OPEN) {
      return Future.succeededFuture();
    }
    closeMembers(CloseCode.GOING_AWAY, "server shutting down");
    return inFlight.otherwiseEmpty()
        .compose(v -> confirmed.hasUnsnapshotted() ? saveSnapshot().otherwiseEmpty() : Future.succeededFuture());
  }

  private void closeMembers(CloseCode code, String reason) {
    List<RoomMember> all = List.copyOf(fanout.members.values());
    fanout.members.clear();
    stop();
    all.forEach(m -> m.close(code, reason));
  }

  private void stop() {
    state = State.CLOSED;
    cancelClose();
    if (catchUpTimer >= 0) {
      ctx.vertx().cancelTimer(catchUpTimer);
    }
    turn.cancel();
    fanout.announceDeparture();
    fanout.stop();
    ctx.removed(this);
  }
}
