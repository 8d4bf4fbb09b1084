package org.crossboard.replication;

import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.crossboard.error.CrossboardException;
import org.crossboard.error.ErrorCode;
import org.crossboard.room.RoomHandle;
import org.crossboard.room.Sequencer;
import org.crossboard.room.Submission;

/**
 * One room's pushes sent to the node that sequences its board (SPEC.md M7): each stays pending
 * until answered, is sent again to a new sequencer or after a silence, or sequenced here when this
 * node becomes the sequencer. An acknowledgement reaches the client only once the op it names has
 * reached the client too (the op travels on the board channel, the answer on this node's own, so
 * they may arrive in either order).
 *
 * <p>Of each clientId only the oldest pending push is on its way at a time; the next goes when it
 * is answered. Pub/sub may lose a message and deliver the ones after it: if a client's later
 * pushes could overtake a lost one, the sequencer would apply them first, and the lost one, sent
 * again, would be below the client's high-water mark and taken for a duplicate — never applied
 * (C7). A client's pushes reach its own node in order over one connection; this keeps that order
 * to the sequencer. Event-loop confined.
 */
final class Forwarder {
  /** A push on its way; {@code sentAt} 0 while it has not been sent to the current sequencer. */
  private record Pending(Submission submission, long sentAt) {}

  private final RoomHandle room;
  private final NodeMailbox mailbox;
  private final ReplicationMetrics metrics;
  /** Every push not yet answered, by ref (refs grow, so this is arrival order). */
  private final Map<Long, Pending> pending = new LinkedHashMap<>();
  /** The refs of each clientId's pending pushes, oldest first: only the oldest is sent. */
  private final Map<String, ArrayDeque<Long>> byClient = new HashMap<>();
  private final TreeMap<Long, List<Runnable>> acksAfter = new TreeMap<>();
  /** The node pushes go to; null while it is not known (pushes are held). */
  private String target;
  private long nextRef;

  Forwarder(RoomHandle room, NodeMailbox mailbox, ReplicationMetrics metrics) {
    this.room = room;
    this.mailbox = mailbox;
    this.metrics = metrics;
  }

  /** Sends a push to {@code sequencer} once the client's earlier pushes are answered. */
  void forward(Submission submission, String sequencer) {
    target = sequencer;
    long ref = keep(submission);
    if (isOldestOfItsClient(ref)) {
      send(ref);
    }
  }

  /** Keeps a push until a sequencer is known ({@link #sendAll}). */
  void hold(Submission submission) {
    target = null;
    keep(submission);
  }

  private long keep(Submission submission) {
    long ref = ++nextRef;
    pending.put(ref, new Pending(submission, 0));
    byClient.computeIfAbsent(submission.clientId(), c -> new ArrayDeque<>()).add(ref);
    return ref;
  }

  private boolean isOldestOfItsClient(long ref) {
    return byClient.get(pending.get(ref).submission().clientId()).peekFirst() == ref;
  }

  /** Sends each client's oldest pending push to {@code sequencer} (a new one, or one just learned). */
  void sendAll(String sequencer) {
    target = sequencer;
    List.copyOf(byClient.values()).forEach(refs -> send(refs.peekFirst()));
  }

  /** Sends again what was sent at least {@code silenceMs} ago and is still unanswered. */
  void resendUnanswered(String sequencer, long silenceMs) {
    target = sequencer;
    long before = System.currentTimeMillis() - silenceMs;
    for (ArrayDeque<Long> refs : List.copyOf(byClient.values())) {
      long sentAt = pending.get(refs.peekFirst()).sentAt();
      if (sentAt > 0 && sentAt < before) {
        send(refs.peekFirst());
      }
    }
  }

  /** This node sequences the board now: everything pending is sequenced here, in order. */
  void sequenceHere(Sequencer sequencer) {
    List<Pending> all = new ArrayList<>(pending.values());
    pending.clear();
    byClient.clear();
    target = null;
    all.forEach(p -> sequencer.submitHere(p.submission()));
  }

  private void send(long ref) {
    Submission s = pending.get(ref).submission();
    pending.put(ref, new Pending(s, System.currentTimeMillis()));
    metrics.forwarded();
    mailbox.send(target, ReplicationFeature.PUSH, new JsonObject().put("board", room.boardId()).put("ref", ref)
        .put("as", s.as().toForwarded()).put("clientId", s.clientId()).put("clientSeq", s.clientSeq())
        .put("changes", s.changes()));
  }

  /** {@code ref} was answered: it is no longer pending, and its client's next push may go. */
  private void settled(long ref, Submission s) {
    pending.remove(ref);
    ArrayDeque<Long> refs = byClient.get(s.clientId());
    refs.remove(ref);
    if (refs.isEmpty()) {
      byClient.remove(s.clientId());
    } else if (target != null) {
      send(refs.peekFirst());
    }
  }

  /**
   * The sequencer's answer; returns false when it said it is not the sequencer (the push stays
   * pending, to be sent once the lease is known again).
   */
  boolean answered(JsonObject answer) {
    long ref = answer.getLong("ref", -1L);
    Pending p = pending.get(ref);
    if (p == null) {
      return true; // answered already (a re-sent copy's answer)
    }
    String outcome = answer.getString("outcome", "");
    if (outcome.equals(NOT_SEQUENCER)) {
      pending.put(ref, new Pending(p.submission(), 0));
      return false;
    }
    Submission s = p.submission();
    settled(ref, s);
    switch (outcome) {
      case "written" -> {
        long seq = answer.getLong("seq");
        Runnable ack = () -> s.answer().accept(new Submission.Outcome.Written(seq));
        if (room.sequencer().durableSeq() >= seq) {
          ack.run();
        } else {
          acksAfter.computeIfAbsent(seq, k -> new ArrayList<>()).add(ack);
        }
      }
      case "duplicate" -> s.answer().accept(new Submission.Outcome.Duplicate());
      case "rejected" -> s.answer().accept(new Submission.Outcome.Rejected(CrossboardException.relayed(
          ErrorCode.valueOf(answer.getString("code")), answer.getString("message"), answer.getInteger("change"))));
      default -> s.answer().accept(new Submission.Outcome.Unavailable());
    }
    return true;
  }

  /** The answer a sequencing node sends for a push it was forwarded. */
  static JsonObject answer(String board, long ref, Submission.Outcome outcome) {
    JsonObject answer = new JsonObject().put("board", board).put("ref", ref);
    if (outcome instanceof Submission.Outcome.Written w) {
      return answer.put("outcome", "written").put("seq", w.seq());
    } else if (outcome instanceof Submission.Outcome.Duplicate) {
      return answer.put("outcome", "duplicate");
    } else if (outcome instanceof Submission.Outcome.Rejected r) {
      return answer.put("outcome", "rejected").put("code", r.reason().code().name())
          .put("message", r.reason().getMessage()).put("change", r.reason().changeIndex());
    }
    return answer.put("outcome", "unavailable");
  }

  /** The answer of a node asked to sequence a board it does not (or no longer) sequence. */
  static JsonObject notSequencer(String board, long ref) {
    return new JsonObject().put("board", board).put("ref", ref).put("outcome", NOT_SEQUENCER);
  }

  static final String NOT_SEQUENCER = "not-sequencer";

  /** Acknowledgements whose ops have now reached this room's clients. */
  void releaseAcks(long durableSeq) {
    while (!acksAfter.isEmpty() && acksAfter.firstKey() <= durableSeq) {
      acksAfter.pollFirstEntry().getValue().forEach(Runnable::run);
    }
  }

  /** Pushes sent or held, not yet answered. */
  int pendingCount() {
    return pending.size();
  }

  boolean hasAcksWaiting() {
    return !acksAfter.isEmpty();
  }

  /**
   * The room closes: pushes still on their way are answered Unavailable (their clients re-send
   * them), and acknowledgements waiting for their ops go now (those ops are durable).
   */
  void close() {
    List<Pending> unanswered = new ArrayList<>(pending.values());
    pending.clear();
    byClient.clear();
    unanswered.forEach(p -> p.submission().answer().accept(new Submission.Outcome.Unavailable()));
    releaseAcks(Long.MAX_VALUE);
  }
}
