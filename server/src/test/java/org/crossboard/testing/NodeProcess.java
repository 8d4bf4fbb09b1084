package org.crossboard.testing;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Crossboard node as its own operating-system process, started from the built jar
 * ({@code java -jar server/target/crossboard.jar}), stopped with SIGTERM (graceful) or SIGKILL,
 * and started again on the same port and settings. For process-level tests (run by failsafe,
 * after the jar is packaged).
 */
public final class NodeProcess implements AutoCloseable {
  private final String nodeId;
  private final int port;
  private final Map<String, String> env;
  private final Path log;
  private Process process;

  private NodeProcess(String nodeId, int port, Map<String, String> env, Path log) {
    this.nodeId = nodeId;
    this.port = port;
    this.env = env;
    this.log = log;
  }

  /** Starts a node with {@code env} (MONGO_URL, REDIS_URL, JWT_SECRET, …) on a free port; waits until ready. */
  public static NodeProcess start(String nodeId, Map<String, String> env) throws IOException {
    Path dir = Files.createTempDirectory("crossboard-" + nodeId);
    Map<String, String> all = new HashMap<>(env);
    all.put("NODE_ID", nodeId);
    all.put("HOST", "127.0.0.1");
    all.put("PORT", Integer.toString(freePort()));
    all.put("DATA_DIR", dir.toString());
    all.putIfAbsent("SIGNUPS_PER_ADDRESS_PER_HOUR", "10000");
    all.put("CONFIG_FILE", dir.resolve("none.json").toString());
    NodeProcess node = new NodeProcess(nodeId, Integer.parseInt(all.get("PORT")), all, dir.resolve("node.log"));
    node.launch();
    return node;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private void launch() throws IOException {
    String jar = System.getProperty("crossboard.jar", "target/crossboard.jar");
    if (!Files.exists(Path.of(jar))) {
      throw new IllegalStateException("no server jar at " + jar + ": process tests run after `mvn package`");
    }
    String java = ProcessHandle.current().info().command().orElse("java");
    ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-jar", jar)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().putAll(env);
    process = builder.start();
    awaitReady();
  }

  private void awaitReady() {
    long deadline = System.currentTimeMillis() + 60_000;
    while (System.currentTimeMillis() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(nodeId + " exited at start; see " + log);
      }
      try {
        HttpResponse<String> r = Rest.call("GET", baseUrl() + "/api/health/ready", null);
        if (r.statusCode() == 200 && "ready".equals(new JsonObject(r.body()).getString("status"))) {
          return;
        }
      } catch (RuntimeException notYet) {
        // not listening yet
      }
      sleep(100);
    }
    throw new IllegalStateException(nodeId + " not ready within 60 s; see " + log);
  }

  public int port() {
    return port;
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  public String nodeId() {
    return nodeId;
  }

  /** SIGTERM: a graceful shutdown, as an orchestrator does it; waits for the exit. */
  public int terminate() {
    process.destroy();
    return awaitExit();
  }

  /** SIGKILL ({@code kill -9}): no shutdown at all. */
  public int kill() {
    process.destroyForcibly();
    return awaitExit();
  }

  private int awaitExit() {
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        throw new IllegalStateException(nodeId + " did not exit within 30 s");
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Starts the node again, same port and settings; waits until ready. */
  public void restart() throws IOException {
    launch();
  }

  /** Where the node writes its log (all its runs, appended). */
  public Path log() {
    return log;
  }

  @Override
  public void close() {
    if (process != null && process.isAlive()) {
      kill();
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
