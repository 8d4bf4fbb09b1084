package org.crossboard.access;

import org.crossboard.error.ErrorCode;
import org.crossboard.error.CrossboardException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Set;
import org.crossboard.audit.AuditLog;
import org.crossboard.store.Account;
import org.crossboard.store.AuthSession;
import org.crossboard.store.DuplicateKeyException;
import org.crossboard.store.Stores;

/**
 * Sign-up, sign-in, renewal and sign-out (SPEC.md A1–A3). Passwords are only ever handed to
 * {@link Passwords}; neither they nor tokens appear in errors, logs or audit entries. Requests
 * arrive checked (the http layer applies the rules whose constants are here); every refusal is a
 * failed future.
 */
public final class AccountService {
  /** The languages an account may choose. */
  public static final Set<String> LANGUAGES = Set.of("en", "fr", "de", "es", "pt", "et");
  /** The language of an account that names none. */
  public static final String DEFAULT_LANGUAGE = "en";
  public static final int MIN_PASSWORD = 10;
  public static final int MAX_PASSWORD = 200;
  private final Stores stores;
  private final Passwords passwords;
  private final Tokens tokens;
  private final LoginThrottle throttle;
  private final AuditLog audit;
  private final AccessEvents events;
  private final long tokenTtlMs;
  private final int signupsPerAddressPerHour;
  private final SlidingWindow signups = new SlidingWindow(3_600_000);
  private final SecureRandom random = new SecureRandom();

  public AccountService(Stores stores, Passwords passwords, Tokens tokens, LoginThrottle throttle, AuditLog audit,
      AccessEvents events, long tokenTtlMs, int signupsPerAddressPerHour) {
    this.stores = stores;
    this.passwords = passwords;
    this.tokens = tokens;
    this.throttle = throttle;
    this.audit = audit;
    this.events = events;
    this.tokenTtlMs = tokenTtlMs;
    this.signupsPerAddressPerHour = signupsPerAddressPerHour;
  }

  /** A fresh token and the account it is for. */
  public record SignedIn(String token, long expiresAt, Account account) {}

  /**
   * A new account as asked for, already checked: the email in its {@link #normalEmail normal
   * form}, a password of {@link #MIN_PASSWORD}–{@link #MAX_PASSWORD} characters, a name, org and
   * country (both may be null) of at most {@code Limits.MAX_NAME_LENGTH}, one of {@link #LANGUAGES}.
   */
  public record SignUp(String email, String password, String name, String org, String country, String lang) {
    @Override
    public String toString() {
      // a record's own toString would print the password wherever the request got logged
      return "SignUp[email=" + email + ", name=" + name + ", org=" + org + ", country=" + country + ", lang=" + lang
          + "]";
    }
  }

  /** The form emails are stored and looked up in: accounts are found whatever the case typed. */
  public static String normalEmail(String email) {
    return email.strip().toLowerCase(Locale.ROOT);
  }

  public Future<SignedIn> signUp(SignUp request, String ip) {
    long now = System.currentTimeMillis();
    long wait = SlidingWindow.toSeconds(signups.waitMs(ip, signupsPerAddressPerHour, now));
    if (wait > 0) {
      return Future.failedFuture(CrossboardException.retryAfter(ErrorCode.ERR_THROTTLED,
          "too many sign-ups from this address; try again in " + wait + " s", wait));
    }
    signups.add(ip, now);
    String id = "u" + Ids.random(random, 21);
    return passwords.hash(request.password()).compose(hash -> stores.accounts()
            .insert(new Account(id, request.email(), request.name(), request.org(), request.country(), request.lang(),
                hash, false, System.currentTimeMillis())))
        .recover(e -> Future.failedFuture(e instanceof DuplicateKeyException
            ? new CrossboardException(ErrorCode.ERR_EMAIL_TAKEN, "an account with this email exists; sign in instead")
            : e))
        .compose(v -> stores.accounts().claimAdmin(id))
        .compose(admin -> stores.accounts().byId(id))
        .compose(account -> audit.record(AuditLog.SERVER_CHAIN, actor(account), "account.created", account.id(),
                new JsonObject().put("admin", account.admin()), ip).otherwiseEmpty()
            .compose(v -> startSession(account)));
  }

  /** Signs in with an email in its {@link #normalEmail normal form} and a password (any string). */
  public Future<SignedIn> signIn(String email, String password, String ip) {
    long now = System.currentTimeMillis();
    long retry = throttle.retryAfterSeconds(email, ip, now);
    if (retry > 0) {
      return Future.failedFuture(CrossboardException.retryAfter(ErrorCode.ERR_THROTTLED, "too many failed sign-ins; try again in " + retry + " s", retry));
    }
    return stores.accounts().byEmail(email).compose(account ->
        passwords.verify(password, account == null ? null : account.passwordHash()).compose(ok -> {
          // the answer waits for the audit entry, so the log is complete when the caller hears back
          if (!ok) {
            throttle.failed(email, ip, System.currentTimeMillis());
            return audit.record(AuditLog.SERVER_CHAIN, new JsonObject().put("id", account == null ? null : account.id())
                    .put("name", email), "signin.failed", email, new JsonObject(), ip).otherwiseEmpty()
                .compose(v -> Future.failedFuture(new CrossboardException(ErrorCode.ERR_BAD_CREDENTIALS,
                    "wrong email or password")));
          }
          throttle.succeeded(email);
          return audit.record(AuditLog.SERVER_CHAIN, actor(account), "signin", account.id(), new JsonObject(), ip)
              .otherwiseEmpty().compose(v -> startSession(account));
        }));
  }

  /** A new token for the same session, with a new expiry. */
  public Future<SignedIn> renew(Caller caller) {
    if (caller.guest()) {
      return Future.failedFuture(CrossboardException.forbidden("guest tokens cannot be renewed; join again"));
    }
    long expiresAt = System.currentTimeMillis() + tokenTtlMs;
    String session = caller.claims().session();
    return stores.sessions().extend(session, expiresAt).compose(ok -> ok
        ? Future.succeededFuture(new SignedIn(tokens.forAccount(caller.userId(), session, expiresAt), expiresAt,
            caller.account()))
        : Future.failedFuture(CrossboardException.unauthorized("signed out")));
  }

  /** Ends the session: its tokens stop working and its open connections close, on every node. */
  public Future<Void> signOut(Caller caller, String ip) {
    if (caller.guest()) {
      return Future.succeededFuture();
    }
    String session = caller.claims().session();
    return stores.sessions().delete(session)
        .compose(v -> audit.record(AuditLog.SERVER_CHAIN, caller.actor(), "signout", caller.userId(), new JsonObject(),
            ip).otherwiseEmpty())
        .compose(v -> events.sessionEnded(session));
  }

  /**
   * Sets the language the caller's account is written to (the e-mail digest), one of
   * {@link #LANGUAGES} already checked; the web client sends it when the person switches language.
   * Guests have no account: {@code ERR_FORBIDDEN}.
   */
  public Future<Account> setLanguage(Caller caller, String lang) {
    if (caller.guest()) {
      return Future.failedFuture(CrossboardException.forbidden("guests have no account to keep a language in"));
    }
    return stores.accounts().setLang(caller.userId(), lang)
        .compose(found -> stores.accounts().byId(caller.userId()))
        .compose(account -> account == null
            ? Future.failedFuture(CrossboardException.notFound("no such account"))
            : Future.succeededFuture(account));
  }

  /**
   * Changes the caller's password after checking the current one (failures count towards login
   * throttling), and ends every other session of theirs: a password change is what someone does
   * after a laptop went missing. {@code next} is already checked against the password rules.
   */
  public Future<Void> changePassword(Caller caller, String current, String next, String ip) {
    if (caller.guest()) {
      return Future.failedFuture(CrossboardException.forbidden("guests have no password"));
    }
    String email = caller.account().email();
    long retry = throttle.retryAfterSeconds(email, ip, System.currentTimeMillis());
    if (retry > 0) {
      return Future.failedFuture(CrossboardException.retryAfter(ErrorCode.ERR_THROTTLED, "too many wrong passwords; try again in " + retry + " s", retry));
    }
    return stores.accounts().byId(caller.userId())
        .compose(account -> passwords.verify(current, account == null ? null : account.passwordHash()))
        .compose(ok -> {
          if (!ok) {
            throttle.failed(email, ip, System.currentTimeMillis());
            // 403, not 401: the session is fine, only the password given is not
            return Future.failedFuture(new CrossboardException(ErrorCode.ERR_WRONG_PASSWORD, "the current password is wrong"));
          }
          return passwords.hash(next);
        })
        .compose(hash -> stores.accounts().setPasswordHash(caller.userId(), hash))
        .compose(v -> endSessions(caller.userId(), caller.claims().session()))
        .compose(ended -> audit.record(AuditLog.SERVER_CHAIN, caller.actor(), "password.changed", caller.userId(),
            new JsonObject().put("sessionsEnded", ended), ip))
        .mapEmpty();
  }

  /** Ends every session of the caller, this one included (their sockets close with 4010). */
  public Future<Void> signOutEverywhere(Caller caller, String ip) {
    if (caller.guest()) {
      return Future.succeededFuture();
    }
    return endSessions(caller.userId(), null)
        .compose(ended -> audit.record(AuditLog.SERVER_CHAIN, caller.actor(), "signout.everywhere", caller.userId(),
            new JsonObject().put("sessionsEnded", ended), ip))
        .mapEmpty();
  }

  /** Deletes the person's sessions except {@code keep} (may be null) and announces each; how many ended. */
  private Future<Integer> endSessions(String userId, String keep) {
    return stores.sessions().byUser(userId).compose(sessions -> {
      java.util.List<Future<Void>> ended = new java.util.ArrayList<>();
      for (AuthSession session : sessions) {
        if (!session.id().equals(keep)) {
          ended.add(stores.sessions().delete(session.id()).compose(v -> events.sessionEnded(session.id())));
        }
      }
      return Future.all(ended).map(v -> ended.size());
    });
  }

  /** Who a bearer token belongs to: a live account session, or a guest whose invitation still holds. */
  public Future<Caller> authenticate(String token) {
    return tokens.verify(token).compose(claims -> {
      if (claims.guest()) {
        return Future.succeededFuture(new Caller(claims, null));
      }
      return liveSession(claims.session(), claims.userId())
          .compose(v -> stores.accounts().byId(claims.userId()))
          .compose(account -> account == null
              ? Future.failedFuture(CrossboardException.unauthorized("no such account"))
              : Future.succeededFuture(new Caller(claims, account)));
    });
  }

  /**
   * Succeeds while the session exists, belongs to {@code userId} and has not expired; else fails
   * with {@code ERR_UNAUTHORIZED} (signed out, or expired).
   */
  public Future<Void> liveSession(String session, String userId) {
    return stores.sessions().get(session).compose(s ->
        s != null && s.userId().equals(userId) && s.expiresAt() > System.currentTimeMillis()
            ? Future.succeededFuture()
            : Future.failedFuture(CrossboardException.unauthorized("session ended; sign in again")));
  }

  private Future<SignedIn> startSession(Account account) {
    long now = System.currentTimeMillis();
    AuthSession session = new AuthSession("s" + Ids.random(random, 21), account.id(), now, now + tokenTtlMs);
    return stores.sessions().insert(session).map(v ->
        new SignedIn(tokens.forAccount(account.id(), session.id(), session.expiresAt()), session.expiresAt(), account));
  }

  private static JsonObject actor(Account account) {
    return new JsonObject().put("id", account.id()).put("name", account.name());
  }

  /** The public view of an account. */
  public static JsonObject toJson(Account a) {
    return new JsonObject().put("id", a.id()).put("email", a.email()).put("name", a.name()).put("org", a.org())
        .put("country", a.country()).put("lang", a.lang()).put("admin", a.admin());
  }
}
