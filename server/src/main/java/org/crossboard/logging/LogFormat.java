package org.crossboard.logging;

import java.util.Locale;

/** How log lines are written to standard output ({@code LOG_FORMAT}). */
public enum LogFormat {
  /** One human-readable line per event (the default). */
  TEXT,
  /** One JSON object per line, for log collectors ({@link JsonLineLayout}). */
  JSON;

  /**
   * The format named {@code value}, in any case.
   *
   * @throws IllegalArgumentException for anything but {@code text} or {@code json}
   */
  public static LogFormat parse(String value) {
    try {
      return valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("LOG_FORMAT / logFormat must be text or json, got: " + value);
    }
  }
}
