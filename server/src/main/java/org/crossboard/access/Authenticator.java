package org.crossboard.access;

import org.crossboard.error.CrossboardException;
import io.vertx.core.Future;
import org.crossboard.protocol.ClientMessage;

/**
 * Establishes who says {@code hello} and with what role on the board, and re-checks that later.
 * Fails with a {@link org.crossboard.error.CrossboardException} carrying {@code ERR_UNAUTHORIZED}
 * (no valid token or session) or {@code ERR_FORBIDDEN} (no role on this board).
 */
public interface Authenticator {
  Future<Principal> authenticate(ClientMessage.Hello hello);

  /**
   * The principal's current role on the board: null when access is gone; fails with
   * {@code ERR_UNAUTHORIZED} when the session behind it has ended.
   */
  Future<Role> recheck(Principal principal, String board);
}
