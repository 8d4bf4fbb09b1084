package org.crossboard.thread;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.crossboard.pubsub.PubSub;
import org.crossboard.store.NotificationStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each person's notifications, live, wherever they are (SPEC.md K7): a notification is published
 * on the person's own channel ({@code crossboard:user:{id}}), and every node where that person
 * has a socket on any board, or a waiting {@code GET /api/me/notifications}, is subscribed to it
 * while they are there. The store keeps every notification, so one lost on the way (a node
 * subscribing at that moment) is still listed on the next look. Node-wide; event-loop confined.
 */
public final class Inboxes {
  private static final Logger LOG = LoggerFactory.getLogger(Inboxes.class);
  private final PubSub pubsub;
  private final NotificationStore store;
  /** The listeners here, by person; a person's channel is subscribed while they have any. */
  private final Map<String, Set<Consumer<JsonObject>>> listeners = new HashMap<>();
  private final Map<String, Future<PubSub.Subscription>> subscriptions = new HashMap<>();

  public Inboxes(PubSub pubsub, NotificationStore store) {
    this.pubsub = pubsub;
    this.store = store;
  }

  static String channel(String userId) {
    return "crossboard:user:" + userId;
  }

  /** Sends a stored notification to its person, on every node they are on. */
  public Future<Void> deliver(JsonObject notification) {
    return pubsub.publish(channel(notification.getString("user")), notification.encode());
  }

  /**
   * Calls {@code listener} with {@code {"t":"notification","notification":…,"unread":n}} for each
   * notification of {@code userId} from now on, until {@link #stopListening}.
   */
  public void listen(String userId, Consumer<JsonObject> listener) {
    listeners.computeIfAbsent(userId, u -> new LinkedHashSet<>()).add(listener);
    subscriptions.computeIfAbsent(userId, u -> pubsub.subscribe(channel(u), message -> arrived(u, message))
        .onFailure(e -> {
          LOG.warn("notifications of {} will not arrive live here", u, e);
          subscriptions.remove(u);
        }));
  }

  public void stopListening(String userId, Consumer<JsonObject> listener) {
    Set<Consumer<JsonObject>> mine = listeners.get(userId);
    if (mine == null || !mine.remove(listener) || !mine.isEmpty()) {
      return;
    }
    listeners.remove(userId);
    Future<PubSub.Subscription> subscription = subscriptions.remove(userId);
    if (subscription != null) {
      subscription.onSuccess(PubSub.Subscription::unsubscribe);
    }
  }

  private void arrived(String userId, String message) {
    JsonObject notification = new JsonObject(message);
    store.unreadCount(userId).otherwise(-1L).onSuccess(unread -> {
      JsonObject frame = new JsonObject().put("t", "notification").put("notification", notification);
      if (unread >= 0) {
        frame.put("unread", unread);
      }
      List<Consumer<JsonObject>> now = new ArrayList<>(listeners.getOrDefault(userId, Set.of()));
      now.forEach(listener -> listener.accept(frame));
    });
  }
}
