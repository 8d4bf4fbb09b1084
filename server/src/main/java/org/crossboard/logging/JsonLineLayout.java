package org.crossboard.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Set;

/**
 * One log event as one line of JSON: {@code time} (ISO-8601, UTC, milliseconds), {@code level},
 * {@code logger}, {@code thread}, {@code message}, the context ids of {@link Logs} (e.g.
 * {@code requestId}), and {@code exception} ({@code class}, {@code message}, {@code stack}) when
 * there is one. Every string is escaped, so a message with quotes, newlines or any other
 * character stays one valid line.
 */
public final class JsonLineLayout extends LayoutBase<ILoggingEvent> {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
  private static final Set<String> RESERVED = Set.of("time", "level", "logger", "thread", "message", "exception");
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  @Override
  public String doLayout(ILoggingEvent event) {
    StringBuilder line = new StringBuilder(256);
    line.append('{');
    field(line, "time", TIME.format(event.getInstant())).append(',');
    field(line, "level", event.getLevel().toString()).append(',');
    field(line, "logger", event.getLoggerName()).append(',');
    field(line, "thread", event.getThreadName()).append(',');
    field(line, "message", event.getFormattedMessage());
    Map<String, String> context = event.getMDCPropertyMap();
    if (context != null) {
      for (Map.Entry<String, String> entry : context.entrySet()) {
        if (!RESERVED.contains(entry.getKey()) && entry.getValue() != null) {
          line.append(',');
          field(line, entry.getKey(), entry.getValue());
        }
      }
    }
    IThrowableProxy thrown = event.getThrowableProxy();
    if (thrown != null) {
      line.append(",\"exception\":{");
      field(line, "class", thrown.getClassName()).append(',');
      field(line, "message", thrown.getMessage()).append(',');
      field(line, "stack", ThrowableProxyUtil.asString(thrown));
      line.append('}');
    }
    return line.append('}').append(CoreConstants.LINE_SEPARATOR).toString();
  }

  @Override
  public String getContentType() {
    return "application/json";
  }

  private static StringBuilder field(StringBuilder line, String name, String value) {
    quote(line, name).append(':');
    return value == null ? line.append("null") : quote(line, value);
  }

  /** {@code text} as a JSON string (RFC 8259), in ASCII-safe form for controls and lone surrogates. */
  static StringBuilder quote(StringBuilder out, String text) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029') {
            unicodeEscape(out, c);
          } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
              && Character.isLowSurrogate(text.charAt(i + 1))) {
            out.append(c).append(text.charAt(++i));
          } else if (Character.isSurrogate(c)) {
            // a lone surrogate cannot be encoded as UTF-8; escaped, the line stays valid
            unicodeEscape(out, c);
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"');
  }

  private static void unicodeEscape(StringBuilder out, char c) {
    out.append("\\u").append(HEX[(c >> 12) & 0xf]).append(HEX[(c >> 8) & 0xf])
        .append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
  }
}
