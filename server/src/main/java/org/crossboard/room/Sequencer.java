package org.crossboard.room;

import java.util.List;
import org.crossboard.store.Op;

/**
 * The room's sequencing as the replication feature sees it: ops other nodes made durable come in
 * here, a catch-up from the op log can be asked for, and a {@link WriteGate} can hold this node's
 * writes back while another node takes its turn (SPEC.md M1–M3).
 */
public interface Sequencer {
  /** The newest seq this room has applied from the op log. */
  long durableSeq();

  /** Whether nothing is being written or read from the op log right now. */
  boolean isIdle();

  /** Ops another node made durable: applied at once when next in line, else read from the op log. */
  void remoteOps(List<Op> ops);

  /** Reads from the op log every op after {@link #durableSeq()} (when nothing is being written). */
  void catchUp();

  /** Installs the gate consulted before every write. */
  void gate(WriteGate gate);

  /** Decides whether this node's next write goes now; told when a write lost a seq race. */
  interface WriteGate {
    /** Lets every write go at once. */
    WriteGate OPEN = new WriteGate() {
      @Override
      public boolean holds(Runnable resume) {
        return false;
      }

      @Override
      public void lostRace() {
      }
    };

    /** True when the next write must wait; then {@code resume} is called once it may go. */
    boolean holds(Runnable resume);

    /** Another node took the seqs of this node's write (the op log's unique index refused it). */
    void lostRace();
  }
}
