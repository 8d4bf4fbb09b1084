package org.crossboard.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.crossboard.logging.LogFormat;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrossboardConfigTest {

  @Test
  @DisplayName("defaults run a single node with embedded storage and in-process pub/sub")
  void defaults() {
    CrossboardConfig c = CrossboardConfig.from(new JsonObject(), Map.of());
    assertEquals(8080, c.port());
    assertEquals(Path.of("./data"), c.dataDir());
    assertNull(c.mongoUrl());
    assertNull(c.redisUrl());
    assertEquals(60_000, c.idleTimeoutMs());
    assertTrue(c.nodeId().startsWith("node-"));
  }

  @Test
  @DisplayName("the config file overrides defaults and environment variables override the file")
  void precedence(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("crossboard.json");
    Files.writeString(file, new JsonObject().put("port", 9000).put("dataDir", "/srv/cb").put("redisUrl", "redis://file").encode());
    CrossboardConfig c = CrossboardConfig.load(Map.of("CONFIG_FILE", file.toString(), "PORT", "9100",
        "MONGO_URL", "mongodb://db:27017"));
    assertEquals(9100, c.port());
    assertEquals(Path.of("/srv/cb"), c.dataDir());
    assertEquals("redis://file", c.redisUrl());
    assertEquals("mongodb://db:27017", c.mongoUrl());
  }

  @Test
  @DisplayName("compression: level 6 unless COMPRESSION_LEVEL says otherwise; 0 is off, above 9 refused")
  void compressionLevel() {
    assertEquals(6, CrossboardConfig.from(new JsonObject(), Map.of()).compressionLevel());
    assertEquals(0, CrossboardConfig.from(new JsonObject(), Map.of("COMPRESSION_LEVEL", "0")).compressionLevel());
    assertEquals(1, CrossboardConfig.from(new JsonObject().put("compressionLevel", 1), Map.of()).compressionLevel());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CrossboardConfig.from(new JsonObject(), Map.of("COMPRESSION_LEVEL", "12")));
    assertTrue(e.getMessage().contains("COMPRESSION_LEVEL"));
  }

  @Test
  @DisplayName("WebSocket deflate: level 3 unless WS_COMPRESSION_LEVEL says otherwise; off with COMPRESSION_LEVEL=0 unless set")
  void webSocketCompressionLevel() {
    assertEquals(3, CrossboardConfig.from(new JsonObject(), Map.of()).webSocketCompressionLevel());
    assertEquals(3, CrossboardConfig.from(new JsonObject(), Map.of("COMPRESSION_LEVEL", "9")).webSocketCompressionLevel());
    assertEquals(0, CrossboardConfig.from(new JsonObject(), Map.of("COMPRESSION_LEVEL", "0")).webSocketCompressionLevel(),
        "a compressing proxy in front: neither");
    assertEquals(6, CrossboardConfig.from(new JsonObject(), Map.of("COMPRESSION_LEVEL", "0", "WS_COMPRESSION_LEVEL", "6"))
        .webSocketCompressionLevel());
    assertEquals(1, CrossboardConfig.from(new JsonObject().put("webSocketCompressionLevel", 1), Map.of())
        .webSocketCompressionLevel());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CrossboardConfig.from(new JsonObject(), Map.of("WS_COMPRESSION_LEVEL", "-1")));
    assertTrue(e.getMessage().contains("WS_COMPRESSION_LEVEL"));
  }

  @Test
  @DisplayName("a malformed number names the setting")
  void badNumber() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CrossboardConfig.from(new JsonObject(), Map.of("PORT", "eighty")));
    assertTrue(e.getMessage().contains("PORT"));
  }

  @Test
  @DisplayName("LOG_FORMAT: text by default, json from the file or the environment (which wins), in any case")
  void logFormat(@TempDir Path dir) throws Exception {
    assertEquals(LogFormat.TEXT, CrossboardConfig.from(new JsonObject(), Map.of()).logFormat());
    assertEquals(LogFormat.JSON, CrossboardConfig.from(new JsonObject().put("logFormat", "json"), Map.of()).logFormat());
    assertEquals(LogFormat.JSON, CrossboardConfig.from(new JsonObject(), Map.of("LOG_FORMAT", "JSON")).logFormat());
    Path file = dir.resolve("crossboard.json");
    Files.writeString(file, new JsonObject().put("logFormat", "json").encode());
    assertEquals(LogFormat.TEXT,
        CrossboardConfig.load(Map.of("CONFIG_FILE", file.toString(), "LOG_FORMAT", "text")).logFormat());
    assertEquals(LogFormat.JSON, CrossboardConfig.load(Map.of("CONFIG_FILE", file.toString())).logFormat());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CrossboardConfig.from(new JsonObject(), Map.of("LOG_FORMAT", "xml")));
    assertTrue(e.getMessage().contains("LOG_FORMAT"), e.getMessage());
  }
}
