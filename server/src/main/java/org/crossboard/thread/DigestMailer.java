package org.crossboard.thread;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mail.MailClient;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.MailMessage;
import io.vertx.ext.mail.StartTLSOptions;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crossboard.access.AccessService;
import org.crossboard.config.DigestConfig;
import org.crossboard.store.AccountStore;
import org.crossboard.store.NotificationStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The e-mail digest of unread notifications (SPEC.md K7; off unless {@code SMTP_URL} is set): every
 * {@code DIGEST_INTERVAL_MS} (a day by default) each account holder with unread notifications not
 * mailed before gets one plain-text message listing them, and those are marked mailed. With several
 * nodes each runs it; a person's digest of one period is claimed in the store first, so only one
 * node sends it. Guests have no address and get none.
 */
public final class DigestMailer {
  private static final Logger LOG = LoggerFactory.getLogger(DigestMailer.class);
  private final Vertx vertx;
  private final MailClient mail;
  private final String from;
  private final String publicUrl;
  private final long intervalMs;
  private final NotificationStore notifications;
  private final AccountStore accounts;
  private final AccessService access;
  private final ReadableNotifications readable;

  public DigestMailer(Vertx vertx, DigestConfig config, NotificationStore notifications, AccountStore accounts,
      AccessService access, ReadableNotifications readable) {
    this.access = access;
    this.readable = readable;
    this.vertx = vertx;
    this.mail = MailClient.createShared(vertx, mailConfig(config.smtpUrl()), "crossboard-digest");
    this.from = config.from();
    String url = config.publicUrl();
    this.publicUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    this.intervalMs = config.intervalMs();
    this.notifications = notifications;
    this.accounts = accounts;
  }

  /** {@code smtp://[user:password@]host:port} (STARTTLS when offered) or {@code smtps://…}. */
  static MailConfig mailConfig(String smtpUrl) {
    URI uri = URI.create(smtpUrl);
    boolean ssl = "smtps".equals(uri.getScheme());
    MailConfig config = new MailConfig().setHostname(uri.getHost())
        .setPort(uri.getPort() > 0 ? uri.getPort() : ssl ? 465 : 25).setSsl(ssl)
        .setStarttls(ssl ? StartTLSOptions.DISABLED : StartTLSOptions.OPTIONAL);
    if (uri.getRawUserInfo() != null) {
      String[] parts = uri.getRawUserInfo().split(":", 2);
      config.setUsername(URLDecoder.decode(parts[0], StandardCharsets.UTF_8));
      if (parts.length > 1) {
        config.setPassword(URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
      }
    }
    return config;
  }

  /** Sends a digest every interval from now on. */
  public void start() {
    vertx.setPeriodic(intervalMs, t -> sendDue(System.currentTimeMillis())
        .onFailure(e -> LOG.warn("the notification digest could not be sent", e)));
  }

  /** The digests of the period ending {@code now}: unread, unmailed notifications older than now. */
  public Future<Integer> sendDue(long now) {
    long period = now / intervalMs;
    return notifications.unmailed(now).compose(pending -> {
      Map<String, List<JsonObject>> byUser = new LinkedHashMap<>();
      pending.forEach(n -> byUser.computeIfAbsent(n.getString("user"), u -> new ArrayList<>()).add(n));
      List<Future<Boolean>> sent = new ArrayList<>();
      byUser.forEach((user, list) -> sent.add(notifications.claimDigest(user, period)
          .compose(mine -> mine ? send(user, list, now) : Future.succeededFuture(false))));
      return Future.join(sent).map(v -> (int) sent.stream().filter(f -> Boolean.TRUE.equals(f.result())).count());
    });
  }

  /**
   * Mails the person's notifications they may still read (K7: none of a board they lost, none of a
   * comment removed since); all of {@code list} count as mailed afterwards, so the others never go.
   */
  private Future<Boolean> send(String user, List<JsonObject> all, long now) {
    List<String> ids = all.stream().map(n -> n.getString("_id")).toList();
    return accounts.byId(user).compose(account -> {
      if (account == null || account.email() == null) {
        return Future.succeededFuture(false);
      }
      return readable.of(all, board -> access.boardRole(user, board)).compose(list -> list.isEmpty()
          ? notifications.markMailed(ids, now).map(false)
          : sendIn(DigestText.in(account.lang()), account.email(), account.name(), list)
              .compose(r -> notifications.markMailed(ids, now)).map(true));
    });
  }

  /** One digest in the person's language, said in {@code Content-Language} too. */
  private Future<?> sendIn(DigestText words, String to, String name, List<JsonObject> list) {
    return mail.sendMail(new MailMessage().setFrom(from).setTo(to).addHeader("Content-Language", words.lang())
        .setSubject(words.subject(list.size())).setText(words.body(name, list, publicUrl)));
  }
}
