package org.crossboard.testing;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A SockJS session driven by hand over the XHR polling transport, the fallback a browser uses
 * behind a proxy that blocks WebSockets. Frames reach the client only when it polls.
 */
public final class SockJsXhrClient {
  private final String base;
  private final Supplier<Rest> http;

  private SockJsXhrClient(String base, Supplier<Rest> http) {
    this.base = base;
    this.http = http;
  }

  /** Opens a session (the first poll answers {@code o}), each request on a connection of its own. */
  public static SockJsXhrClient open(String baseUrl) {
    return open(baseUrl, Rest::unpooled);
  }

  /**
   * Opens a session through one HTTP client that keeps connections alive and reuses them, as
   * browsers, proxies and most HTTP libraries do.
   */
  public static SockJsXhrClient openKeepAlive(String baseUrl) {
    Rest shared = Rest.unpooled();
    return open(baseUrl, () -> shared);
  }

  private static SockJsXhrClient open(String baseUrl, Supplier<Rest> http) {
    SockJsXhrClient c = new SockJsXhrClient(baseUrl + "/sockjs/000/s" + System.nanoTime(), http);
    String opened = http.get().send("POST", c.base + "/xhr", null).body();
    if (!opened.startsWith("o")) {
      throw new AssertionError("SockJS session did not open: " + opened);
    }
    return c;
  }

  /** One poll: the protocol frames it carried; a SockJS close frame yields a {@code sockjs-close} entry. */
  public List<JsonObject> poll() {
    HttpResponse<String> r = http.get().send("POST", base + "/xhr", null);
    List<JsonObject> out = new ArrayList<>();
    for (String line : r.body().split("\n")) {
      if (line.startsWith("a")) {
        new JsonArray(line.substring(1)).forEach(s -> out.add(new JsonObject((String) s)));
      } else if (line.startsWith("c")) {
        out.add(new JsonObject().put("t", "sockjs-close").put("frame", line));
      }
    }
    return out;
  }

  /** Sends one protocol frame; returns the HTTP status (204 sent, 404 session gone). */
  public int send(JsonObject message) {
    return http.get().send("POST", base + "/xhr_send", new JsonArray().add(message.encode()).encode()).statusCode();
  }

  /** Polls until a frame of {@code type} arrives. */
  public JsonObject await(String type) {
    return await(type, m -> true);
  }

  /** The next frame of {@code type} that matches {@code p} (others are dropped). */
  public JsonObject await(String type, java.util.function.Predicate<JsonObject> p) {
    for (int i = 0; i < 20; i++) {
      for (JsonObject m : poll()) {
        if (type.equals(m.getString("t")) && p.test(m)) {
          return m;
        }
      }
    }
    throw new AssertionError("no matching " + type + " over SockJS");
  }
}
