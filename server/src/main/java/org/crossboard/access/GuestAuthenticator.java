package org.crossboard.access;

import io.vertx.core.Future;
import java.security.SecureRandom;
import org.crossboard.protocol.ClientMessage;
import org.crossboard.protocol.ErrorCode;
import org.crossboard.protocol.Limits;
import org.crossboard.protocol.ProtocolException;

/**
 * The default until accounts exist: anyone who gives a display name joins as an editor, with a
 * fresh guest id per connection.
 */
public final class GuestAuthenticator implements Authenticator {
  private final SecureRandom random = new SecureRandom();

  @Override
  public Future<Principal> authenticate(ClientMessage.Hello hello) {
    String name = hello.name() == null ? "" : hello.name().strip();
    if (name.isEmpty() || name.length() > Limits.MAX_NAME_LENGTH) {
      return Future.failedFuture(new ProtocolException(ErrorCode.ERR_BAD_HELLO,
          "name must be 1-" + Limits.MAX_NAME_LENGTH + " characters"));
    }
    return Future.succeededFuture(new Principal("g_" + Ids.random(random, 16), name, Role.EDITOR));
  }
}
