package org.crossboard.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One real server per test class on a fresh data directory, started before the class and torn
 * down after it: {@code @RegisterExtension static ServerExtension server = new ServerExtension();}
 */
public final class ServerExtension implements BeforeAllCallback, AfterAllCallback {
  private final Map<String, String> env;
  private Path dataDir;
  private TestServer server;

  public ServerExtension() {
    this(Map.of());
  }

  /** With extra settings, e.g. {@code Map.of("IDLE_TIMEOUT_MS", "1500")}. */
  public ServerExtension(Map<String, String> env) {
    this.env = env;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    dataDir = Files.createTempDirectory("crossboard-test");
    server = TestServer.start(dataDir, env);
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    server.stop();
    try (Stream<Path> files = Files.walk(dataDir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  public TestServer server() {
    return server;
  }

  public int port() {
    return server.port();
  }

  public String baseUrl() {
    return server.baseUrl();
  }
}
