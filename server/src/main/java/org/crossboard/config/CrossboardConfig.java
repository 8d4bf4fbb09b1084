package org.crossboard.config;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.crossboard.logging.LogFormat;

/**
 * Every setting of a server node, with defaults that run a complete single node with nothing
 * installed. Read from an optional JSON file ({@code CONFIG_FILE}, default {@code crossboard.json}
 * when present), then overridden by environment variables; see README "Configure".
 *
 * @param mongoUrl null: embedded MongoDB-compatible server with an H2 file under {@code dataDir}
 * @param redisUrl null: in-process pub/sub (single node)
 * @param webrootDir null: serve the web client from the classpath; a directory: serve from disk (development)
 * @param trustedProxyHops reverse proxies in front of the node that append to X-Forwarded-For (0: none)
 * @param logFormat how log lines are written: text (default) or JSON lines
 * @param leaseTtlMs with several nodes: how long a board's lease lasts unrenewed (how soon a dead
 *     sequencing node's boards move to another node)
 * @param access accounts, tokens and limits
 * @param digest the e-mail digest of notifications
 * @param translation machine translation of board texts (off unless {@code TRANSLATE_URL})
 * @param compressionLevel deflate level (1–9) of HTTP responses (gzip/deflate when the client
 *     accepts it); 0 turns it off (e.g. behind a proxy that compresses)
 * @param webSocketCompressionLevel deflate level (1–9) of WebSocket per-message deflate when the
 *     client offers it; 0 turns it off. Lower than HTTP's by default: every socket compresses every
 *     frame it is sent, so the level is paid per receiver (docs/BENCHMARKS.md "Compression")
 */
public record CrossboardConfig(
    String host,
    int port,
    Path dataDir,
    String mongoUrl,
    String mongoDb,
    String redisUrl,
    String nodeId,
    long handshakeTimeoutMs,
    long idleTimeoutMs,
    int snapshotEvery,
    long roomIdleCloseMs,
    int writeQueueMaxBytes,
    Path webrootDir,
    int presenceTickMs,
    int presenceTimeoutMs,
    int presenceThinAbove,
    int trustedProxyHops,
    LogFormat logFormat,
    int leaseTtlMs,
    AccessConfig access,
    DigestConfig digest,
    TranslationConfig translation,
    int compressionLevel,
    int webSocketCompressionLevel) {
  /** WebSocket deflate level unless configured: level 6 doubled the p99 of a saturated node's fan-out. */
  public static final int DEFAULT_WEBSOCKET_COMPRESSION_LEVEL = 3;

  /** Defaults, then the config file, then environment variables. */
  public static CrossboardConfig load(Map<String, String> env) throws IOException {
    Path file = Path.of(env.getOrDefault("CONFIG_FILE", "crossboard.json"));
    JsonObject json = Files.exists(file) ? new JsonObject(Files.readString(file)) : new JsonObject();
    return from(json, env);
  }

  static CrossboardConfig from(JsonObject file, Map<String, String> env) {
    Settings s = new Settings(file, env);
    int httpLevel = compressionLevel("COMPRESSION_LEVEL / compressionLevel",
        s.integer("compressionLevel", "COMPRESSION_LEVEL", 6));
    return new CrossboardConfig(
        s.string("host", "HOST", "0.0.0.0"),
        s.integer("port", "PORT", 8080),
        Path.of(s.string("dataDir", "DATA_DIR", "./data")),
        s.string("mongoUrl", "MONGO_URL", null),
        s.string("mongoDb", "MONGO_DB", "crossboard"),
        s.string("redisUrl", "REDIS_URL", null),
        s.string("nodeId", "NODE_ID", "node-" + UUID.randomUUID().toString().substring(0, 8)),
        s.integer("handshakeTimeoutMs", "HANDSHAKE_TIMEOUT_MS", 10_000),
        s.integer("idleTimeoutMs", "IDLE_TIMEOUT_MS", 60_000),
        s.integer("snapshotEvery", "SNAPSHOT_EVERY", 500),
        s.integer("roomIdleCloseMs", "ROOM_IDLE_CLOSE_MS", 5_000),
        s.integer("writeQueueMaxBytes", "WRITE_QUEUE_MAX_BYTES", 4 * 1024 * 1024),
        pathOrNull(s.string("webrootDir", "CROSSBOARD_WEBROOT_DIR", null)),
        s.integer("presenceTickMs", "PRESENCE_TICK_MS", 30),
        s.integer("presenceTimeoutMs", "PRESENCE_TIMEOUT_MS", 15_000),
        s.integer("presenceThinAbove", "PRESENCE_THIN_ABOVE", 50),
        s.integer("trustedProxyHops", "TRUSTED_PROXY_HOPS", 0),
        LogFormat.parse(s.string("logFormat", "LOG_FORMAT", "text")),
        s.integer("leaseTtlMs", "LEASE_TTL_MS", 3_000),
        new AccessConfig(
            s.string("jwtSecret", "JWT_SECRET", null),
            s.integer("tokenTtlMinutes", "TOKEN_TTL_MINUTES", 12 * 60),
            s.integer("maxConnectionsPerUser", "MAX_CONNECTIONS_PER_USER", 20),
            s.integer("passwordMemoryKb", "PASSWORD_MEMORY_KB", 19 * 1024),
            s.integer("passwordIterations", "PASSWORD_ITERATIONS", 2),
            s.integer("loginFailuresPerAccount", "LOGIN_FAILURES_PER_ACCOUNT", 5),
            s.integer("loginFailuresPerAddress", "LOGIN_FAILURES_PER_ADDRESS", 50),
            s.integer("loginWindowMs", "LOGIN_WINDOW_MS", 15 * 60_000),
            s.integer("signupsPerAddressPerHour", "SIGNUPS_PER_ADDRESS_PER_HOUR", 20)),
        new DigestConfig(
            s.string("smtpUrl", "SMTP_URL", null),
            s.string("smtpFrom", "SMTP_FROM", "crossboard@localhost"),
            s.string("publicUrl", "PUBLIC_URL", "http://localhost:8080"),
            s.integer("digestIntervalMs", "DIGEST_INTERVAL_MS", 24 * 60 * 60 * 1000)),
        new TranslationConfig(
            s.string("translateUrl", "TRANSLATE_URL", null),
            s.string("translateApiKey", "TRANSLATE_API_KEY", null),
            s.string("translateEngineName", "TRANSLATE_ENGINE_NAME", "LibreTranslate")),
        httpLevel,
        // COMPRESSION_LEVEL=0 (a compressing proxy in front) meant no WebSocket deflate either, and still does
        compressionLevel("WS_COMPRESSION_LEVEL / webSocketCompressionLevel", s.integer("webSocketCompressionLevel",
            "WS_COMPRESSION_LEVEL", httpLevel == 0 ? 0 : DEFAULT_WEBSOCKET_COMPRESSION_LEVEL)));
  }

  /** A copy listening on another port (tests start on 0, then pin the port for restarts). */
  public CrossboardConfig withPort(int newPort) {
    return new CrossboardConfig(host, newPort, dataDir, mongoUrl, mongoDb, redisUrl, nodeId,
        handshakeTimeoutMs, idleTimeoutMs, snapshotEvery, roomIdleCloseMs, writeQueueMaxBytes, webrootDir,
        presenceTickMs, presenceTimeoutMs, presenceThinAbove, trustedProxyHops, logFormat, leaseTtlMs, access,
        digest, translation, compressionLevel, webSocketCompressionLevel);
  }

  private static int compressionLevel(String names, int level) {
    if (level < 0 || level > 9) {
      throw new IllegalArgumentException(names + " must be 0 (off) to 9, got: " + level);
    }
    return level;
  }

  private static Path pathOrNull(String s) {
    return s == null || s.isBlank() ? null : Path.of(s);
  }

  private record Settings(JsonObject file, Map<String, String> env) {
    String string(String key, String envName, String fallback) {
      String fromEnv = env.get(envName);
      if (fromEnv != null && !fromEnv.isBlank()) {
        return fromEnv;
      }
      Object fromFile = file.getValue(key);
      return fromFile != null ? fromFile.toString() : fallback;
    }

    int integer(String key, String envName, int fallback) {
      String value = string(key, envName, null);
      try {
        return value == null ? fallback : Integer.parseInt(value.trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(envName + " / " + key + " must be an integer, got: " + value);
      }
    }
  }
}
