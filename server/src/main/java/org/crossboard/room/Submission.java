package org.crossboard.room;

import io.vertx.core.json.JsonArray;
import java.util.function.Consumer;
import org.crossboard.access.Principal;
import org.crossboard.error.CrossboardException;

/**
 * Changes on their way through the write pipeline — a client's push, a feature's write, or a push
 * another node forwarded to the node that sequences the board — and how to tell its author what
 * became of them.
 *
 * @param as whose role the changes are validated against and who they are stamped with
 * @param clientId with {@code clientSeq}, what makes the write idempotent (SPEC.md C7)
 * @param answer told exactly once
 */
public record Submission(Principal as, String clientId, long clientSeq, JsonArray changes,
    Consumer<Outcome> answer) {

  /** What became of a submission. */
  public sealed interface Outcome {
    /** The outcome's name in metrics ({@code written}, {@code duplicate}, …). */
    String name();

    /** Sequenced and durable as op {@code seq}. */
    record Written(long seq) implements Outcome {
      @Override
      public String name() {
        return "written";
      }
    }

    /** {@code (clientId, clientSeq)} was already applied: not applied again. */
    record Duplicate() implements Outcome {
      @Override
      public String name() {
        return "duplicate";
      }
    }

    /** Refused; nothing changed and it never will. */
    record Rejected(CrossboardException reason) implements Outcome {
      @Override
      public String name() {
        return "rejected";
      }
    }

    /** Storage failed before it was durable: send it again (retryable). */
    record Unavailable() implements Outcome {
      @Override
      public String name() {
        return "unavailable";
      }
    }
  }
}
