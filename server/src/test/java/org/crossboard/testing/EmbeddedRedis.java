package org.crossboard.testing;

import java.io.IOException;
import java.net.ServerSocket;
import redis.embedded.RedisServer;

/**
 * A real redis-server (from the embedded-redis jar) on a free loopback port, or the one named by
 * {@code REDIS_URL} when set. Can be stopped and started again on the same port.
 */
public final class EmbeddedRedis implements AutoCloseable {
  private final int port;
  private final String external;
  private RedisServer server;

  private EmbeddedRedis(int port, String external) {
    this.port = port;
    this.external = external;
  }

  public static EmbeddedRedis start() {
    String env = System.getenv("REDIS_URL");
    if (env != null && !env.isBlank()) {
      return new EmbeddedRedis(-1, env);
    }
    try (ServerSocket s = new ServerSocket(0)) {
      EmbeddedRedis redis = new EmbeddedRedis(s.getLocalPort(), null);
      s.close();
      redis.resume();
      return redis;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public String url() {
    return external != null ? external : "redis://127.0.0.1:" + port;
  }

  /** True when this instance can be stopped and restarted (not an external Redis). */
  public boolean controllable() {
    return external == null;
  }

  public void pause() {
    try {
      server.stop();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public void resume() {
    try {
      server = RedisServer.newRedisServer().port(port).bind("127.0.0.1")
          .setting("save \"\"").setting("appendonly no").build();
      server.start();
    } catch (IOException e) {
      throw new IllegalStateException("could not start redis-server", e);
    }
  }

  @Override
  public void close() {
    if (server != null && controllable()) {
      pause();
    }
  }
}
