package org.crossboard.board;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crossboard.protocol.ClientMessage;
import org.crossboard.protocol.CloseCode;
import org.crossboard.protocol.ErrorCode;
import org.crossboard.protocol.ProtocolException;
import org.crossboard.protocol.ProtocolVersion;
import org.crossboard.protocol.ServerMessages;
import org.crossboard.store.Op;
import org.crossboard.store.Snapshot;
import org.crossboard.store.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One open board on this node: sequences pushes, writes them durably with group commit, and
 * broadcasts each durable batch as one frame encoded once (SPEC.md C, D, B). Runs on one event
 * loop; every method must be called on it.
 *
 * <p>Two states are kept: {@code speculative} (every sequenced op, against which new pushes are
 * validated) and {@code confirmed} (durable ops only, for snapshots and welcomes), so clients
 * never see an op that is not yet durable.
 */
public final class BoardRoom {
  private static final Logger LOG = LoggerFactory.getLogger(BoardRoom.class);

  private enum State { LOADING, OPEN, CLOSED }

  private record Pending(Op op, RoomMember member, String requestId) {}

  private final String boardId;
  private final Stores stores;
  private final RoomSettings settings;
  private final Vertx vertx;
  private final RoomRegistry registry;
  private final Promise<Void> loaded = Promise.promise();
  private final Map<String, RoomMember> members = new LinkedHashMap<>();
  private final Map<String, Long> speculativeClientSeq = new HashMap<>();
  private final Map<String, Long> durableClientSeq = new HashMap<>();
  private State state = State.LOADING;
  private BoardState speculative;
  private BoardState confirmed;
  private RecentOps recent;
  private long nextSeq;
  private long durableSeq;
  private long lastSnapshotSeq;
  private List<Pending> queue = new ArrayList<>();
  private boolean writing;
  private boolean idle;
  private long closeTimer = -1;

  BoardRoom(String boardId, Stores stores, RoomSettings settings, Vertx vertx, RoomRegistry registry) {
    this.boardId = boardId;
    this.stores = stores;
    this.settings = settings;
    this.vertx = vertx;
    this.registry = registry;
  }

  public String boardId() {
    return boardId;
  }

  public int memberCount() {
    return members.size();
  }

  Future<Void> loaded() {
    return loaded.future();
  }

  void load() {
    BoardLoader.load(stores, boardId).onComplete(ar -> {
      if (ar.failed()) {
        state = State.CLOSED;
        loaded.fail(ar.cause());
        return;
      }
      BoardLoader.Loaded board = ar.result();
      confirmed = board.state();
      speculative = BoardState.of(confirmed.toJson());
      durableSeq = nextSeq = board.seq();
      lastSnapshotSeq = board.snapshotSeq();
      recent = new RecentOps(settings.resumeOps(), board.snapshotSeq());
      for (Op op : board.replayed()) {
        recent.add(op.toJson());
        durableClientSeq.merge(op.clientId(), op.clientSeq(), Math::max);
      }
      speculativeClientSeq.putAll(durableClientSeq);
      state = State.OPEN;
      loaded.complete();
    });
  }

  /** Admits a member and sends it its welcome (SPEC.md C8, P7). */
  Future<Void> admit(RoomMember member, ClientMessage.Hello hello) {
    if (state != State.OPEN) {
      return Future.failedFuture(new RoomClosedException());
    }
    cancelClose();
    Future<Void> known = durableClientSeq.containsKey(member.clientId())
        ? Future.succeededFuture()
        : stores.ops().maxClientSeq(boardId, member.clientId()).map(max -> {
            durableClientSeq.merge(member.clientId(), max, Math::max);
            speculativeClientSeq.merge(member.clientId(), max, Math::max);
            return null;
          });
    return known.compose(v -> {
      if (state != State.OPEN) {
        return Future.failedFuture(new RoomClosedException());
      }
      RoomMember previous = members.put(member.clientId(), member);
      if (previous != null && previous != member) {
        previous.close(CloseCode.REPLACED, "another connection took this clientId");
      }
      member.send(welcome(member, hello.lastSeq()).encode());
      return Future.succeededFuture();
    });
  }

  private JsonObject welcome(RoomMember member, Long lastSeq) {
    JsonObject welcome = new JsonObject()
        .put("t", "welcome")
        .put("protocol", ProtocolVersion.CURRENT)
        .put("you", member.principal().toJson().put("clientId", member.clientId()))
        .put("role", member.principal().role().wire())
        .put("board", new JsonObject().put("id", boardId).put("title", confirmed.title()))
        .put("seq", durableSeq)
        .put("applied", durableClientSeq.getOrDefault(member.clientId(), 0L));
    JsonArray ops = lastSeq == null ? null : recent.range(lastSeq, durableSeq);
    if (ops != null) {
      welcome.put("ops", ops);
    } else {
      welcome.put("snapshot", new JsonObject().put("seq", durableSeq).put("records", confirmed.toJson()));
    }
    return welcome.put("limits", ServerMessages.limits());
  }

  /** A member left; an empty room closes after {@link RoomSettings#idleCloseMs()} (SPEC.md B2). */
  public void leave(RoomMember member) {
    if (members.get(member.clientId()) == member) {
      members.remove(member.clientId());
    }
    if (members.isEmpty() && state == State.OPEN && closeTimer < 0) {
      closeTimer = vertx.setTimer(Math.max(1, settings.idleCloseMs()), t -> {
        closeTimer = -1;
        idle = true;
        closeIfIdle();
      });
    }
  }

  private void cancelClose() {
    idle = false;
    if (closeTimer >= 0) {
      vertx.cancelTimer(closeTimer);
      closeTimer = -1;
    }
  }

  /** Validates and sequences a push; it is acknowledged once durable (SPEC.md C2, C7, D1). */
  public void submit(RoomMember member, ClientMessage.Push push) {
    if (state != State.OPEN) {
      member.send(ServerMessages.error(push.id(), ErrorCode.ERR_UNAVAILABLE, "board is reloading", null).encode());
      member.close(CloseCode.ROOM_RESET, "board reloads from storage; resume with lastSeq");
      return;
    }
    String clientId = member.clientId();
    if (push.clientSeq() <= speculativeClientSeq.getOrDefault(clientId, 0L)) {
      member.send(ServerMessages.duplicateAck(push.id()).encode());
      return;
    }
    long now = System.currentTimeMillis();
    JsonArray canonical;
    try {
      canonical = speculative.applyClientChanges(push.changes(), member.principal().userId(), now);
    } catch (ProtocolException e) {
      member.send(ServerMessages.error(push.id(), e).encode());
      return;
    }
    Op op = new Op(++nextSeq, clientId, push.clientSeq(), member.principal().toJson(), now, canonical);
    speculativeClientSeq.put(clientId, push.clientSeq());
    queue.add(new Pending(op, member, push.id()));
    flush();
  }

  /** Group commit: one write in flight; whatever queued meanwhile goes in the next (SPEC.md D3). */
  private void flush() {
    if (writing || queue.isEmpty() || state != State.OPEN) {
      return;
    }
    List<Pending> batch = queue;
    queue = new ArrayList<>();
    List<Op> ops = new ArrayList<>(batch.size());
    batch.forEach(p -> ops.add(p.op()));
    writing = true;
    stores.ops().append(boardId, ops).onComplete(ar -> {
      writing = false;
      if (ar.succeeded()) {
        onDurable(batch);
      } else {
        onWriteFailed(batch, ar.cause());
      }
    });
  }

  private void onDurable(List<Pending> batch) {
    BatchFrames frames = new BatchFrames();
    String newTitle = null;
    for (Pending p : batch) {
      Op op = p.op();
      confirmed.applyCanonical(op.changes());
      durableSeq = op.seq();
      durableClientSeq.put(op.clientId(), op.clientSeq());
      JsonObject json = op.toJson();
      recent.add(json);
      frames.add(json);
      newTitle = titleChange(op.changes(), newTitle);
    }
    registry.countOps(batch.size());
    if (state != State.CLOSED) {
      for (String frame : frames.encoded()) { // B1: encoded once, the same string for every member
        for (RoomMember member : List.copyOf(members.values())) {
          deliver(member, frame);
        }
      }
      for (Pending p : batch) {
        if (members.get(p.member().clientId()) == p.member()) {
          deliver(p.member(), ServerMessages.ack(p.requestId(), p.op().seq()).encode());
        }
      }
    }
    if (newTitle != null) {
      String title = newTitle;
      stores.boards().rename(boardId, title).onFailure(e -> LOG.warn("rename of {} failed", boardId, e));
    }
    if (durableSeq - lastSnapshotSeq >= settings.snapshotEvery()) {
      saveSnapshot();
    }
    flush();
    closeIfIdle();
  }

  /** One member's broken socket must never stop delivery to the others. */
  private void deliver(RoomMember member, String frame) {
    try {
      member.send(frame);
    } catch (RuntimeException e) {
      LOG.warn("delivery to {} on board {} failed; closing it", member.clientId(), boardId, e);
      members.remove(member.clientId(), member);
      member.close(CloseCode.GOING_AWAY, "delivery failed");
    }
  }

  private static String titleChange(JsonArray changes, String current) {
    for (int i = 0; i < changes.size(); i++) {
      JsonObject c = changes.getJsonObject(i);
      if ("patch".equals(c.getString("op")) && RecordSchema.BOARD_RECORD_ID.equals(c.getString("id"))
          && c.getJsonObject("props").getValue("title") instanceof String title) {
        current = title;
      }
    }
    return current;
  }

  /**
   * The op log refused or lost the write (SPEC.md D6): answer every sequenced-but-not-durable push
   * with a retryable error and reset, so that the next join reloads the truth from storage.
   */
  private void onWriteFailed(List<Pending> batch, Throwable cause) {
    LOG.warn("write to op log of board {} failed; resetting room", boardId, cause);
    List<Pending> failed = new ArrayList<>(batch);
    failed.addAll(queue);
    queue.clear();
    for (Pending p : failed) {
      p.member().send(ServerMessages.error(p.requestId(), ErrorCode.ERR_UNAVAILABLE,
          "storage write failed; send again", null).encode());
    }
    closeMembers(CloseCode.ROOM_RESET, "board reloads from storage; resume with lastSeq");
  }

  private void closeIfIdle() {
    if (!idle || !members.isEmpty() || writing || !queue.isEmpty() || state != State.OPEN) {
      return;
    }
    state = State.CLOSED;
    registry.removed(this);
    if (durableSeq > lastSnapshotSeq) {
      saveSnapshot();
    }
  }

  private Future<Void> saveSnapshot() {
    long seq = durableSeq;
    lastSnapshotSeq = seq;
    return stores.snapshots().save(boardId, new Snapshot(seq, confirmed.toJson()))
        .onFailure(e -> LOG.warn("snapshot of {} at {} failed", boardId, seq, e));
  }

  /** Answers {@code fetch}: ops from memory when held, else from the op log (SPEC.md C9). */
  public void fetch(RoomMember member, ClientMessage.Fetch fetch) {
    if (fetch.from() > fetch.to() || fetch.to() > durableSeq || fetch.to() - fetch.from() > settings.resumeOps()) {
      member.send(ServerMessages.error(fetch.id(), ErrorCode.ERR_RANGE_UNAVAILABLE,
          "range (" + fetch.from() + ", " + fetch.to() + "] not available; newest seq is " + durableSeq
              + "; reconnect with lastSeq", null).encode());
      return;
    }
    JsonArray held = recent.range(fetch.from(), fetch.to());
    if (held != null) {
      member.send(ServerMessages.ops(fetch.id(), held).encode());
      return;
    }
    stores.ops().range(boardId, fetch.from(), fetch.to(), settings.resumeOps()).onComplete(ar -> {
      if (ar.succeeded()) {
        JsonArray ops = new JsonArray();
        ar.result().forEach(op -> ops.add(op.toJson()));
        member.send(ServerMessages.ops(fetch.id(), ops).encode());
      } else {
        member.send(ServerMessages.error(fetch.id(), ErrorCode.ERR_UNAVAILABLE, "op log unavailable", null).encode());
      }
    });
  }

  /** Closes every member and the room at once; used when the board is deleted. */
  void terminate(CloseCode code, String reason) {
    closeMembers(code, reason);
  }

  /** Server shutdown: close members, let an in-flight write land, then snapshot. */
  Future<Void> shutdown() {
    if (state != State.OPEN) {
      return Future.succeededFuture();
    }
    closeMembers(CloseCode.GOING_AWAY, "server shutting down");
    return durableSeq > lastSnapshotSeq ? saveSnapshot().otherwiseEmpty() : Future.succeededFuture();
  }

  private void closeMembers(CloseCode code, String reason) {
    state = State.CLOSED;
    cancelClose();
    registry.removed(this);
    List<RoomMember> all = List.copyOf(members.values());
    members.clear();
    all.forEach(m -> m.close(code, reason));
  }
}
