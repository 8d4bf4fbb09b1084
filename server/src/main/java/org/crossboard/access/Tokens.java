package org.crossboard.access;

import org.crossboard.error.CrossboardException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;

/**
 * Signed tokens (JWT, HS256, vertx-auth-jwt). The token only proves who the bearer is and which
 * session or invitation it belongs to; roles are looked up at every check, so a changed role never
 * waits for a token to expire. A forged, garbled or expired token fails with {@code ERR_UNAUTHORIZED}.
 */
public final class Tokens {
  private static final String ISSUER = "crossboard";
  private final JWTAuth jwt;

  public Tokens(Vertx vertx, String secret) {
    this.jwt = JWTAuth.create(vertx, new JWTAuthOptions()
        .addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(secret))
        .setJWTOptions(new JWTOptions().setIssuer(ISSUER).setLeeway(0)));
  }

  /** A token for an account session. */
  public String forAccount(String userId, String sessionId, long expiresAt) {
    return sign(new JsonObject().put("sub", userId).put("sid", sessionId), expiresAt);
  }

  /** A token for a guest who joined one board through an invitation. */
  public String forGuest(String guestId, String name, String org, String country, String inviteId,
      String board, Role role, long expiresAt) {
    return sign(new JsonObject().put("sub", guestId).put("name", name).put("org", org).put("country", country)
        .put("inv", inviteId).put("brd", board).put("role", role.wire()), expiresAt);
  }

  private String sign(JsonObject claims, long expiresAt) {
    long seconds = Math.max(1, (expiresAt - System.currentTimeMillis()) / 1000);
    return jwt.generateToken(claims, new JWTOptions().setAlgorithm("HS256").setIssuer(ISSUER)
        .setExpiresInSeconds((int) Math.min(Integer.MAX_VALUE, seconds)));
  }

  /** vertx-auth-jwt keeps {@code exp} among the user's attributes, not in its principal. */
  private static Long expiry(JsonObject attributes) {
    Object exp = attributes.getValue("exp");
    if (exp == null && attributes.getValue("accessToken") instanceof JsonObject decoded) {
      exp = decoded.getValue("exp");
    }
    return exp instanceof Number n ? n.longValue() : null;
  }

  /** The claims of a valid token; fails with {@code ERR_UNAUTHORIZED} (never echoing the token). */
  public Future<TokenClaims> verify(String token) {
    if (token == null || token.isEmpty() || token.length() > 4096) {
      return Future.failedFuture(CrossboardException.unauthorized("a valid token is required"));
    }
    return jwt.authenticate(new TokenCredentials(token))
        .recover(e -> Future.failedFuture(CrossboardException.unauthorized("invalid or expired token")))
        .compose(user -> {
          JsonObject p = user.principal();
          String sub = p.getString("sub");
          Long exp = expiry(user.attributes());
          if (sub == null || exp == null || !ISSUER.equals(p.getString("iss"))) {
            return Future.failedFuture(CrossboardException.unauthorized("invalid token"));
          }
          String invite = p.getString("inv");
          Role role = invite == null ? null : Role.parse(p.getString("role"));
          if (invite != null && (role == null || p.getString("brd") == null)) {
            return Future.failedFuture(CrossboardException.unauthorized("invalid token"));
          }
          if (invite == null && p.getString("sid") == null) {
            return Future.failedFuture(CrossboardException.unauthorized("invalid token"));
          }
          return Future.succeededFuture(new TokenClaims(sub, p.getString("name"), p.getString("org"),
              p.getString("country"), p.getString("sid"), invite, p.getString("brd"), role, exp * 1000));
        });
  }
}
