package org.crossboard.testing;

import io.vertx.core.json.JsonObject;

import io.vertx.ext.web.Route;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.crossboard.app.CrossboardServer;
import org.crossboard.config.CrossboardConfig;

/**
 * Starts a real Crossboard node on a free port with the embedded MongoDB-compatible server on a
 * file in {@code dataDir}, and tears it down. {@link #restart()} keeps the port and the data.
 */
public final class TestServer implements AutoCloseable {
  private CrossboardConfig config;
  private CrossboardServer server;

  private TestServer(CrossboardConfig config) {
    this.config = config;
  }

  /** A node with production defaults except port 0 and the given data directory. */
  public static TestServer start(Path dataDir) {
    return start(dataDir, Map.of());
  }

  /** A node with extra environment-style settings (e.g. {@code IDLE_TIMEOUT_MS}). */
  public static TestServer start(Path dataDir, Map<String, String> env) {
    Map<String, String> all = new java.util.HashMap<>(env);
    all.put("DATA_DIR", dataDir.toString());
    all.putIfAbsent("PORT", "0");
    all.putIfAbsent("HOST", "127.0.0.1");
    all.putIfAbsent("ROOM_IDLE_CLOSE_MS", "200");
    // every test account signs up from 127.0.0.1; AccountApiTest checks the limit itself
    all.putIfAbsent("SIGNUPS_PER_ADDRESS_PER_HOUR", "10000");
    all.putIfAbsent("CONFIG_FILE", dataDir.resolve("none.json").toString());
    try {
      TestServer s = new TestServer(CrossboardConfig.load(all));
      s.boot();
      return s;
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private void boot() {
    try {
      server = CrossboardServer.start(config).await(60, TimeUnit.SECONDS);
      config = config.withPort(server.port());
    } catch (Exception e) {
      throw new IllegalStateException("server did not start", e);
    }
  }

  public int port() {
    return server.port();
  }

  /** The routes the node serves, in the order they match. */
  public List<Route> routes() {
    return server.routes();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + port();
  }

  /** What the node reports at {@code /api/metrics}. */
  public JsonObject metrics() {
    return new JsonObject(Rest.call("GET", baseUrl() + "/api/metrics", null).body());
  }

  /** One number of {@link #metrics()} (e.g. {@code opsWritten}, {@code connections}). */
  public long metric(String name) {
    return metrics().getLong(name);
  }

  /** Stops the node (graceful: snapshots written, sockets closed). */
  public void stop() {
    if (server != null) {
      try {
        server.stop().await(30, TimeUnit.SECONDS);
      } catch (Exception e) {
        throw new IllegalStateException("server did not stop", e);
      } finally {
        server = null;
      }
    }
  }

  /** Stops and starts again on the same port and data file. */
  public void restart() {
    stop();
    boot();
  }

  @Override
  public void close() {
    stop();
  }
}
