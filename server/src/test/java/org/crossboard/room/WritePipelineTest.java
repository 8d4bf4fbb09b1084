package org.crossboard.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.crossboard.access.Principal;
import org.crossboard.access.Role;
import org.crossboard.board.BoardLoader;
import org.crossboard.board.BoardState;
import org.crossboard.board.ChangePolicy;
import org.crossboard.board.RecordTypes;
import org.crossboard.error.ErrorCode;
import org.crossboard.store.Op;
import org.crossboard.store.memory.InMemorySnapshotStore;
import org.crossboard.testing.Changes;
import org.crossboard.testing.HeldOpLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Every transition of the write pipeline's state machine (its Javadoc has the table), driven one
 * step at a time through an op log whose writes and reads the test completes by hand.
 */
class WritePipelineTest {
  static final String BOARD = "b1";
  static final Principal EDITOR = Principal.of("u1", "Ana", Role.EDITOR);

  HeldOpLog log;
  InMemorySnapshotStore snapshots;
  ConfirmedBoard confirmed;
  WritePipeline pipeline;
  final List<String> heard = new ArrayList<>();
  final List<Submission.Outcome> outcomes = new ArrayList<>();
  final List<Submission> handedOff = new ArrayList<>();
  boolean handOff;

  @BeforeEach
  void setUp() {
    log = new HeldOpLog();
    snapshots = new InMemorySnapshotStore();
    confirmed = new ConfirmedBoard(new BoardLoader.Loaded(BoardState.initial("t"), 0, 0, List.of()), 100);
    pipeline = new WritePipeline(BOARD, log, snapshots, RecordTypes.withCore(List.of()), () -> ChangePolicy.NONE, confirmed, 3,
        new WritePipeline.Listener() {
          @Override
          public void durable(List<Op> all, List<Op> ours) {
            heard.add("durable " + seqs(all) + " ours " + seqs(ours));
          }

          @Override
          public void failed(Throwable cause) {
            heard.add("failed");
          }

          @Override
          public void settled() {
            heard.add("settled");
          }
        }, new RoomMetrics());
    pipeline.router(new Sequencer.Router() {
      @Override
      public boolean handOff(Submission submission) {
        if (handOff) {
          handedOff.add(submission);
        }
        return handOff;
      }

      @Override
      public int handedOff() {
        return handedOff.size();
      }
    });
  }

  static String seqs(List<Op> ops) {
    return ops.stream().map(op -> Long.toString(op.seq())).toList().toString();
  }

  Submission push(String clientId, long clientSeq, String noteId) {
    return new Submission(EDITOR, clientId, clientSeq,
        new JsonArray().add(Changes.put(Changes.note(noteId, 1, 2, "hi"))), outcomes::add);
  }

  static Op foreign(long seq, String noteId) {
    return new Op(seq, "other-node-client", seq, new JsonObject().put("id", "u9").put("name", "Ben"), 1,
        new JsonArray().add(Changes.put(Changes.note(noteId, 5, 5, "theirs").put("createdBy", "u9").put("createdAt", 1)
            .put("updatedBy", "u9").put("updatedAt", 1))));
  }

  @Test
  @DisplayName("[D1] IDLE → WRITING on submit; durable: told first, answered Written, then IDLE and settled")
  void idleToWritingToIdle() {
    pipeline.submit(push("c1-client", 1, "n1"));
    assertEquals(WritePipeline.State.WRITING, pipeline.state());
    assertTrue(heard.isEmpty() && outcomes.isEmpty(), "nothing before durable");
    log.release(0);
    assertEquals(List.of("durable [1] ours [1]", "settled"), heard);
    assertEquals(new Submission.Outcome.Written(1), outcomes.get(0));
    assertEquals(WritePipeline.State.IDLE, pipeline.state());
    assertEquals(1, confirmed.seq());
  }

  @Test
  @DisplayName("[D3] WRITING + submits: queued, then written together in the next write (group commit)")
  void groupCommit() {
    pipeline.submit(push("c1-client", 1, "n1"));
    pipeline.submit(push("c1-client", 2, "n2"));
    pipeline.submit(push("c2-client", 1, "n3"));
    assertEquals(2, pipeline.backlog());
    log.release(0);
    assertEquals(WritePipeline.State.WRITING, pipeline.state());
    assertEquals(2, log.appends.get(1).size());
    log.release(1);
    assertEquals(List.of("durable [1] ours [1]", "durable [2, 3] ours [2, 3]", "settled"), heard);
  }

  @Test
  @DisplayName("[C7][C2] a duplicate is answered Duplicate, an invalid push Rejected; neither leaves IDLE")
  void duplicateAndRejected() {
    pipeline.submit(push("c1-client", 1, "n1"));
    log.release(0);
    pipeline.submit(push("c1-client", 1, "n1"));
    assertInstanceOf(Submission.Outcome.Duplicate.class, outcomes.get(1));
    pipeline.submit(new Submission(EDITOR, "c1-client", 2, new JsonArray().add(new JsonObject().put("op", "nope")),
        outcomes::add));
    Submission.Outcome.Rejected rejected = assertInstanceOf(Submission.Outcome.Rejected.class, outcomes.get(2));
    assertEquals(ErrorCode.ERR_INVALID_CHANGE, rejected.reason().code());
    assertEquals(WritePipeline.State.IDLE, pipeline.state());
    assertEquals(1, log.appends.size());
  }

  @Test
  @DisplayName("[C7][C2] a copy of a push not yet durable waits for the original's answer, never 'duplicate' first")
  void copyOfUnansweredPush() {
    pipeline.submit(push("c1-client", 1, "n1"));
    pipeline.submit(push("c1-client", 2, "n2")); // queued behind the write in flight
    pipeline.submit(push("c1-client", 1, "n1")); // a forwarded push sent again: its original is in flight
    pipeline.submit(push("c1-client", 2, "n2")); // ... and one still queued
    assertEquals(List.of(), outcomes, "nothing answered before it is durable");
    log.release(0);
    assertEquals(List.of(new Submission.Outcome.Written(1), new Submission.Outcome.Written(1)), outcomes);
    log.release(1);
    assertEquals(new Submission.Outcome.Written(2), outcomes.get(2));
    assertEquals(new Submission.Outcome.Written(2), outcomes.get(3));
    assertEquals(List.of(1, 1), log.appends.stream().map(List::size).toList(), "each op written once");
    pipeline.submit(push("c1-client", 1, "n1"));
    assertInstanceOf(Submission.Outcome.Duplicate.class, outcomes.get(4), "once durable, a copy is a duplicate");
  }

  @Test
  @DisplayName("[P7][C7] someone else's push under a clientId being written is refused; it does not settle the owner's copies")
  void otherPersonsCopy() {
    pipeline.submit(push("c1-client", 1, "n1"));
    List<Submission.Outcome> intruder = new ArrayList<>();
    pipeline.submit(new Submission(Principal.of("u2", "Eve", Role.EDITOR), "c1-client", 1,
        new JsonArray().add(Changes.put(Changes.note("n9", 1, 2, "mine now"))), intruder::add));
    Submission.Outcome.Rejected refused = assertInstanceOf(Submission.Outcome.Rejected.class, intruder.get(0));
    assertEquals(ErrorCode.ERR_FORBIDDEN, refused.reason().code());
    pipeline.submit(push("c1-client", 1, "n1")); // the owner's copy still waits for the original
    assertEquals(List.of(), outcomes);
    log.release(0);
    assertEquals(List.of(new Submission.Outcome.Written(1), new Submission.Outcome.Written(1)), outcomes);
  }

  @Test
  @DisplayName("[D6] WRITING + write failed → STOPPED: everything held answered Unavailable, the room told")
  void writeFails() {
    pipeline.submit(push("c1-client", 1, "n1"));
    pipeline.submit(push("c1-client", 2, "n2"));
    log.fail(0);
    assertEquals(WritePipeline.State.STOPPED, pipeline.state());
    assertEquals(2, outcomes.stream().filter(o -> o instanceof Submission.Outcome.Unavailable).count());
    assertEquals(List.of("failed"), heard);
    pipeline.submit(push("c1-client", 3, "n3"));
    assertInstanceOf(Submission.Outcome.Unavailable.class, outcomes.get(2), "STOPPED answers at once");
  }

  @Test
  @DisplayName("[M2] WRITING + seq taken by another node → CATCHING_UP; their op applied, ours re-sequenced on top")
  void lostRace() {
    pipeline.submit(push("c1-client", 1, "n1"));
    log.writtenElsewhere(BOARD, foreign(1, "x1"));
    log.holdReads();
    log.release(0);
    assertEquals(WritePipeline.State.CATCHING_UP, pipeline.state());
    pipeline.submit(push("c1-client", 2, "n2")); // CATCHING_UP + submit: queued unsequenced
    assertEquals(2, pipeline.backlog());
    log.releaseRead(0);
    assertEquals("durable [1] ours []", heard.get(0));
    assertEquals(WritePipeline.State.WRITING, pipeline.state());
    assertEquals(List.of(2L, 3L), log.appends.get(1).stream().map(Op::seq).toList());
    log.release(1);
    assertEquals(List.of(new Submission.Outcome.Written(2), new Submission.Outcome.Written(3)), outcomes);
  }

  @Test
  @DisplayName("[M2] a write that partly landed: the catch-up finds our op, reports it as ours and answers Written")
  void partialWrite() {
    pipeline.submit(push("c1-client", 1, "n1"));
    pipeline.submit(push("c1-client", 2, "n2"));
    pipeline.submit(push("c1-client", 3, "n3"));
    log.writtenElsewhere(BOARD, foreign(3, "x3")); // the second write will land seq 2, then hit seq 3
    log.release(0);
    log.release(1);
    assertEquals("durable [2, 3] ours [2]", heard.get(1));
    assertEquals(new Submission.Outcome.Written(2), outcomes.get(1));
    assertEquals(WritePipeline.State.WRITING, pipeline.state(), "n3 re-sequenced as seq 4");
    log.release(2);
    assertEquals(new Submission.Outcome.Written(4), outcomes.get(2));
  }

  @Test
  @DisplayName("[M1] IDLE + remote ops next in line: applied and told, not ours; stays IDLE")
  void remoteInLine() {
    pipeline.remoteOps(List.of(foreign(1, "x1"), foreign(2, "x2")));
    assertEquals(List.of("durable [1, 2] ours []"), heard);
    assertEquals(WritePipeline.State.IDLE, pipeline.state());
    assertEquals(2, pipeline.durableSeq());
    pipeline.remoteOps(List.of(foreign(2, "x2")));
    assertEquals(1, heard.size(), "an op already applied is ignored");
  }

  @Test
  @DisplayName("[M3] IDLE + remote ops with a gap → what is in line applied, then CATCHING_UP for the rest")
  void remoteGap() {
    log.writtenElsewhere(BOARD, foreign(1, "x1"));
    log.writtenElsewhere(BOARD, foreign(2, "x2"));
    log.writtenElsewhere(BOARD, foreign(3, "x3"));
    log.holdReads();
    pipeline.remoteOps(List.of(foreign(1, "x1"), foreign(3, "x3")));
    assertEquals(WritePipeline.State.CATCHING_UP, pipeline.state());
    assertEquals(List.of("durable [1] ours []"), heard);
    log.releaseRead(0);
    assertEquals(List.of("durable [1] ours []", "durable [2, 3] ours []", "settled"), heard);
  }

  @Test
  @DisplayName("[M3] WRITING + remote ops → a catch-up is due; it starts once the write settles")
  void remoteWhileWriting() {
    pipeline.submit(push("c1-client", 1, "n1"));
    pipeline.remoteOps(List.of(foreign(2, "x2")));
    assertEquals(WritePipeline.State.WRITING, pipeline.state());
    log.writtenElsewhere(BOARD, foreign(2, "x2"));
    log.holdReads();
    log.release(0);
    assertEquals(WritePipeline.State.CATCHING_UP, pipeline.state());
    log.releaseRead(0);
    assertEquals(List.of("durable [1] ours [1]", "durable [2] ours []", "settled"), heard);
  }

  @Test
  @DisplayName("[M3] IDLE + catch-up asked → CATCHING_UP; while CATCHING_UP another is due; a failed read → STOPPED")
  void catchUpAndFailedRead() {
    log.holdReads();
    pipeline.catchUp();
    assertEquals(WritePipeline.State.CATCHING_UP, pipeline.state());
    pipeline.catchUp();
    log.releaseRead(0);
    assertEquals(WritePipeline.State.CATCHING_UP, pipeline.state(), "the due catch-up runs next");
    pipeline.submit(push("c1-client", 1, "n1"));
    log.failRead(1);
    assertEquals(WritePipeline.State.STOPPED, pipeline.state());
    assertEquals(List.of(new Submission.Outcome.Unavailable()), outcomes);
    assertEquals("failed", heard.get(heard.size() - 1));
  }

  @Test
  @DisplayName("[M7] what the router hands to the sequencing node is not sequenced here; submitHere always is")
  void routerHandsOff() {
    handOff = true;
    pipeline.submit(push("c1-client", 1, "n1"));
    assertEquals(1, handedOff.size());
    assertEquals(WritePipeline.State.IDLE, pipeline.state());
    assertTrue(log.appends.isEmpty() && outcomes.isEmpty(), "nothing written, nothing answered here");
    pipeline.submitHere(push("c2-client", 1, "n2")); // as a push forwarded to this node
    assertEquals(WritePipeline.State.WRITING, pipeline.state());
  }

  @Test
  @DisplayName("[P6][M7] pushes handed to the sequencing node count in the backlog until answered; an answer says the backlog shrank")
  void handedOffBacklog() {
    handOff = true;
    pipeline.submit(push("c1-client", 1, "n1"));
    pipeline.submit(push("c1-client", 2, "n2"));
    assertEquals(2, pipeline.backlog());
    handedOff.clear(); // the sequencing node answered them
    pipeline.handedOffAnswered();
    assertEquals(0, pipeline.backlog());
    assertEquals(List.of("settled"), heard, "the room hears of it (backpressure resumes its readers)");
  }

  @Test
  @DisplayName("[M8] a node that stopped sequencing mid-write hands what it has to re-sequence to the new sequencer")
  void handOffAfterLostRace() {
    pipeline.submit(push("c1-client", 1, "n1"));
    pipeline.submit(push("c1-client", 2, "n2"));
    log.writtenElsewhere(BOARD, foreign(1, "x1")); // the new sequencer wrote seq 1 first
    handOff = true; // ... and this node has learned it no longer holds the lease
    log.release(0);
    assertEquals(List.of("durable [1] ours []"), heard.subList(0, 1));
    assertEquals(2, handedOff.size(), "both pushes go to the new sequencer, none is lost");
    assertTrue(outcomes.isEmpty(), "answered by the new sequencer, not here");
    assertEquals(1, log.appends.size());
  }

  @Test
  @DisplayName("[D4] WRITING + stop → STOPPED: the write in flight still reaches the confirmed board (final snapshot), nobody is told")
  void stopWhileWriting() throws Exception {
    pipeline.submit(push("c1-client", 1, "n1"));
    pipeline.submit(push("c1-client", 2, "n2"));
    pipeline.stop();
    assertEquals(List.of(new Submission.Outcome.Unavailable()), outcomes, "the queued one");
    log.release(0);
    assertEquals(1, confirmed.seq());
    assertTrue(heard.isEmpty());
    pipeline.saveSnapshotIfBehind().await(1, java.util.concurrent.TimeUnit.SECONDS);
    assertEquals(1, snapshots.latest(BOARD).await(1, java.util.concurrent.TimeUnit.SECONDS).seq());
  }

  @Test
  @DisplayName("[C7][M7] a client the room has not heard of (a forwarded push) is looked up first: its re-sent push is a duplicate, not a write")
  void unknownClientLearnedFirst() {
    log.writtenElsewhere(BOARD, new Op(1, "old-client", 5, new JsonObject().put("id", "u1").put("name", "Ana"), 1,
        new JsonArray().add(Changes.put(Changes.note("n1", 1, 1, "long ago")))));
    // a room loaded from a snapshot taken after that op: the op is in its state, its clientSeq is not
    ConfirmedBoard loaded = new ConfirmedBoard(new BoardLoader.Loaded(BoardState.initial("t"), 1, 1, List.of()), 100);
    WritePipeline fresh = new WritePipeline(BOARD, log, snapshots, RecordTypes.withCore(List.of()), () -> ChangePolicy.NONE, loaded, 3,
        new WritePipeline.Listener() {
          @Override
          public void durable(List<Op> all, List<Op> ours) {
            heard.add("durable " + seqs(all));
          }

          @Override
          public void failed(Throwable cause) {
            heard.add("failed");
          }

          @Override
          public void settled() {
          }
        }, new RoomMetrics());
    fresh.submitHere(push("old-client", 5, "n1"));
    assertEquals(new Submission.Outcome.Duplicate(), outcomes.get(0), "answered from the op log's index");
    fresh.submitHere(push("old-client", 6, "n2"));
    assertEquals(List.of(1), log.appends.stream().map(List::size).toList());
    assertEquals(2, log.appends.get(0).get(0).seq());
  }

  @Test
  @DisplayName("[D4] a snapshot is written every N durable ops")
  void snapshots() throws Exception {
    for (int i = 1; i <= 3; i++) {
      pipeline.submit(push("c1-client", i, "n" + i));
      log.release(i - 1);
    }
    assertEquals(3, snapshots.latest(BOARD).await(1, java.util.concurrent.TimeUnit.SECONDS).seq());
  }
}
