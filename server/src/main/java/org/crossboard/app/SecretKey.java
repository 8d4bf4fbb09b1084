package org.crossboard.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.crossboard.config.CrossboardConfig;

/**
 * The token signing key: {@code JWT_SECRET} when configured, else a random key generated once into
 * {@code DATA_DIR/jwt.key} (owner-only permissions), so a fresh checkout holds no secret and a
 * restart keeps everyone signed in. Nodes sharing boards through Redis must share the key, so
 * they must be given {@code JWT_SECRET}.
 */
final class SecretKey {
  static final int MIN_SECRET_LENGTH = 32;

  private SecretKey() {}

  /** Blocking file IO: call from a worker. */
  static String load(CrossboardConfig config) throws IOException {
    String configured = config.access().jwtSecret();
    if (configured != null) {
      if (configured.length() < MIN_SECRET_LENGTH) {
        throw new IllegalArgumentException("JWT_SECRET must be at least " + MIN_SECRET_LENGTH + " characters");
      }
      return configured;
    }
    if (config.redisUrl() != null) {
      throw new IllegalArgumentException("with REDIS_URL (several nodes) set JWT_SECRET: every node must verify"
          + " the tokens the others sign");
    }
    Path file = config.dataDir().resolve("jwt.key");
    if (Files.exists(file)) {
      return Files.readString(file).strip();
    }
    Files.createDirectories(config.dataDir());
    byte[] key = new byte[48];
    new SecureRandom().nextBytes(key);
    String secret = Base64.getEncoder().encodeToString(key);
    Path tmp = Files.createTempFile(config.dataDir(), "jwt", ".tmp");
    try {
      Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: the data directory's own permissions protect it
    }
    Files.writeString(tmp, secret);
    Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    return secret;
  }
}
