package org.crossboard.access;

import org.crossboard.error.ErrorCode;
import org.crossboard.error.CrossboardException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashes (Bouncy Castle), encoded in the PHC string format
 * {@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash} so parameters can be raised later without
 * breaking old hashes. Hashing is deliberately slow and memory-hard, so it runs on its own small
 * worker pool — never on the event loop, and never more than {@link #THREADS} at once, so a burst
 * of sign-ins costs at most THREADS × the memory cost instead of a thread's worth each.
 * Defaults follow OWASP: 19 MiB, 2 passes, 1 lane.
 */
public final class Passwords {
  private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getDecoder();
  /** Concurrent hashes at most; more would only queue for the same cores. */
  static final int THREADS = Math.max(2, Runtime.getRuntime().availableProcessors());
  /** Hashes waiting or running at most; beyond, callers get 503 at once instead of a growing queue. */
  static final int MAX_PENDING = 64;
  private final AtomicInteger pending = new AtomicInteger();
  private final WorkerExecutor workers;
  private final int memoryKb;
  private final int iterations;
  private final SecureRandom random = new SecureRandom();
  /** Verified against when an email is unknown, so timing does not tell which emails have accounts. */
  private volatile String dummyHash;

  public Passwords(Vertx vertx, int memoryKb, int iterations) {
    this.workers = vertx.createSharedWorkerExecutor("crossboard-passwords", THREADS);
    this.memoryKb = memoryKb;
    this.iterations = iterations;
  }

  public Future<String> hash(String password) {
    char[] chars = password.toCharArray();
    return bounded(() -> workers.executeBlocking(() -> hashNow(chars), false));
  }

  /** True when {@code password} matches {@code encoded}; a null hash is checked against a dummy. */
  public Future<Boolean> verify(String password, String encoded) {
    char[] chars = password.toCharArray();
    return bounded(() -> workers.executeBlocking(() -> {
      if (encoded != null) {
        return verifyNow(chars, encoded);
      }
      if (dummyHash == null) {
        dummyHash = hashNow("not a password of anyone".toCharArray());
      }
      verifyNow(chars, dummyHash);
      return false;
    }, false));
  }

  private <T> Future<T> bounded(java.util.function.Supplier<Future<T>> work) {
    if (pending.incrementAndGet() > MAX_PENDING) {
      pending.decrementAndGet();
      return Future.failedFuture(CrossboardException.retryAfter(ErrorCode.ERR_BUSY, "too many sign-ins at once; retry in a moment", 1));
    }
    return work.get().onComplete(r -> pending.decrementAndGet());
  }

  private String hashNow(char[] password) {
    byte[] salt = new byte[16];
    random.nextBytes(salt);
    byte[] out = derive(password, salt, memoryKb, iterations, 1, 32);
    return "$argon2id$v=19$m=" + memoryKb + ",t=" + iterations + ",p=1$" + B64.encodeToString(salt)
        + "$" + B64.encodeToString(out);
  }

  static boolean verifyNow(char[] password, String encoded) {
    String[] parts = encoded.split("\\$");
    if (parts.length != 6 || !parts[1].equals("argon2id")) {
      return false;
    }
    int m = 0;
    int t = 0;
    int p = 0;
    for (String kv : parts[3].split(",")) {
      int v = Integer.parseInt(kv.substring(2));
      switch (kv.charAt(0)) {
        case 'm' -> m = v;
        case 't' -> t = v;
        case 'p' -> p = v;
        default -> { }
      }
    }
    byte[] expected = B64D.decode(parts[5]);
    byte[] actual = derive(password, B64D.decode(parts[4]), m, t, p, expected.length);
    return MessageDigest.isEqual(expected, actual);
  }

  private static byte[] derive(char[] password, byte[] salt, int memoryKb, int iterations, int lanes, int length) {
    Argon2Parameters params = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
        .withVersion(Argon2Parameters.ARGON2_VERSION_13)
        .withMemoryAsKB(memoryKb).withIterations(iterations).withParallelism(lanes).withSalt(salt)
        .build();
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(params);
    byte[] out = new byte[length];
    generator.generateBytes(password, out); // UTF-8, Bouncy Castle's default converter
    return out;
  }
}
