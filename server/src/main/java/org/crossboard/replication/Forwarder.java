package org.crossboard.replication;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
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
 * they may arrive in either order). Event-loop confined.
 */
final class Forwarder {
  /** A push on its way; {@code sentAt} 0 while it waits for a sequencer to send it to. */
  private record Pending(Submission submission, long sentAt) {}

  private final RoomHandle room;
  private final NodeMailbox mailbox;
  private final ReplicationMetrics metrics;
  private final Map<Long, Pending> pending = new LinkedHashMap<>();
  private final TreeMap<Long, List<Runnable>> acksAfter = new TreeMap<>();
  private long nextRef;

  Forwarder(RoomHandle room, NodeMailbox mailbox, ReplicationMetrics metrics) {
    this.room = room;
    this.mailbox = mailbox;
    this.metrics = metrics;
  }

  /** Sends a push to {@code sequencer}; its answer comes back through {@link #answered}. */
  void forward(Submission submission, String sequencer) {
    long ref = ++nextRef;
    pending.put(ref, new Pending(submission, 0));
    send(ref, sequencer);
  }

  /** Keeps a push until a sequencer is known ({@link #sendAll}). */
  void hold(Submission submission) {
    pending.put(++nextRef, new Pending(submission, 0));
  }

  /** Sends every pending push to {@code sequencer} (a new one, or one just learned). */
  void sendAll(String sequencer) {
    List.copyOf(pending.keySet()).forEach(ref -> send(ref, sequencer));
  }

  /** Sends again what was sent at least {@code silenceMs} ago and is still unanswered. */
  void resendUnanswered(String sequencer, long silenceMs) {
    long before = System.currentTimeMillis() - silenceMs;
    List.copyOf(pending.entrySet()).stream().filter(e -> e.getValue().sentAt() > 0 && e.getValue().sentAt() < before)
        .forEach(e -> send(e.getKey(), sequencer));
  }

  /** This node sequences the board now: everything pending is sequenced here, in order. */
  void sequenceHere(Sequencer sequencer) {
    List<Pending> all = new ArrayList<>(pending.values());
    pending.clear();
    all.forEach(p -> sequencer.submitHere(p.submission()));
  }

  private void send(long ref, String sequencer) {
    Submission s = pending.get(ref).submission();
    pending.put(ref, new Pending(s, System.currentTimeMillis()));
    metrics.forwarded();
    mailbox.send(sequencer, ReplicationFeature.PUSH, new JsonObject().put("board", room.boardId()).put("ref", ref)
        .put("as", s.as().toForwarded()).put("clientId", s.clientId()).put("clientSeq", s.clientSeq())
        .put("changes", s.changes()));
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
    pending.remove(ref);
    Submission s = p.submission();
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
    unanswered.forEach(p -> p.submission().answer().accept(new Submission.Outcome.Unavailable()));
    releaseAcks(Long.MAX_VALUE);
  }
}
