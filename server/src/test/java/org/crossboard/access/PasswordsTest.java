package org.crossboard.access;

import org.crossboard.error.ErrorCode;

import org.crossboard.error.CrossboardException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** SPEC.md A9: Argon2id hashes in PHC format, salted, verified in constant time. */
class PasswordsTest {
  static final Vertx VERTX = Vertx.vertx();
  static final Passwords PASSWORDS = new Passwords(VERTX, 19 * 1024, 2);

  @AfterAll
  static void close() {
    VERTX.close();
  }

  @Test
  @DisplayName("[A9] a hash verifies its password only, carries its parameters and a fresh salt")
  void hashAndVerify() throws Exception {
    String hash = PASSWORDS.hash("correct horse battery staple").await(10, TimeUnit.SECONDS);
    assertTrue(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), hash);
    assertFalse(hash.contains("correct horse"));
    assertNotEquals(hash, PASSWORDS.hash("correct horse battery staple").await(10, TimeUnit.SECONDS), "salted");
    assertTrue(PASSWORDS.verify("correct horse battery staple", hash).await(10, TimeUnit.SECONDS));
    assertFalse(PASSWORDS.verify("correct horse battery stapl", hash).await(10, TimeUnit.SECONDS));
    assertFalse(PASSWORDS.verify("anything", null).await(10, TimeUnit.SECONDS), "no account: checked against a dummy");
    assertFalse(PASSWORDS.verify("anything", "$bcrypt$garbage").await(10, TimeUnit.SECONDS));
  }

  @Test
  @DisplayName("[A9] hashes made with other parameters still verify (parameters are read from the hash)")
  void otherParameters() throws Exception {
    String cheap = new Passwords(VERTX, 1024, 1).hash("an older, cheaper hash").await(10, TimeUnit.SECONDS);
    assertEquals(true, PASSWORDS.verify("an older, cheaper hash", cheap).await(10, TimeUnit.SECONDS));
  }

  @Test
  @DisplayName("[A9] a burst beyond the pending bound is refused at once with ERR_BUSY, not queued")
  void boundedQueue() throws Exception {
    java.util.List<io.vertx.core.Future<String>> all = new java.util.ArrayList<>();
    for (int i = 0; i < Passwords.MAX_PENDING + 20; i++) {
      all.add(PASSWORDS.hash("burst password " + i));
    }
    io.vertx.core.Future.join(all).transform(r -> io.vertx.core.Future.succeededFuture()).await(120, TimeUnit.SECONDS);
    long busy = all.stream().filter(f -> f.failed() && f.cause() instanceof CrossboardException a
        && a.code() == ErrorCode.ERR_BUSY && a.code().httpStatus() == 503).count();
    assertEquals(20, busy);
    assertTrue(PASSWORDS.verify("burst password 0", all.get(0).result()).await(10, TimeUnit.SECONDS),
        "once the burst is over, hashing works again");
  }
}
