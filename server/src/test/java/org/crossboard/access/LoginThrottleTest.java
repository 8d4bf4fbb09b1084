package org.crossboard.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** SPEC.md A3: sliding-window throttling per account and per address. */
class LoginThrottleTest {

  @Test
  @DisplayName("[A3] the account limit locks until the oldest failure leaves the window; success clears it")
  void perAccount() {
    LoginThrottle t = new LoginThrottle(3, 100, 60_000);
    for (int i = 0; i < 3; i++) {
      assertEquals(0, t.retryAfterSeconds("a@x", "1.1.1.1", 1_000 * i));
      t.failed("a@x", "1.1.1.1", 1_000 * i);
    }
    assertEquals(58, t.retryAfterSeconds("a@x", "2.2.2.2", 2_000), "from any address");
    assertEquals(0, t.retryAfterSeconds("b@x", "1.1.1.1", 2_000), "other accounts are not locked");
    assertEquals(0, t.retryAfterSeconds("a@x", "1.1.1.1", 60_000), "the first failure left the window");
    t.succeeded("a@x");
    assertEquals(0, t.retryAfterSeconds("a@x", "1.1.1.1", 3_000));
  }

  @Test
  @DisplayName("[A3] the address limit spans accounts")
  void perAddress() {
    LoginThrottle t = new LoginThrottle(100, 4, 60_000);
    for (int i = 0; i < 4; i++) {
      t.failed("user" + i + "@x", "9.9.9.9", 10);
    }
    assertTrue(t.retryAfterSeconds("fresh@x", "9.9.9.9", 20) > 0);
    assertEquals(0, t.retryAfterSeconds("fresh@x", "8.8.8.8", 20));
  }
}
