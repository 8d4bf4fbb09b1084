package org.crossboard.access;

import io.vertx.core.Future;
import org.crossboard.board.BoardNotFoundException;
import org.crossboard.protocol.ClientMessage;
import org.crossboard.protocol.ErrorCode;
import org.crossboard.protocol.ProtocolException;
import org.crossboard.store.Stores;

/**
 * The socket handshake's authentication (SPEC.md A5): the token comes in the {@code hello} frame,
 * never in the URL; the role is read from the stores, never trusted from the client.
 */
public final class TokenAuthenticator implements Authenticator {
  private final Tokens tokens;
  private final Stores stores;
  private final AccessService access;

  public TokenAuthenticator(Tokens tokens, Stores stores, AccessService access) {
    this.tokens = tokens;
    this.stores = stores;
    this.access = access;
  }

  @Override
  public Future<Principal> authenticate(ClientMessage.Hello hello) {
    return tokens.verify(hello.token())
        .recover(e -> Future.failedFuture(unauthorized(e.getMessage())))
        .compose(claims -> stores.boards().get(hello.board()).compose(board -> {
          if (board == null) {
            return Future.failedFuture(new BoardNotFoundException(hello.board()));
          }
          if (claims.guest()) {
            return access.guestRole(claims, board.id()).compose(role -> role == null
                ? Future.failedFuture(forbidden("this link does not open this board, or it was revoked"))
                : Future.succeededFuture(new Principal(claims.userId(), claims.name(), claims.org(), claims.country(),
                    role, board.workspace(), null, claims.invite(), claims.expiresAt())));
          }
          return liveSession(claims.session(), claims.userId())
              .compose(v -> stores.accounts().byId(claims.userId()))
              .compose(account -> account == null ? Future.failedFuture(unauthorized("no such account"))
                  : access.boardRole(account.id(), board).compose(role -> role == null
                      ? Future.failedFuture(forbidden("you have no role on this board"))
                      : Future.succeededFuture(new Principal(account.id(), account.name(), account.org(),
                          account.country(), role, board.workspace(), claims.session(), null, Long.MAX_VALUE))));
        }));
  }

  @Override
  public Future<Role> recheck(Principal principal, String board) {
    if (principal.guest()) {
      return stores.invites().get(principal.invite()).map(invite ->
          invite != null && !invite.revoked() && board.equals(invite.board()) ? principal.role() : null);
    }
    return liveSession(principal.session(), principal.userId())
        .compose(v -> stores.boards().get(board))
        .compose(info -> info == null ? Future.succeededFuture(null) : access.boardRole(principal.userId(), info));
  }

  private Future<Void> liveSession(String session, String userId) {
    return stores.sessions().get(session).compose(s ->
        s != null && s.userId().equals(userId) && s.expiresAt() > System.currentTimeMillis()
            ? Future.succeededFuture() : Future.failedFuture(unauthorized("session ended; sign in again")));
  }

  private static ProtocolException unauthorized(String message) {
    return new ProtocolException(ErrorCode.ERR_UNAUTHORIZED, message);
  }

  private static ProtocolException forbidden(String message) {
    return new ProtocolException(ErrorCode.ERR_FORBIDDEN, message);
  }
}
