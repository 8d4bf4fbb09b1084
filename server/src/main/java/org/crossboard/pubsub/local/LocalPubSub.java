package org.crossboard.pubsub.local;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.crossboard.pubsub.PubSub;

/**
 * In-process pub/sub: the default for a single node (every subscriber is on this node). Handlers
 * run on the context that subscribed, never inside {@link #publish}.
 */
public final class LocalPubSub implements PubSub {
  private record Subscriber(Context context, Handler<String> handler) {}

  private final Vertx vertx;
  private final Map<String, List<Subscriber>> channels = new ConcurrentHashMap<>();

  public LocalPubSub(Vertx vertx) {
    this.vertx = vertx;
  }

  @Override
  public Future<Subscription> subscribe(String channel, Handler<String> handler) {
    Subscriber s = new Subscriber(vertx.getOrCreateContext(), handler);
    channels.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>()).add(s);
    return Future.succeededFuture(() -> {
      channels.computeIfPresent(channel, (c, list) -> {
        list.remove(s);
        return list.isEmpty() ? null : list;
      });
      return Future.succeededFuture();
    });
  }

  @Override
  public Future<Void> publish(String channel, String message) {
    for (Subscriber s : channels.getOrDefault(channel, List.of())) {
      s.context().runOnContext(v -> s.handler().handle(message));
    }
    return Future.succeededFuture();
  }

  @Override
  public boolean connected() {
    return true;
  }

  @Override
  public void reconnectHandler(Handler<Void> handler) {
    // never disconnects
  }

  @Override
  public Future<Void> close() {
    channels.clear();
    return Future.succeededFuture();
  }
}
