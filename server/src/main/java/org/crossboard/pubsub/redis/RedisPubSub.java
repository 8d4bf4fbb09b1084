package org.crossboard.pubsub.redis;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
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
 * connection subscribes and another one publishes. When the subscriber connection drops,
 * it reconnects with exponential backoff, subscribes to every channel again and tells the
 * {@link #reconnectHandler} listeners, who catch up on what was lost meanwhile.
 *
 * <p>Publishing goes through one connection, not a pool: Redis delivers a channel's messages in
 * the order it receives them, and commands spread over pooled connections arrive in any order —
 * a room's ops would then reach other nodes out of seq order (each time a gap and a catch-up from
 * the op log) and a sequencer's answers out of order. What one thread publishes is delivered in
 * that order (PubSub's contract).
 */
public final class RedisPubSub implements PubSub {
  private static final Logger LOG = LoggerFactory.getLogger(RedisPubSub.class);
  private static final long MIN_BACKOFF_MS = 100;
  private static final long MAX_BACKOFF_MS = 5_000;

  private record Subscriber(Context context, Handler<String> handler) {}

  private final Vertx vertx;
  private final RedisOptions options;
  private final Redis publisherClient;
  /** The publishing connection (being) opened; null when there is none. Guarded by {@code this}. */
  private Future<RedisConnection> publisher;
  /** Before this time (ms) a publish fails at once instead of connecting again (Redis is down). Guarded by {@code this}. */
  private long reconnectPublisherAfter;
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
    this.publisherClient = Redis.createClient(vertx, options);
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
    return publisher().compose(conn -> conn.send(Request.cmd(Command.PUBLISH).arg(channel).arg(message))).mapEmpty();
  }

  /**
   * The one publishing connection, opened on first use and again after it was lost (at most every
   * {@link #MIN_BACKOFF_MS}: a message published meanwhile is lost, as pub/sub may lose messages).
   */
  private synchronized Future<RedisConnection> publisher() {
    if (closed) {
      return Future.failedFuture("pub/sub closed");
    }
    Future<RedisConnection> current = publisher;
    if (current != null && !current.failed()) {
      return current;
    }
    long now = System.currentTimeMillis();
    if (current != null && now < reconnectPublisherAfter) {
      return current;
    }
    reconnectPublisherAfter = now + MIN_BACKOFF_MS;
    Future<RedisConnection> connecting = publisherClient.connect();
    publisher = connecting;
    connecting.onSuccess(conn -> {
      conn.exceptionHandler(e -> publisherLost(connecting));
      conn.endHandler(v -> publisherLost(connecting));
    });
    return connecting;
  }

  private synchronized void publisherLost(Future<RedisConnection> lost) {
    if (publisher == lost) {
      publisher = null;
    }
    lost.onSuccess(RedisConnection::close);
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
    Future<RedisConnection> publishing;
    synchronized (this) {
      publishing = publisher;
      publisher = null;
    }
    if (publishing != null) {
      publishing.onSuccess(RedisConnection::close);
    }
    publisherClient.close();
    return Future.succeededFuture();
  }
}
