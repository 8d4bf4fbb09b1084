package org.crossboard.room;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.crossboard.board.ChangePolicy;
import org.crossboard.board.RecordTypes;
import org.crossboard.error.CrossboardException;
import org.crossboard.error.ErrorCode;
import org.crossboard.store.ClientMark;
import org.crossboard.store.DuplicateOpException;
import org.crossboard.store.Op;
import org.crossboard.store.OpLog;
import org.crossboard.store.SnapshotStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How one room turns submissions into durable ops (SPEC.md C2, C4, C7, D1, D3, D6, M2, M3): validate
 * against the speculative board, sequence, write to the op log with group commit, apply to the
 * confirmed board, tell the room. An explicit state machine; every decision about what to do next
 * is made in {@link #next()}:
 *
 * <pre>
 * state        event                                   → state
 * IDLE         submit / remote ops / catch-up asked     → WRITING (queue not empty) | CATCHING_UP | IDLE
 * WRITING      write durable                            → next()
 * WRITING      write refused: another node took the seq → CATCHING_UP (the batch goes back to the queue)
 * WRITING      write failed                             → STOPPED (everything queued: Unavailable)
 * WRITING      remote ops / catch-up asked              → WRITING, with a catch-up due
 * CATCHING_UP  op log read                              → next() (queued submissions re-validated)
 * CATCHING_UP  read failed                              → STOPPED
 * CATCHING_UP  submit / remote ops                      → CATCHING_UP (queued / a catch-up due)
 * any          stop                                     → STOPPED
 * next():      catch-up due → CATCHING_UP; queue not empty → WRITING; else IDLE
 * (before any of this, the router may hand a submission to the node that sequences the board)
 * </pre>
 *
 * Event-loop confined.
 */
final class WritePipeline implements Sequencer {
  private static final Logger LOG = LoggerFactory.getLogger(WritePipeline.class);

  /** Named states; see the table above. */
  enum State { IDLE, WRITING, CATCHING_UP, STOPPED }

  /** What the room hears from its pipeline. */
  interface Listener {
    /**
     * Ops became durable and were applied to the confirmed board: {@code all} in seq order (to be
     * broadcast), {@code ours} those this node wrote. Called before their authors get their answers.
     */
    void durable(List<Op> all, List<Op> ours);

    /** The op log failed; the pipeline has stopped and answered everything it held with Unavailable. */
    void failed(Throwable cause);

    /** Nothing is being written or read and nothing is queued. */
    void settled();
  }

  /**
   * A submission in the queue; {@code op} is null until it is sequenced (after a catch-up), and
   * {@code sequencedAt} (nanoTime) says since when it waits to go out.
   */
  private record Queued(Op op, Submission submission, long sequencedAt) {
    Queued(Op op, Submission submission) {
      this(op, submission, System.nanoTime());
    }

    String key() {
      return key(submission.clientId(), submission.clientSeq());
    }

    static String key(String clientId, long clientSeq) {
      return clientId + '\u0000' + clientSeq;
    }
  }

  /** A submission taken and not yet answered, and the copies of it (same person) that came since. */
  private static final class Unanswered {
    final Submission original;
    List<Submission> copies = List.of();

    Unanswered(Submission original) {
      this.original = original;
    }

    void add(Submission copy) {
      if (copies.isEmpty()) {
        copies = new ArrayList<>(2);
      }
      copies.add(copy);
    }
  }

  private final String boardId;
  private final OpLog log;
  private final SnapshotStore snapshots;
  private final RecordTypes types;
  /** The room's say over each change, asked afresh for every write (a session's locks change). */
  private final Supplier<ChangePolicy> policy;
  private final ConfirmedBoard confirmed;
  private final SpeculativeBoard speculative;
  private final int snapshotEvery;
  private final Listener listener;
  private final RoomMetrics metrics;
  private State state = State.IDLE;
  private boolean catchUpDue;
  private List<Queued> queue = new ArrayList<>();
  private final Map<String, List<Submission>> learning = new HashMap<>();
  /**
   * Every submission taken but not yet answered, by clientId and clientSeq, with the copies of it
   * that arrived meanwhile (a forwarded push sent again after a silence, a push re-sent on a new
   * connection). A copy gets the original's answer when it comes: answered "duplicate" at once, it
   * could reach its client before the op is durable — an ack before durability (D1, C7).
   */
  private final Map<String, Unanswered> unanswered = new HashMap<>();
  private Future<Void> inFlight = Future.succeededFuture();
  private Router router = Router.LOCAL;

  WritePipeline(String boardId, OpLog log, SnapshotStore snapshots, RecordTypes types, Supplier<ChangePolicy> policy,
      ConfirmedBoard confirmed, int snapshotEvery, Listener listener, RoomMetrics metrics) {
    this.boardId = boardId;
    this.log = log;
    this.snapshots = snapshots;
    this.types = types;
    this.policy = policy;
    this.confirmed = confirmed;
    this.speculative = new SpeculativeBoard(confirmed);
    this.snapshotEvery = snapshotEvery;
    this.listener = listener;
    this.metrics = metrics;
  }

  State state() {
    return state;
  }

  /** Submissions sequenced, waiting, or handed to the sequencing node, not yet durable (for backpressure). */
  int backlog() {
    return queue.size() + router.handedOff();
  }

  boolean isSettled() {
    return state == State.IDLE && queue.isEmpty();
  }

  /** What the op log says of a client that joined (its high-water mark and owner), for duplicates. */
  void knowClient(String clientId, ClientMark mark) {
    speculative.knowClient(clientId, mark);
  }

  /**
   * A submission of this node (a client's push, a feature's write): sequenced here, or handed to
   * the node that sequences the board; its answer comes once it is settled either way.
   */
  void submit(Submission submission) {
    if (state == State.STOPPED || !router.handOff(submission)) {
      submitHere(submission);
    }
  }

  /** Validates, sequences and (group-)writes a submission here; its answer comes once it is settled. */
  @Override
  public void submitHere(Submission submission) {
    if (state != State.STOPPED && isCopyOfUnanswered(submission)) {
      return;
    }
    if (state != State.STOPPED && !speculative.knows(submission.clientId())) {
      learnThenSubmit(submission);
      return;
    }
    switch (state) {
      case STOPPED -> answer(submission, new Submission.Outcome.Unavailable());
      case CATCHING_UP -> enqueue(new Queued(null, submission)); // sequenced once the catch-up is done
      case IDLE, WRITING -> {
        if (!speculative.mayWriteAs(submission.clientId(), submission.as().userId())) {
          answer(submission, new Submission.Outcome.Rejected(clientIdTaken()));
          return;
        }
        if (speculative.isDuplicate(submission.clientId(), submission.clientSeq())) {
          answer(submission, new Submission.Outcome.Duplicate());
          return;
        }
        sequence(submission);
        if (state == State.IDLE) {
          next();
        }
      }
    }
  }

  /**
   * A client this room has not heard of (a push forwarded from another node, a feature's first
   * write): where it stands is read from the op log's index first, so a re-sent push of it is known
   * as a duplicate (C7) — sequencing it blind would only be refused by the index, over and over.
   * Its submissions wait, in order, meanwhile.
   */
  private void learnThenSubmit(Submission submission) {
    List<Submission> waiting = learning.get(submission.clientId());
    if (waiting != null) {
      waiting.add(submission);
      return;
    }
    learning.put(submission.clientId(), new ArrayList<>(List.of(submission)));
    confirmed.learnClient(log, boardId, submission.clientId()).onComplete(ar -> {
      List<Submission> ready = learning.remove(submission.clientId());
      if (ar.succeeded()) {
        speculative.knowClient(submission.clientId(), ar.result());
        ready.forEach(this::submitHere);
      } else {
        ready.forEach(s -> answer(s, new Submission.Outcome.Unavailable()));
      }
    });
  }

  /** Holds a copy of a submission taken and not yet answered, to give it the same answer. */
  private boolean isCopyOfUnanswered(Submission submission) {
    Unanswered taken = unanswered.get(Queued.key(submission.clientId(), submission.clientSeq()));
    if (taken == null || taken.original == submission
        || !taken.original.as().userId().equals(submission.as().userId())) {
      return false; // someone else's under that clientId is refused the usual way
    }
    taken.add(submission);
    return true;
  }

  private void enqueue(Queued queued) {
    queue.add(queued);
    unanswered.putIfAbsent(queued.key(), new Unanswered(queued.submission()));
  }

  /** Answers a submission, and the copies of it that arrived while it was on its way. */
  private void answer(Submission submission, Submission.Outcome outcome) {
    String outcomeName = outcome.name();
    metrics.pushAnswered(outcomeName);
    submission.answer().accept(outcome);
    for (Submission copy : takeCopies(submission)) {
      metrics.pushAnswered(outcomeName);
      copy.answer().accept(outcome);
    }
  }

  /** The copies of {@code submission} if it is the one taken under its clientSeq; it is no longer waiting. */
  private List<Submission> takeCopies(Submission submission) {
    String key = Queued.key(submission.clientId(), submission.clientSeq());
    Unanswered taken = unanswered.get(key);
    if (taken == null || taken.original != submission) {
      return List.of();
    }
    unanswered.remove(key);
    return taken.copies;
  }

  /** A clientId is one person's on a board: idempotency is per person and clientId (P7). */
  static CrossboardException clientIdTaken() {
    return new CrossboardException(ErrorCode.ERR_FORBIDDEN,
        "this clientId belongs to someone else on this board; a client makes its own");
  }

  private void sequence(Submission submission) {
    try {
      enqueue(new Queued(speculative.sequence(types, policy.get(), submission, System.currentTimeMillis()), submission));
    } catch (CrossboardException e) {
      answer(submission, new Submission.Outcome.Rejected(e));
    }
  }

  /** The one decision point after every settled step (only while IDLE). */
  private void next() {
    if (catchUpDue) {
      startCatchUp();
    } else if (!queue.isEmpty()) {
      write();
    } else {
      listener.settled();
    }
  }

  /** Group commit: everything queued goes in one write; what queues meanwhile waits for the next (D3). */
  private void write() {
    state = State.WRITING;
    List<Queued> batch = queue;
    queue = new ArrayList<>();
    List<Op> ops = new ArrayList<>(batch.size());
    batch.forEach(q -> ops.add(q.op()));
    long started = System.nanoTime();
    inFlight = log.append(boardId, ops);
    inFlight.onComplete(ar -> {
      metrics.commitTook(System.nanoTime() - started);
      if (ar.succeeded()) {
        onWritten(batch, ops);
      } else if (ar.cause() instanceof DuplicateOpException && state == State.WRITING) {
        batch.addAll(queue); // another node took these seqs: catch up, then re-validate and retry (M2)
        queue = batch;
        startCatchUp();
      } else if (state != State.STOPPED) {
        fail(batch, ar.cause());
      }
    });
  }

  private void onWritten(List<Queued> batch, List<Op> ops) {
    ops.forEach(confirmed::apply); // also when stopped meanwhile: the final snapshot must include them
    metrics.opsWritten(ops.size());
    if (state == State.STOPPED) { // the room closed meanwhile: nobody to broadcast to, but the writes are durable
      batch.forEach(q -> answer(q.submission(), new Submission.Outcome.Written(q.op().seq())));
      return;
    }
    state = State.IDLE;
    listener.durable(ops, ops);
    long broadcastAt = System.nanoTime();
    for (Queued q : batch) {
      metrics.broadcastAfter(broadcastAt - q.sequencedAt());
      answer(q.submission(), new Submission.Outcome.Written(q.op().seq()));
    }
    snapshotIfDue();
    if (state == State.IDLE) {
      next();
    }
  }

  @Override
  public long durableSeq() {
    return confirmed.seq();
  }

  @Override
  public boolean isIdle() {
    return state == State.IDLE;
  }

  @Override
  public void remoteOps(List<Op> ops) {
    switch (state) {
      case STOPPED -> { }
      case WRITING, CATCHING_UP -> catchUpDue = true; // our own step settles first; the op log is the truth then
      case IDLE -> { // nothing queued: a submission taken while IDLE is written at once
        List<Op> applied = new ArrayList<>();
        boolean gap = false;
        for (Op op : ops) {
          if (op.seq() <= confirmed.seq()) {
            continue;
          }
          if (op.seq() != confirmed.seq() + 1) {
            gap = true; // pub/sub lost something (M3)
            break;
          }
          confirmed.apply(op);
          speculative.applyRemote(op);
          applied.add(op);
        }
        if (!applied.isEmpty()) {
          listener.durable(applied, List.of());
          snapshotIfDue();
        }
        if (gap) {
          catchUp(); // the listener may have started a write meanwhile
        }
      }
    }
  }

  @Override
  public void catchUp() {
    switch (state) {
      case STOPPED -> { }
      case WRITING, CATCHING_UP -> catchUpDue = true;
      case IDLE -> startCatchUp();
    }
  }

  @Override
  public void router(Router router) {
    this.router = router;
  }

  @Override
  public void handedOffAnswered() {
    if (isSettled()) {
      listener.settled(); // otherwise the step under way settles and says so
    }
  }

  /** Reads every op after the durable seq from the op log, then re-validates what was queued. */
  private void startCatchUp() {
    state = State.CATCHING_UP;
    catchUpDue = false;
    metrics.catchUp();
    CatchUp.read(log, boardId, confirmed.seq()).onComplete(ar -> {
      if (state != State.CATCHING_UP) {
        return; // stopped meanwhile
      }
      if (ar.failed()) {
        fail(List.of(), ar.cause());
        return;
      }
      Set<String> queuedKeys = new HashSet<>();
      queue.forEach(q -> queuedKeys.add(q.key()));
      Map<String, Long> landed = new HashMap<>();
      List<Op> ours = new ArrayList<>();
      for (Op op : ar.result()) {
        confirmed.apply(op);
        String key = Queued.key(op.clientId(), op.clientSeq());
        landed.put(key, op.seq());
        if (queuedKeys.contains(key)) {
          ours.add(op); // written by us after all (a partial insertMany)
        }
      }
      speculative.resetTo(confirmed);
      listener.durable(ar.result(), ours); // still CATCHING_UP: whatever is submitted meanwhile queues
      if (state != State.CATCHING_UP) {
        return; // the room stopped meanwhile
      }
      List<Queued> retry = queue;
      queue = new ArrayList<>();
      state = State.IDLE;
      for (Queued q : retry) {
        Long seq = landed.get(q.key());
        if (seq != null) {
          answer(q.submission(), new Submission.Outcome.Written(seq));
        } else if (!speculative.mayWriteAs(q.submission().clientId(), q.submission().as().userId())) {
          answer(q.submission(), new Submission.Outcome.Rejected(clientIdTaken()));
        } else if (speculative.isDuplicate(q.submission().clientId(), q.submission().clientSeq())) {
          answer(q.submission(), new Submission.Outcome.Duplicate());
        } else if (!router.handOff(q.submission())) { // this node may have stopped being the sequencer
          sequence(q.submission());
        } else {
          takeCopies(q.submission()).forEach(this::submit); // they go where the original went
        }
      }
      snapshotIfDue();
      if (state == State.IDLE) {
        next();
      }
    });
  }

  /** SPEC.md D6: answer every submission not yet durable with Unavailable and stop. */
  private void fail(List<Queued> batch, Throwable cause) {
    LOG.warn("op log of board {} failed; resetting room", boardId, cause);
    state = State.STOPPED;
    List<Queued> unanswered = new ArrayList<>(batch);
    unanswered.addAll(queue);
    queue = new ArrayList<>();
    unanswered.forEach(q -> answer(q.submission(), new Submission.Outcome.Unavailable()));
    listener.failed(cause);
  }

  /**
   * Stops taking work; a write in flight still lands in the confirmed board and its submissions are
   * answered Written. Queued work is answered Unavailable.
   */
  void stop() {
    if (state == State.STOPPED) {
      return;
    }
    state = State.STOPPED;
    List<Queued> unanswered = queue;
    queue = new ArrayList<>();
    unanswered.forEach(q -> answer(q.submission(), new Submission.Outcome.Unavailable()));
  }

  /** Completes once no write is in flight (whatever its outcome). */
  Future<Void> writesSettled() {
    return inFlight.otherwiseEmpty();
  }

  private void snapshotIfDue() {
    if (confirmed.snapshotDue(snapshotEvery)) {
      saveSnapshot();
    }
  }

  /** Writes a snapshot of the confirmed board when it has ops no snapshot holds (D4). */
  Future<Void> saveSnapshotIfBehind() {
    return confirmed.hasUnsnapshotted() ? saveSnapshot() : Future.succeededFuture();
  }

  private Future<Void> saveSnapshot() {
    long seq = confirmed.seq();
    return confirmed.saveSnapshot(snapshots, boardId)
        .onFailure(e -> LOG.warn("snapshot of {} at {} failed", boardId, seq, e));
  }
}
