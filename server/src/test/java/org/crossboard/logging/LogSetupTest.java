package org.crossboard.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** LOG_FORMAT switches what a logger created earlier writes to standard output. */
class LogSetupTest {
  // created before the format is chosen, as Main's logger is
  private static final Logger LOG = LoggerFactory.getLogger(LogSetupTest.class);

  @AfterEach
  void backToText() {
    LogSetup.apply(LogFormat.TEXT);
  }

  private static String stdout(Runnable action) {
    PrintStream real = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      action.run();
    } finally {
      System.setOut(real);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }

  @Test
  @DisplayName("json: every line standard output gets is a JSON object, levels of logback.xml kept")
  void json() {
    LogSetup.apply(LogFormat.JSON);
    String out = stdout(() -> {
      LOG.info("board {} \"opened\"", "b1");
      Logs.withRequestId("r-42", () -> LOG.error("failed", new IllegalStateException("boom")));
      LoggerFactory.getLogger("org.mongodb.driver.cluster").info("below WARN: not written");
    });
    String[] lines = out.split("\n");
    assertEquals(2, lines.length, out);
    JsonObject first = new JsonObject(lines[0]);
    assertEquals("INFO", first.getString("level"));
    assertEquals("board b1 \"opened\"", first.getString("message"));
    assertEquals(LogSetupTest.class.getName(), first.getString("logger"));
    JsonObject second = new JsonObject(lines[1]);
    assertEquals("r-42", second.getString("requestId"));
    assertEquals("boom", second.getJsonObject("exception").getString("message"));
  }

  @Test
  @DisplayName("text (the default): readable lines with the request id; applying text after json undoes it")
  void text() {
    LogSetup.apply(LogFormat.JSON);
    LogSetup.apply(LogFormat.TEXT);
    String out = stdout(() -> {
      LOG.info("plain");
      Logs.withRequestId("r-43", () -> LOG.warn("with id"));
    });
    String[] lines = out.split("\n");
    assertEquals(2, lines.length, out);
    assertTrue(lines[0].matches("\\d{4}-\\d\\d-\\d\\dT.* INFO  " + LogSetupTest.class.getName() + " - plain"), lines[0]);
    assertFalse(lines[0].contains("["  + "requestId"), lines[0]);
    assertTrue(lines[1].contains("WARN  " + LogSetupTest.class.getName() + " [requestId=r-43] - with id"), lines[1]);
  }
}
