package org.crossboard.access;

import org.crossboard.error.CrossboardException;
import org.crossboard.error.ErrorCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Tokens are signed, expire, and say nothing the server did not sign (SPEC.md A2). */
class TokensTest {
  static final Vertx VERTX = Vertx.vertx();
  static final Tokens TOKENS = new Tokens(VERTX, "a test secret that is long enough for HS256");

  @AfterAll
  static void close() {
    VERTX.close();
  }

  static TokenClaims verify(Tokens tokens, String token) throws Exception {
    return tokens.verify(token).await(5, TimeUnit.SECONDS);
  }

  static void assertRejected(Tokens tokens, String token) {
    Exception e = assertThrows(Exception.class, () -> verify(tokens, token));
    Throwable cause = e instanceof CrossboardException ? e : e.getCause() != null ? e.getCause() : e;
    assertTrue(cause instanceof CrossboardException a && a.code() == ErrorCode.ERR_UNAUTHORIZED, String.valueOf(cause));
    if (token != null && !token.isEmpty()) {
      assertFalse(cause.getMessage().contains(token), "the token is never echoed");
    }
  }

  @Test
  @DisplayName("[A2] an account token round-trips its user and session")
  void accountToken() throws Exception {
    long exp = System.currentTimeMillis() + 60_000;
    TokenClaims claims = verify(TOKENS, TOKENS.forAccount("u1", "s1", exp));
    assertEquals("u1", claims.userId());
    assertEquals("s1", claims.session());
    assertFalse(claims.guest());
    assertNull(claims.role());
    assertTrue(Math.abs(claims.expiresAt() - exp) < 2_000);
  }

  @Test
  @DisplayName("[A2] a guest token carries its invitation, board and role")
  void guestToken() throws Exception {
    TokenClaims claims = verify(TOKENS, TOKENS.forGuest("g1", "Ana", "Agency", "EE", "inv1", "b1", Role.COMMENTER,
        System.currentTimeMillis() + 60_000));
    assertTrue(claims.guest());
    assertEquals("b1", claims.board());
    assertEquals(Role.COMMENTER, claims.role());
    assertEquals("Ana", claims.name());
  }

  @Test
  @DisplayName("[A2] forged, tampered, expired and garbage tokens are refused without echoing them")
  void refused() {
    Tokens other = new Tokens(VERTX, "another secret, also long enough for HS256");
    assertRejected(TOKENS, other.forAccount("u1", "s1", System.currentTimeMillis() + 60_000));
    String good = TOKENS.forAccount("u1", "s1", System.currentTimeMillis() + 60_000);
    String[] parts = good.split("\\.");
    String payload = new String(Base64.getUrlDecoder().decode(parts[1])).replace("u1", "u2");
    assertRejected(TOKENS, parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes())
        + "." + parts[2]);
    JWTAuth sameKey = JWTAuth.create(VERTX, new JWTAuthOptions().addPubSecKey(
        new PubSecKeyOptions().setAlgorithm("HS256").setBuffer("a test secret that is long enough for HS256")));
    long past = System.currentTimeMillis() / 1000 - 60;
    assertRejected(TOKENS, sameKey.generateToken(new JsonObject().put("sub", "u1").put("sid", "s1")
        .put("iss", "crossboard").put("exp", past), new JWTOptions().setAlgorithm("HS256")));
    assertRejected(TOKENS, "garbage");
    assertRejected(TOKENS, "");
    assertRejected(TOKENS, null);
    assertRejected(TOKENS, "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ1MSIsInNpZCI6InMxIn0.");
  }
}
