package org.crossboard.http;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import org.crossboard.access.AccessService;
import org.crossboard.access.AccountService;
import org.crossboard.access.BoardRoles;
import org.crossboard.access.InviteService;
import org.crossboard.access.WorkspaceService;
import org.crossboard.audit.AuditLog;
import org.crossboard.lifecycle.BoardService;
import org.crossboard.store.Stores;
import org.crossboard.thread.Inboxes;
import org.crossboard.thread.ReadableNotifications;
import org.crossboard.translation.TranslationService;

/**
 * Mounts the REST API (docs/API.md): request ids first, then one body limit, then the calls. After
 * the last {@code /api/} route (health included) comes {@link ApiFallback}.
 */
public final class RestApi {
  private RestApi() {}

  /** The services the REST API needs. */
  public record Services(Vertx vertx, Stores stores, AccountService accounts, AccessService access,
      WorkspaceService workspaces, BoardRoles boardRoles, InviteService invites, AuditLog audit, BoardService boards,
      Inboxes inboxes, TranslationService translations, int trustedProxyHops) {}

  public static void mount(Router router, Services s) {
    RequestIds.mount(router);
    Api.mountBodyLimit(router);
    Api api = new Api(s.accounts(), s.trustedProxyHops());
    new AuthApi(s.accounts(), api).mount(router);
    new WorkspaceApi(s.workspaces(), s.boardRoles(), s.access(), s.boards(), s.audit(), api).mount(router);
    new BoardApi(s.access(), s.boards(), s.boardRoles(), s.stores().workspaces(), s.audit(), api).mount(router);
    new InviteApi(s.invites(), api).mount(router);
    new AuditApi(s.audit(), s.access(), api).mount(router);
    new SessionApi(s.access(), s.stores().liveSessions(), s.stores().attendance(), api).mount(router);
    new ThreadApi(s.access(), s.stores().threads(), api).mount(router);
    new NotificationApi(s.vertx(), s.stores().notifications(), s.inboxes(), s.access(),
        new ReadableNotifications(s.stores().boards(), s.stores().threads()), api).mount(router);
    new TranslationApi(s.access(), s.stores(), s.translations(), s.audit(), api).mount(router);
  }
}
