package org.crossboard.store.memory;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.crossboard.store.DuplicateKeyException;
import org.crossboard.store.NotificationStore;

/**
 * Notifications and mutes in memory, under the store's lock (two server nodes in one JVM share one
 * instance). Documents are copied in and out.
 */
public final class InMemoryNotificationStore implements NotificationStore {
  private static final Comparator<JsonObject> NEWEST_FIRST =
      Comparator.<JsonObject>comparingLong(n -> n.getLong("at")).thenComparing(n -> n.getString("_id")).reversed();
  private static final Comparator<JsonObject> BY_USER_OLDEST_FIRST =
      Comparator.<JsonObject, String>comparing(n -> n.getString("user"))
          .thenComparingLong(n -> n.getLong("at")).thenComparing(n -> n.getString("_id"));

  private final Map<String, JsonObject> notifications = new LinkedHashMap<>();
  private final Map<String, Set<String>> mutes = new HashMap<>();
  private final Set<String> digests = new HashSet<>();

  @Override
  public synchronized Future<Void> insert(JsonObject notification) {
    String id = notification.getString("_id");
    if (notifications.containsKey(id)) {
      return Future.failedFuture(new DuplicateKeyException("notification exists: " + id));
    }
    notifications.put(id, notification.copy());
    return Future.succeededFuture();
  }

  @Override
  public synchronized Future<List<JsonObject>> list(String user, boolean unreadOnly, int limit) {
    return Future.succeededFuture(select(n -> user.equals(n.getString("user")) && (!unreadOnly || unread(n)),
        NEWEST_FIRST).stream().limit(limit).toList());
  }

  @Override
  public synchronized Future<List<JsonObject>> newerThan(String user, long at) {
    return Future.succeededFuture(select(n -> user.equals(n.getString("user")) && n.getLong("at") > at, NEWEST_FIRST));
  }

  @Override
  public synchronized Future<Long> unreadCount(String user) {
    return Future.succeededFuture(notifications.values().stream()
        .filter(n -> user.equals(n.getString("user")) && unread(n)).count());
  }

  @Override
  public synchronized Future<Void> markRead(String user, List<String> ids) {
    for (String id : ids) {
      JsonObject n = notifications.get(id);
      if (n != null && user.equals(n.getString("user"))) {
        n.put("read", true);
      }
    }
    return Future.succeededFuture();
  }

  @Override
  public synchronized Future<Void> markAllRead(String user) {
    notifications.values().stream().filter(n -> user.equals(n.getString("user"))).forEach(n -> n.put("read", true));
    return Future.succeededFuture();
  }

  @Override
  public synchronized Future<List<JsonObject>> unmailed(long before) {
    return Future.succeededFuture(select(n -> unread(n) && n.getValue("mailedAt") == null && n.getLong("at") < before,
        BY_USER_OLDEST_FIRST));
  }

  @Override
  public synchronized Future<Void> markMailed(List<String> ids, long at) {
    for (String id : ids) {
      JsonObject n = notifications.get(id);
      if (n != null) {
        n.put("mailedAt", at);
      }
    }
    return Future.succeededFuture();
  }

  @Override
  public synchronized Future<Void> mute(String user, String scope, boolean muted) {
    Set<String> scopes = mutes.computeIfAbsent(user, k -> new HashSet<>());
    if (muted) {
      scopes.add(scope);
    } else {
      scopes.remove(scope);
    }
    return Future.succeededFuture();
  }

  @Override
  public synchronized Future<Set<String>> mutes(String user) {
    return Future.succeededFuture(Set.copyOf(mutes.getOrDefault(user, Set.of())));
  }

  private List<JsonObject> select(Predicate<JsonObject> filter, Comparator<JsonObject> order) {
    return notifications.values().stream().filter(filter).sorted(order).map(JsonObject::copy).toList();
  }

  private static boolean unread(JsonObject n) {
    return !n.getBoolean("read", false);
  }

  @Override
  public synchronized Future<Boolean> claimDigest(String user, long period) {
    return Future.succeededFuture(digests.add(user + "|" + period));
  }
}
