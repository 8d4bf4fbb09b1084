package org.crossboard.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** LOG_FORMAT=json: one valid JSON object per line, whatever the message holds. */
class JsonLineLayoutTest {
  private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
  private final Logger logger = context.getLogger("org.crossboard.test.Example");
  private final JsonLineLayout layout = new JsonLineLayout();

  private JsonObject line(String message, Throwable thrown, Object... args) {
    LoggingEvent event = new LoggingEvent(Logger.class.getName(), logger, Level.WARN, message, thrown, args);
    event.setThreadName("vert.x-eventloop-thread-0");
    event.setInstant(Instant.parse("2026-03-04T05:06:07.089Z"));
    String text = layout.doLayout(event);
    assertTrue(text.endsWith("\n"), "ends the line");
    assertEquals(-1, text.substring(0, text.length() - 1).indexOf('\n'), "one line: " + text);
    assertFalse(text.contains("\r"), text);
    return new JsonObject(text);
  }

  @Test
  @DisplayName("time (ISO-8601 UTC), level, logger, thread and the formatted message")
  void fields() {
    JsonObject json = line("board {} opened by {}", null, "b1", "n1");
    assertEquals("2026-03-04T05:06:07.089Z", json.getString("time"));
    assertEquals("WARN", json.getString("level"));
    assertEquals("org.crossboard.test.Example", json.getString("logger"));
    assertEquals("vert.x-eventloop-thread-0", json.getString("thread"));
    assertEquals("board b1 opened by n1", json.getString("message"));
    assertNull(json.getValue("exception"));
  }

  @Test
  @DisplayName("quotes, backslashes, newlines, control characters and unicode survive escaping")
  void escaping() {
    String nasty = "say \"hi\" \\ back\nslash\r\n\ttab \u0000\u0001\u001f\u007f é 中文 🎨 \u2028 </script>";
    JsonObject json = line("{}", null, nasty);
    assertEquals(nasty, json.getString("message"));
    String lone = "half \ud83c of a pair";
    assertEquals(lone, line(lone, null).getString("message"), "a lone surrogate is escaped, not dropped");
  }

  @Test
  @DisplayName("an exception comes with its class, message and whole stack, causes included")
  void exception() {
    Exception cause = new IllegalArgumentException("inner \"cause\"\nline two");
    JsonObject json = line("request failed", new IllegalStateException("outer", cause));
    JsonObject exception = json.getJsonObject("exception");
    assertEquals("java.lang.IllegalStateException", exception.getString("class"));
    assertEquals("outer", exception.getString("message"));
    String stack = exception.getString("stack");
    assertTrue(stack.startsWith("java.lang.IllegalStateException: outer"), stack);
    assertTrue(stack.contains("at org.crossboard.logging.JsonLineLayoutTest.exception"), stack);
    assertTrue(stack.contains("Caused by: java.lang.IllegalArgumentException: inner \"cause\"\nline two"), stack);
  }

  @Test
  @DisplayName("the ids of Logs (request, connection) are fields of the line, only while set")
  void contextIds() {
    Logs.withRequestId("req-1", () -> Logs.withConnectionId("c\"2", () -> {
      JsonObject json = line("inside", null);
      assertEquals("req-1", json.getString(Logs.REQUEST_ID));
      assertEquals("c\"2", json.getString(Logs.CONNECTION_ID));
    }));
    assertNull(MDC.get(Logs.REQUEST_ID));
    assertNull(line("outside", null).getValue(Logs.REQUEST_ID));
    Logs.withRequestId("outer", () -> {
      Logs.withRequestId("inner", () -> assertEquals("inner", MDC.get(Logs.REQUEST_ID)));
      assertEquals("outer", MDC.get(Logs.REQUEST_ID));
    });
  }
}
