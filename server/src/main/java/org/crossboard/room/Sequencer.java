package org.crossboard.room;

import java.util.List;
import org.crossboard.store.Op;

/**
 * The room's sequencing as the replication feature sees it (SPEC.md M1–M9): ops other nodes made
 * durable come in here, a catch-up from the op log can be asked for, and a {@link Router} decides
 * for every submission whether this node sequences it or hands it to the node that holds the
 * board's lease.
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

  /** Validates, sequences and writes a submission here, whatever the router would say. */
  void submitHere(Submission submission);

  /** Installs the router asked about every submission from now on. */
  void router(Router router);

  /** Submissions the router handed off were answered: the room's backlog shrank (P6). */
  void handedOffAnswered();

  /** Decides where a submission is sequenced. */
  interface Router {
    /** Sequence everything here (a single node). */
    Router LOCAL = submission -> false;

    /**
     * True when {@code submission} was handed to another node, which will answer it; false to
     * sequence it here.
     */
    boolean handOff(Submission submission);

    /** Submissions handed off and not answered yet: they count towards the room's backlog (P6). */
    default int handedOff() {
      return 0;
    }
  }
}
