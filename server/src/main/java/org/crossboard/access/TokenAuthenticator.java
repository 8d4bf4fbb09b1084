package org.crossboard.access;

import io.vertx.core.Future;
import org.crossboard.protocol.ClientMessage;
import org.crossboard.error.ErrorCode;
import org.crossboard.error.CrossboardException;
import org.crossboard.store.Stores;

/**
 * The socket handshake's authentication (SPEC.md A5): the token comes in the {@code hello} frame,
 * never in the URL; the role is read from the stores, never trusted from the client.
 */
public final class TokenAuthenticator implements Authenticator {
  private final AccountService accounts;
  private final Stores stores;
  private final AccessService access;

  public TokenAuthenticator(AccountService accounts, Stores stores, AccessService access) {
    this.accounts = accounts;
    this.stores = stores;
    this.access = access;
  }

  @Override
  public Future<Principal> authenticate(ClientMessage.Hello hello) {
    return accounts.authenticate(hello.token())
        .recover(e -> Future.failedFuture(e instanceof CrossboardException a ? unauthorized(a.getMessage()) : e))
        .compose(caller -> stores.boards().get(hello.board()).compose(board -> {
          if (board == null) {
            return Future.failedFuture(new CrossboardException(ErrorCode.ERR_BOARD_NOT_FOUND, "no such board"));
          }
          return access.roleOn(caller, board).compose(role -> {
            if (role == null) {
              return Future.failedFuture(forbidden(caller.guest()
                  ? "this link does not open this board, or it was revoked" : "you have no role on this board"));
            }
            TokenClaims claims = caller.claims();
            return Future.succeededFuture(caller.guest()
                ? new Principal(claims.userId(), claims.name(), claims.org(), claims.country(), role, board.workspace(),
                    null, claims.invite(), claims.expiresAt())
                : new Principal(caller.userId(), caller.account().name(), caller.account().org(),
                    caller.account().country(), role, board.workspace(), claims.session(), null, Long.MAX_VALUE));
          });
        }));
  }

  @Override
  public Future<Role> recheck(Principal principal, String board) {
    if (principal.guest()) {
      return access.guestRole(principal.invite(), principal.role(), board);
    }
    return accounts.liveSession(principal.session(), principal.userId())
        .recover(e -> Future.failedFuture(e instanceof CrossboardException a ? unauthorized(a.getMessage()) : e))
        .compose(v -> stores.boards().get(board))
        .compose(info -> info == null ? Future.succeededFuture(null) : access.boardRole(principal.userId(), info));
  }

  private static CrossboardException unauthorized(String message) {
    return new CrossboardException(ErrorCode.ERR_UNAUTHORIZED, message);
  }

  private static CrossboardException forbidden(String message) {
    return new CrossboardException(ErrorCode.ERR_FORBIDDEN, message);
  }
}
