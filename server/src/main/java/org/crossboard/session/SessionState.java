package org.crossboard.session;

import java.util.Locale;

/** The life of a session (SPEC.md L2): scheduled → live → ended; a scheduled one may also be ended (cancelled). */
public enum SessionState {
  SCHEDULED, LIVE, ENDED;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static SessionState parse(String wire) {
    return valueOf(wire.toUpperCase(Locale.ROOT));
  }
}
