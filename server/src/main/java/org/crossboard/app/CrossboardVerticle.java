package org.crossboard.app;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.sockjs.SockJSHandler;
import io.vertx.ext.web.handler.sockjs.SockJSHandlerOptions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.crossboard.access.Authenticator;
import org.crossboard.comment.CommentFeature;
import org.crossboard.config.CrossboardConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.crossboard.http.ApiFallback;
import org.crossboard.http.HealthApi;
import org.crossboard.http.MetricsRoutes;
import org.crossboard.http.OpenApiDocument;
import org.crossboard.http.WebClientRoutes;
import org.crossboard.lifecycle.BoardEvents;
import org.crossboard.lifecycle.BoardLifecycle;
import org.crossboard.lifecycle.BoardService;
import org.crossboard.lifecycle.BoardTitleFeature;
import org.crossboard.presence.PresenceFeature;
import org.crossboard.presence.PresenceSettings;
import org.crossboard.protocol.Limits;
import org.crossboard.pubsub.PubSub;
import org.crossboard.pubsub.local.LocalPubSub;
import org.crossboard.pubsub.redis.RedisPubSub;
import io.vertx.redis.client.Redis;
import org.crossboard.replication.ReplicationFeature;
import org.crossboard.replication.ReplicationSettings;
import org.crossboard.replication.redis.RedisLeaseStore;
import org.crossboard.room.RoomFeature;
import org.crossboard.room.RoomFeatures;
import org.crossboard.room.RoomMetrics;
import org.crossboard.room.RoomRegistry;
import org.crossboard.session.SessionFeature;
import org.crossboard.thread.DigestMailer;
import org.crossboard.thread.Inboxes;
import org.crossboard.thread.ReadableNotifications;
import org.crossboard.thread.ThreadFeature;
import org.crossboard.translation.LibreTranslateTranslator;
import org.crossboard.translation.TranslationService;
import org.crossboard.translation.Translator;
import org.crossboard.room.RoomSettings;
import org.crossboard.transport.Connection;
import org.crossboard.transport.ConnectionSupervisor;
import org.crossboard.transport.SockJsClientSocket;
import org.crossboard.transport.WebSocketClientSocket;

/**
 * One server node — the composition root: storage, pub/sub, the room features, board rooms,
 * WebSocket + SockJS endpoints, REST and the web client. Rooms and connections are confined to
 * this verticle's event loop.
 */
public final class CrossboardVerticle extends VerticleBase {
  /** SockJS transports whose responses end by closing the connection. */
  private static final java.util.regex.Pattern SOCKJS_CLOSING_TRANSPORTS =
      java.util.regex.Pattern.compile("/(xhr|xhr_streaming|jsonp|eventsource|htmlfile)$");

  private final CrossboardConfig config;
  private final PrometheusMeterRegistry meters;
  private StoreFactory.Opened stores;
  private PubSub pubsub;
  private Inboxes inboxes;
  private RoomRegistry rooms;
  private ConnectionSupervisor supervisor;
  private HttpServer server;
  private volatile boolean draining;
  private Router router;
  private ReplicationFeature replication;

  /**
   * @param meters the node's meter registry (Vert.x's own meters are on it already); served at {@code /metrics}
   */
  public CrossboardVerticle(CrossboardConfig config, PrometheusMeterRegistry meters) {
    this.config = config;
    this.meters = meters;
  }

  /** The port actually bound (useful when configured as 0). */
  public int port() {
    return server.actualPort();
  }

  /** The routes this node serves, in the order they match (tests compare them with docs). */
  public List<Route> routes() {
    return List.copyOf(router.getRoutes());
  }

  @Override
  public Future<?> start() {
    return StoreFactory.open(vertx, config).compose(opened -> {
      stores = opened;
      return config.redisUrl() == null
          ? Future.<PubSub>succeededFuture(new LocalPubSub(vertx))
          : RedisPubSub.start(vertx, config.redisUrl()).<PubSub>map(r -> r);
    }).compose(ps -> {
      pubsub = ps;
      supervisor = new ConnectionSupervisor(vertx, config.handshakeTimeoutMs(), config.idleTimeoutMs(),
          config.access().maxConnectionsPerUser());
      supervisor.start();
      return vertx.executeBlocking(() -> SecretKey.load(config));
    }).compose(secret -> {
      AccessModule access = new AccessModule(vertx, stores.stores(), pubsub, secret, config.access());
      inboxes = new Inboxes(pubsub, stores.stores().notifications());
      if (config.digest().enabled()) {
        new DigestMailer(vertx, config.digest(), stores.stores().notifications(), stores.stores().accounts(),
            access.access(), new ReadableNotifications(stores.stores().boards(), stores.stores().threads())).start();
      }
      RoomFeatures features = RoomFeatures.of(features(access));
      RoomSettings defaults = RoomSettings.DEFAULTS;
      rooms = new RoomRegistry(stores.stores(), new RoomSettings(config.snapshotEvery(), config.roomIdleCloseMs(),
          defaults.resumeOps(), defaults.maxBacklog()), vertx, pubsub, config.nodeId(), clustered(), features,
          new RoomMetrics(meters));
      NodeMeters.bind(meters, rooms, supervisor, pubsub);
      BoardEvents boardEvents = new BoardEvents(pubsub);
      pubsub.reconnectHandler(v -> supervisor.recheckAll()); // events lost during an outage
      return access.events().subscribe(supervisor::onAccessEvent)
          .compose(sub -> new BoardLifecycle(boardEvents, rooms, stores.stores().boards()).start(pubsub))
          .compose(v -> replication == null ? Future.succeededFuture() : replication.start())
          .compose(v -> OpenApiDocument.load(vertx))
          .compose(openApi -> listen(router(access, features, new BoardService(stores.stores(), boardEvents),
              openApi)));
    });
  }

  private boolean clustered() {
    return config.redisUrl() != null;
  }

  /** The features of every room, in the order their hooks run. */
  private List<RoomFeature> features(AccessModule access) {
    List<RoomFeature> features = new ArrayList<>();
    if (clustered()) { // first, so other nodes hear of new ops before anything else happens
      ReplicationSettings defaults = ReplicationSettings.DEFAULTS;
      replication = new ReplicationFeature(config.nodeId(), pubsub, stores.stores().ops(),
          new RedisLeaseStore(Redis.createClient(vertx, config.redisUrl())),
          new ReplicationSettings(config.leaseTtlMs(), defaults.catchUpCheckMs(), defaults.forwardRetryMs()), meters);
      features.add(replication);
    }
    features.add(new PresenceFeature(config.nodeId(), new PresenceSettings(config.presenceTickMs(),
        config.presenceTimeoutMs(), config.presenceThinAbove())));
    features.add(new CommentFeature());
    features.add(new BoardTitleFeature(stores.stores().boards(), access.audit()));
    features.add(new SessionFeature(new SessionFeature.Dependencies(stores.stores().liveSessions(),
        stores.stores().attendance(), access.audit(), new SecureRandom())));
    features.add(new ThreadFeature(new ThreadFeature.Dependencies(stores.stores().threads(),
        stores.stores().notifications(), stores.stores().boards(), access.boardRoles(), inboxes, new SecureRandom())));
    return features;
  }

  /** Translations of board texts; machine ones only with {@code TRANSLATE_URL} (SPEC.md N3). */
  private TranslationService translations() {
    Translator translator = config.translation().enabled()
        ? new LibreTranslateTranslator(vertx, config.translation()) : null;
    return new TranslationService(vertx, stores.stores().translations(), translator);
  }

  private Router router(AccessModule access, RoomFeatures features, BoardService boards, OpenApiDocument openApi) {
    Authenticator authenticator = access.authenticator();
    Router router = Router.router(vertx);
    this.router = router;
    router.route("/ws").handler(ctx -> ctx.request().toWebSocket().onSuccess(ws ->
        new Connection(new WebSocketClientSocket(ws, config.writeQueueMaxBytes()), rooms, features, authenticator,
            supervisor)));
    SockJSHandlerOptions sockJsOptions = new SockJSHandlerOptions().setRegisterWriteHandler(false);
    // no file uploads: a multipart POST would otherwise be written to disk and never deleted
    router.route("/sockjs/*").handler(BodyHandler.create(false).setBodyLimit(Limits.TRANSPORT_MAX_FRAME_BYTES));
    // SockJS closes the connection after each polling or streaming response; saying so lets
    // keep-alive clients (proxies, HTTP libraries) open a new one instead of reusing a dead one
    router.route("/sockjs/*").handler(ctx -> {
      if (SOCKJS_CLOSING_TRANSPORTS.matcher(ctx.normalizedPath()).find()) {
        ctx.response().putHeader("Connection", "close");
      }
      ctx.next();
    });
    router.route("/sockjs/*").subRouter(SockJSHandler.create(vertx, sockJsOptions).socketHandler(socket ->
        new Connection(new SockJsClientSocket(vertx, socket, config.writeQueueMaxBytes()), rooms, features,
            authenticator, supervisor)));
    access.mount(router, boards, inboxes, translations(), config.trustedProxyHops());
    new HealthApi(vertx, config.nodeId(), rooms, supervisor, pubsub, stores.stores().boards(), () -> draining,
        clustered()).mount(router);
    MetricsRoutes.mount(router, meters);
    openApi.mount(router);
    ApiFallback.mount(router); // after every /api route, before the web client's catch-all
    WebClientRoutes.mount(router, config.webrootDir());
    return router;
  }

  private Future<HttpServer> listen(Router router) {
    HttpServerOptions options = new HttpServerOptions()
        .setHost(config.host())
        .setPort(config.port())
        .setMaxWebSocketFrameSize(Limits.TRANSPORT_MAX_FRAME_BYTES)
        .setMaxWebSocketMessageSize(Limits.TRANSPORT_MAX_FRAME_BYTES);
    // permessage-deflate when the client offers it (every browser does): welcomes and batches are
    // JSON and shrink 4–10×. Costs server CPU per receiving socket and ~300 KB of zlib state per
    // WebSocket (docs/ARCHITECTURE.md "Transports"); WS_COMPRESSION_LEVEL=0 turns it off.
    options.setPerFrameWebSocketCompressionSupported(false)
        .setPerMessageWebSocketCompressionSupported(config.webSocketCompressionLevel() > 0);
    if (config.webSocketCompressionLevel() > 0) {
      options.setWebSocketCompressionLevel(config.webSocketCompressionLevel());
    }
    // HTTP responses (the web client's modules, REST, SockJS) gzipped when the client accepts it;
    // COMPRESSION_LEVEL=0 turns it off.
    if (config.compressionLevel() > 0) {
      options.setCompressionSupported(true).setCompressionLevel(config.compressionLevel());
    }
    return vertx.createHttpServer(options).requestHandler(router).listen().onSuccess(s -> server = s);
  }

  /**
   * Graceful shutdown (SIGTERM, {@code CrossboardServer.stop}): readiness fails at once so balancers
   * stop sending; no more joins; rooms close their sockets with 1012, let their last writes land
   * and release the leases of the boards this node sequences (announced, so other nodes take over
   * at once); then the HTTP server, pub/sub and storage close.
   */
  @Override
  public Future<?> stop() {
    draining = true;
    Future<Void> roomsClosed = rooms == null ? Future.succeededFuture() : rooms.shutdown();
    if (supervisor != null) {
      supervisor.stop();
    }
    return roomsClosed
        .eventually(() -> replication == null ? Future.succeededFuture() : replication.released())
        .eventually(() -> server == null ? Future.succeededFuture() : server.close())
        .eventually(() -> pubsub == null ? Future.succeededFuture() : pubsub.close())
        .eventually(() -> stores == null ? Future.succeededFuture() : stores.close());
  }
}
