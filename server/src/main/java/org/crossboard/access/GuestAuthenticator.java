package org.crossboard.access;

import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.crossboard.protocol.ClientMessage;
import org.crossboard.protocol.ErrorCode;
import org.crossboard.protocol.Limits;
import org.crossboard.protocol.ProtocolException;

/**
 * The default until accounts exist: anyone who gives a display name joins as an editor, with a
 * guest id derived from the client id (stable across that page's reconnects).
 */
public final class GuestAuthenticator implements Authenticator {
  @Override
  public Future<Principal> authenticate(ClientMessage.Hello hello) {
    String name = hello.name() == null ? "" : hello.name().strip();
    if (name.isEmpty() || name.length() > Limits.MAX_NAME_LENGTH) {
      return Future.failedFuture(new ProtocolException(ErrorCode.ERR_BAD_HELLO,
          "name must be 1-" + Limits.MAX_NAME_LENGTH + " characters"));
    }
    String org = optional(hello.org());
    String country = optional(hello.country());
    if (tooLong(org) || tooLong(country)) {
      return Future.failedFuture(new ProtocolException(ErrorCode.ERR_BAD_HELLO,
          "org and country must be at most " + Limits.MAX_NAME_LENGTH + " characters"));
    }
    return Future.succeededFuture(new Principal(guestId(hello.clientId()), name, org, country, Role.EDITOR));
  }

  private static String optional(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static boolean tooLong(String s) {
    return s != null && s.length() > Limits.MAX_NAME_LENGTH;
  }

  /** Stable for a client across reconnects, so its ops keep one author (not a secret: no access hangs on it). */
  static String guestId(String clientId) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(clientId.getBytes(StandardCharsets.UTF_8));
      return "g_" + HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
