package org.crossboard.config;

/**
 * The e-mail digest of unread notifications (docs/COMMENTS.md "Notifications").
 *
 * @param smtpUrl {@code smtp://[user:password@]host:port} or {@code smtps://…}; null: no digest (the default)
 * @param from the sender address
 * @param publicUrl where people open the app, for the links in a digest
 * @param intervalMs how often a digest goes out (a day by default)
 */
public record DigestConfig(String smtpUrl, String from, String publicUrl, long intervalMs) {
  public boolean enabled() {
    return smtpUrl != null && !smtpUrl.isBlank();
  }

  @Override
  public String toString() {
    // the SMTP URL may hold a password
    return "DigestConfig[enabled=" + enabled() + ", from=" + from + ", publicUrl=" + publicUrl + ", intervalMs="
        + intervalMs + "]";
  }
}
