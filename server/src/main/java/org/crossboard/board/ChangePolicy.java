package org.crossboard.board;

import io.vertx.core.json.JsonObject;
import org.crossboard.access.Principal;

/**
 * A room's say over each change a person makes, beyond what the record types allow: a live
 * session refuses participants' changes to a locked board or frame, or outside the phase's rules,
 * and marks what participants create in private mode private (SPEC.md B6, L4, L5). Asked for every
 * canonical change — a push's own and those its removals cascade to — on the node that sequences
 * the board, just before the change applies.
 */
@FunctionalInterface
public interface ChangePolicy {
  /** No say: every change as it is. */
  ChangePolicy NONE = (as, change, before) -> change;

  /**
   * @param as who writes
   * @param change a canonical change ({@code put}, {@code patch}, {@code remove} or {@code splice}), about to apply
   * @param before the record the change is to, as it is before it (null when a {@code put} creates it)
   * @return the change to apply: {@code change} itself, or a copy (marked with {@link PrivateRecords#mark})
   * @throws org.crossboard.error.CrossboardException to refuse it; the code and message reach the
   *     writer with the change's index added
   */
  JsonObject review(Principal as, JsonObject change, JsonObject before);

  /** This policy, then {@code next} on what it returned. */
  default ChangePolicy then(ChangePolicy next) {
    return (as, change, before) -> next.review(as, review(as, change, before), before);
  }
}
