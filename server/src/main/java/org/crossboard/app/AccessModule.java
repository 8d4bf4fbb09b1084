package org.crossboard.app;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import org.crossboard.access.AccessEvents;
import org.crossboard.access.AccessService;
import org.crossboard.access.AccountService;
import org.crossboard.access.Authenticator;
import org.crossboard.access.BoardRoles;
import org.crossboard.access.InviteService;
import org.crossboard.access.LoginThrottle;
import org.crossboard.access.Passwords;
import org.crossboard.access.TokenAuthenticator;
import org.crossboard.access.Tokens;
import org.crossboard.access.WorkspaceService;
import org.crossboard.audit.AuditLog;
import org.crossboard.lifecycle.BoardService;
import org.crossboard.config.AccessConfig;
import org.crossboard.http.RestApi;
import org.crossboard.pubsub.PubSub;
import org.crossboard.store.Stores;
import org.crossboard.thread.Inboxes;
import org.crossboard.translation.TranslationService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wires accounts, roles, invitations and the audit log of one node. */
final class AccessModule {
  private static final long SESSION_SWEEP_MS = 3_600_000;
  private static final Logger LOG = LoggerFactory.getLogger(AccessModule.class);
  private final Vertx vertx;
  private final Stores stores;
  private final AccessEvents events;
  private final AccessService access;
  private final AuditLog audit;
  private final AccountService accounts;
  private final WorkspaceService workspaces;
  private final BoardRoles boardRoles;
  private final InviteService invites;
  private final Authenticator authenticator;

  AccessModule(Vertx vertx, Stores stores, PubSub pubsub, String secret, AccessConfig config) {
    this.vertx = vertx;
    this.stores = stores;
    Tokens tokens = new Tokens(vertx, secret);
    events = new AccessEvents(pubsub);
    access = new AccessService(stores);
    audit = new AuditLog(stores.audit());
    accounts = new AccountService(stores, new Passwords(vertx, config.passwordMemoryKb(), config.passwordIterations()),
        tokens, new LoginThrottle(config.loginFailuresPerAccount(), config.loginFailuresPerAddress(),
            config.loginWindowMs()), audit, events, config.tokenTtlMinutes() * 60_000L,
        config.signupsPerAddressPerHour());
    workspaces = new WorkspaceService(stores, access, audit, events);
    boardRoles = new BoardRoles(stores, access, workspaces, audit, events);
    invites = new InviteService(stores, access, tokens, audit, events);
    authenticator = new TokenAuthenticator(accounts, stores, access);
    // expired sessions are useless (every check refuses them) but would pile up with each sign-in;
    // the timer belongs to the verticle's context and ends with it
    vertx.setPeriodic(SESSION_SWEEP_MS, t -> stores.sessions().deleteExpired(System.currentTimeMillis())
        .onFailure(e -> LOG.warn("could not delete expired sessions", e)));
  }

  AccessEvents events() {
    return events;
  }

  AuditLog audit() {
    return audit;
  }

  Authenticator authenticator() {
    return authenticator;
  }

  AccessService access() {
    return access;
  }

  BoardRoles boardRoles() {
    return boardRoles;
  }

  void mount(Router router, BoardService boards, Inboxes inboxes, TranslationService translations,
      int trustedProxyHops) {
    RestApi.mount(router, new RestApi.Services(vertx, stores, accounts, access, workspaces, boardRoles, invites, audit,
        boards, inboxes, translations, trustedProxyHops));
  }
}
