package org.crossboard.access;

import io.vertx.core.Future;
import org.crossboard.protocol.ClientMessage;

/**
 * Establishes who says {@code hello} and with what role on the board. The seam where accounts
 * and tokens plug in; fails with a {@link org.crossboard.protocol.ProtocolException} carrying
 * {@code ERR_UNAUTHORIZED} or {@code ERR_FORBIDDEN}.
 */
public interface Authenticator {
  Future<Principal> authenticate(ClientMessage.Hello hello);
}
