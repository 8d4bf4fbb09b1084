package org.crossboard.logging;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.joran.spi.JoranException;
import java.nio.charset.StandardCharsets;
import org.slf4j.LoggerFactory;

/**
 * Puts the configured {@link LogFormat} on standard output. Levels and the text format are in
 * {@code logback.xml} (its appender {@value #CONSOLE}); JSON replaces that appender by one
 * writing {@link JsonLineLayout} lines. Loggers created before stay valid: they write through
 * the root logger's appenders, whatever those are when they log.
 */
public final class LogSetup {
  /** The name of the console appender in {@code logback.xml}. */
  static final String CONSOLE = "CONSOLE";

  private LogSetup() {}

  /** Writes every later log line in {@code format}; call it before the node starts. */
  public static void apply(LogFormat format) {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return; // another SLF4J backend on the class path: it has its own configuration
    }
    reload(context);
    if (format == LogFormat.JSON) {
      Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
      ConsoleAppender<ILoggingEvent> json = jsonConsole(context);
      root.addAppender(json);
      Appender<ILoggingEvent> text = root.getAppender(CONSOLE);
      if (text != null && text != json) {
        root.detachAppender(text);
        text.stop();
      }
    }
  }

  /** Back to logback.xml, so that applying TEXT after JSON undoes it. */
  private static void reload(LoggerContext context) {
    context.reset();
    try {
      new ContextInitializer(context).autoConfig();
    } catch (JoranException e) {
      throw new IllegalStateException("logback.xml could not be read", e);
    }
  }

  private static ConsoleAppender<ILoggingEvent> jsonConsole(LoggerContext context) {
    JsonLineLayout layout = new JsonLineLayout();
    layout.setContext(context);
    layout.start();
    LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
    encoder.setContext(context);
    encoder.setLayout(layout);
    encoder.setCharset(StandardCharsets.UTF_8);
    encoder.start();
    ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
    console.setContext(context);
    console.setName(CONSOLE + "_JSON");
    console.setEncoder(encoder);
    console.start();
    return console;
  }
}
