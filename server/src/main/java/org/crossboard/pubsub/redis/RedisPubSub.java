package org.crossboard.pubsub.redis;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import io.vertx.redis.client.ResponseType;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.crossboard.pubsub.PubSub;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pub/sub through Redis. A connection in SUBSCRIBE mode can do nothing else, so one dedicated
 * connection subscribes and a separate client publishes. When the subscriber connection drops,
 * it reconnects with exponential backoff, subscribes to every channel again and tells the
 * {@link #reconnectHandler} listeners, who catch up on what was lost meanwhile.
 */
public final class RedisPubSub implements PubSub {
  private static final Logger LOG = LoggerFactory.getLogger(RedisPubSub.class);
  private static final long MIN_BACKOFF_MS = 100;
  private static final long MAX_BACKOFF_MS = 5_000;

  private record Subscriber(Context context, Handler<String> handler) {}

  private final Vertx vertx;
  private final RedisOptions options;
  private final Redis publisher;
  private final Map<String, List<Subscriber>> channels = new ConcurrentHashMap<>();
  private final List<Handler<Void>> reconnectHandlers = new CopyOnWriteArrayList<>();
  private volatile RedisConnection subscriber;
  private volatile boolean connected;
  private volatile boolean closed;
  private long backoffMs = MIN_BACKOFF_MS;
  private boolean everConnected;

  private RedisPubSub(Vertx vertx, String url) {
    this.vertx = vertx;
    this.options = new RedisOptions().setConnectionString(url).setMaxWaitingHandlers(4096);
    this.publisher = Redis.createClient(vertx, options);
  }

  /** Connects; the future completes once the first subscriber connection is up (or failed: it keeps retrying). */
  public static Future<RedisPubSub> start(Vertx vertx, String url) {
    RedisPubSub pubsub = new RedisPubSub(vertx, url);
    return pubsub.connect().otherwiseEmpty().map(pubsub);
  }

  private Future<Void> connect() {
    if (closed) {
      return Future.succeededFuture();
    }
    return Redis.createClient(vertx, options).connect().compose(conn -> {
      subscriber = conn;
      conn.handler(this::onMessage);
      conn.exceptionHandler(e -> lost(conn, e));
      conn.endHandler(v -> lost(conn, null));
      List<Future<Response>> subscribed = channels.keySet().stream()
          .map(channel -> conn.send(Request.cmd(Command.SUBSCRIBE).arg(channel))).toList();
      return Future.all(subscribed).map(all -> {
        connected = true;
        backoffMs = MIN_BACKOFF_MS;
        if (everConnected) {
          LOG.info("Redis pub/sub reconnected; catching up");
          reconnectHandlers.forEach(h -> h.handle(null));
        }
        everConnected = true;
        return (Void) null;
      });
    }).onFailure(e -> {
      LOG.warn("Redis pub/sub unavailable ({}); retrying in {} ms", e.getMessage(), backoffMs);
      retryLater();
    });
  }

  private void lost(RedisConnection conn, Throwable cause) {
    if (conn != subscriber || closed) {
      return;
    }
    subscriber = null;
    connected = false;
    LOG.warn("Redis pub/sub connection lost{}", cause == null ? "" : ": " + cause.getMessage());
    retryLater();
  }

  private void retryLater() {
    if (closed) {
      return;
    }
    long delay = backoffMs;
    backoffMs = Math.min(MAX_BACKOFF_MS, backoffMs * 2);
    vertx.setTimer(delay, t -> connect());
  }

  private void onMessage(Response message) {
    if ((message.type() != ResponseType.PUSH && message.type() != ResponseType.MULTI) || message.size() < 3
        || !"message".equals(message.get(0).toString())) {
      return;
    }
    String channel = message.get(1).toString();
    String payload = message.get(2).toString();
    for (Subscriber s : channels.getOrDefault(channel, List.of())) {
      s.context().runOnContext(v -> s.handler().handle(payload));
    }
  }

  @Override
  public Future<Subscription> subscribe(String channel, Handler<String> handler) {
    Subscriber s = new Subscriber(vertx.getOrCreateContext(), handler);
    boolean first = channels.get(channel) == null;
    channels.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>()).add(s);
    RedisConnection conn = subscriber;
    Future<?> sent = first && conn != null
        ? conn.send(Request.cmd(Command.SUBSCRIBE).arg(channel))
        : Future.succeededFuture(); // subscribed on (re)connect otherwise
    return sent.otherwiseEmpty().map(v -> () -> unsubscribe(channel, s));
  }

  private Future<Void> unsubscribe(String channel, Subscriber s) {
    List<Subscriber> list = channels.get(channel);
    if (list == null || !list.remove(s) || !list.isEmpty()) {
      return Future.succeededFuture();
    }
    channels.remove(channel, list);
    RedisConnection conn = subscriber;
    return conn == null ? Future.succeededFuture()
        : conn.send(Request.cmd(Command.UNSUBSCRIBE).arg(channel)).<Void>mapEmpty().otherwiseEmpty();
  }

  @Override
  public Future<Void> publish(String channel, String message) {
    return RedisAPI.api(publisher).publish(channel, message).mapEmpty();
  }

  @Override
  public boolean connected() {
    return connected;
  }

  @Override
  public void reconnectHandler(Handler<Void> handler) {
    reconnectHandlers.add(handler);
  }

  @Override
  public Future<Void> close() {
    closed = true;
    connected = false;
    RedisConnection conn = subscriber;
    subscriber = null;
    if (conn != null) {
      conn.close();
    }
    publisher.close();
    return Future.succeededFuture();
  }
}
