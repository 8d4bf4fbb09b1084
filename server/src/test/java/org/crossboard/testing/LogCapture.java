package org.crossboard.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.List;
import org.crossboard.logging.JsonLineLayout;
import org.slf4j.LoggerFactory;

/**
 * Everything logged in this JVM while open, as the JSON lines production would write (message,
 * context ids and exception stacks included), with every logger lowered to {@code level} so that
 * debug output is checked too. Closing restores the levels.
 */
public final class LogCapture extends AppenderBase<ILoggingEvent> implements AutoCloseable {
  private final List<String> lines = new ArrayList<>();
  private final JsonLineLayout layout = new JsonLineLayout();
  private final LoggerContext context;
  private final List<Logger> lowered = new ArrayList<>();
  private final List<Level> levels = new ArrayList<>();

  private LogCapture(Level level) {
    context = (LoggerContext) LoggerFactory.getILoggerFactory();
    setContext(context);
    setName("test-capture");
    layout.setContext(context);
    layout.start();
    for (Logger logger : context.getLoggerList()) {
      if (logger.getLevel() != null) {
        lowered.add(logger);
        levels.add(logger.getLevel());
        logger.setLevel(level);
      }
    }
    start();
    context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(this);
  }

  /** Captures from now on at {@code level} and below it. */
  public static LogCapture start(Level level) {
    return new LogCapture(level);
  }

  @Override
  protected synchronized void append(ILoggingEvent event) {
    lines.add(layout.doLayout(event));
  }

  /** The lines captured so far. */
  public synchronized List<String> lines() {
    return List.copyOf(lines);
  }

  /** The lines captured so far, as one text. */
  public synchronized String text() {
    return String.join("", lines);
  }

  @Override
  public void close() {
    context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(this);
    stop();
    for (int i = 0; i < lowered.size(); i++) {
      lowered.get(i).setLevel(levels.get(i));
    }
  }
}
