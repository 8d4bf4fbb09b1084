package org.crossboard.http;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.function.Consumer;
import org.crossboard.access.AccessService;
import org.crossboard.access.Caller;
import org.crossboard.error.CrossboardException;
import org.crossboard.store.NotificationStore;
import org.crossboard.thread.Inboxes;
import org.crossboard.thread.ReadableNotifications;

/**
 * The caller's own notifications (docs/API.md "Notifications", SPEC.md K7): the list with the
 * unread count — waiting up to 25 s for a new one when asked, which is how pages without a board
 * socket show the bell live — marking read, and muting boards and threads.
 */
final class NotificationApi {
  static final int MAX_WAIT_SECONDS = 25;
  private static final int LIMIT = 50;
  private final Vertx vertx;
  private final NotificationStore notifications;
  private final Inboxes inboxes;
  private final AccessService access;
  private final ReadableNotifications readable;
  private final Api api;

  NotificationApi(Vertx vertx, NotificationStore notifications, Inboxes inboxes, AccessService access,
      ReadableNotifications readable, Api api) {
    this.vertx = vertx;
    this.access = access;
    this.readable = readable;
    this.notifications = notifications;
    this.inboxes = inboxes;
    this.api = api;
  }

  void mount(Router router) {
    router.get("/api/me/notifications").handler(ctx -> api.authed(ctx, 200, caller -> list(ctx, caller)));
    router.post("/api/me/notifications/read").handler(ctx -> api.authed(ctx, 200, RequestBodies::markRead,
        (caller, read) -> (read.all() ? notifications.markAllRead(caller.userId())
            : notifications.markRead(caller.userId(), read.ids()))
            .compose(v -> notifications.unreadCount(caller.userId()))
            .map(unread -> new JsonObject().put("unread", unread))));
    router.get("/api/me/mutes").handler(ctx -> api.authed(ctx, 200, caller ->
        notifications.mutes(caller.userId()).map(mutes -> new JsonObject().put("mutes", new JsonArray(List.copyOf(mutes))))));
    router.put("/api/me/mutes").handler(ctx -> api.authed(ctx, 200, RequestBodies::mute, (caller, mute) ->
        notifications.mute(caller.userId(), mute.scope(), mute.muted()).compose(v -> notifications.mutes(caller.userId()))
            .map(mutes -> new JsonObject().put("mutes", new JsonArray(List.copyOf(mutes))))));
  }

  /**
   * {@code unread=true} lists only unread ones; {@code after} (epoch ms) with {@code wait}
   * (seconds, at most 25) answers as soon as one newer than {@code after} exists — at once if one
   * does — or, after {@code wait}, with none.
   */
  private Future<JsonObject> list(RoutingContext ctx, Caller caller) {
    long after;
    long wait;
    try {
      after = longParam(ctx, "after", 0);
      wait = longParam(ctx, "wait", 0);
    } catch (NumberFormatException e) {
      return Future.failedFuture(CrossboardException.invalid("after and wait must be whole numbers"));
    }
    if (wait < 0 || wait > MAX_WAIT_SECONDS) {
      return Future.failedFuture(CrossboardException.invalid("wait must be 0–" + MAX_WAIT_SECONDS + " seconds"));
    }
    boolean unreadOnly = "true".equals(ctx.queryParams().get("unread"));
    String user = caller.userId();
    if (wait == 0 || after == 0) {
      return answer(caller, unreadOnly);
    }
    // listen before looking, so one stored between the look and the listening still wakes it
    Promise<Void> arrived = Promise.promise();
    Consumer<JsonObject> listener = frame -> arrived.tryComplete();
    inboxes.listen(user, listener);
    long timer = vertx.setTimer(wait * 1000L, t -> arrived.tryComplete());
    notifications.newerThan(user, after).onComplete(newer -> {
      if (newer.failed() || !newer.result().isEmpty()) {
        arrived.tryComplete();
      }
    });
    return arrived.future().compose(v -> {
      vertx.cancelTimer(timer);
      inboxes.stopListening(user, listener);
      return answer(caller, unreadOnly);
    });
  }

  /** The caller's notifications they may still read (K7: not of boards they lost, nor of removed comments). */
  private Future<JsonObject> answer(Caller caller, boolean unreadOnly) {
    String user = caller.userId();
    return notifications.list(user, unreadOnly, LIMIT)
        .compose(list -> readable.of(list, board -> access.roleOn(caller, board)))
        .compose(list -> notifications.unreadCount(user)
            .map(unread -> new JsonObject().put("notifications", new JsonArray(list)).put("unread", unread)));
  }

  private static long longParam(RoutingContext ctx, String name, long fallback) {
    String value = ctx.queryParams().get(name);
    return value == null ? fallback : Long.parseLong(value);
  }
}
