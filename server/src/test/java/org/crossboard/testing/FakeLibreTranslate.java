package org.crossboard.testing;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server in the test JVM that speaks LibreTranslate's {@code POST /translate}: a small
 * Portuguese → French dictionary (anything else comes back as {@code "[fr] " + q}), language
 * detection for {@code source: "auto"}, refusals as LibreTranslate words them ({@code 400 {error}}
 * for an unsupported language or empty text, {@code 403} for a wrong key when one is required), and
 * texts starting {@code "SLOW"} answered after {@link #slowMs}. It counts and keeps every request.
 */
public final class FakeLibreTranslate implements AutoCloseable {
  public static final Map<String, String> PT_FR = Map.of(
      "Olá mundo", "Bonjour le monde",
      "Dados abertos primeiro", "Les données ouvertes d'abord",
      "Dados abertos sempre", "Les données ouvertes toujours",
      "Plano de ação", "Plan d'action",
      "Porquê este orçamento?", "Pourquoi ce budget ?");
  private static final List<String> LANGUAGES = List.of("en", "fr", "pt", "de", "es");

  private final Vertx vertx = Vertx.vertx();
  private final HttpServer server;
  private final String requiredKey;
  private final AtomicInteger hits = new AtomicInteger();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();
  private final List<JsonObject> requests = new CopyOnWriteArrayList<>();
  private volatile long slowMs = 3_000;
  private volatile long delayMs;

  private FakeLibreTranslate(String requiredKey) {
    this.requiredKey = requiredKey;
    try {
      server = vertx.createHttpServer().requestHandler(this::handle).listen(0, "127.0.0.1")
          .await(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public static FakeLibreTranslate start() {
    return new FakeLibreTranslate(null);
  }

  /** A service that refuses requests without {@code api_key} = {@code key}. */
  public static FakeLibreTranslate requiringKey(String key) {
    return new FakeLibreTranslate(key);
  }

  public String url() {
    return "http://127.0.0.1:" + server.actualPort();
  }

  /** How many {@code /translate} requests arrived. */
  public int hits() {
    return hits.get();
  }

  /** The most requests that were being answered at once. */
  public int maxInFlight() {
    return maxInFlight.get();
  }

  public List<JsonObject> requests() {
    return List.copyOf(requests);
  }

  /** How long a {@code "SLOW…"} text takes. */
  public FakeLibreTranslate slowMs(long ms) {
    slowMs = ms;
    return this;
  }

  /** How long every other text takes (0: at once). */
  public FakeLibreTranslate delayMs(long ms) {
    delayMs = ms;
    return this;
  }

  private void handle(HttpServerRequest request) {
    if (request.method() != io.vertx.core.http.HttpMethod.POST || !request.path().equals("/translate")) {
      request.response().setStatusCode(404).end(new JsonObject().put("error", "Not Found").encode());
      return;
    }
    request.body().onSuccess(buffer -> {
      JsonObject body = buffer.toJsonObject();
      requests.add(body);
      hits.incrementAndGet();
      maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      String q = body.getString("q", "");
      long delay = q.startsWith("SLOW") ? slowMs : delayMs;
      if (delay > 0) {
        vertx.setTimer(delay, t -> answer(request, body));
      } else {
        answer(request, body);
      }
    });
  }

  private void answer(HttpServerRequest request, JsonObject body) {
    inFlight.decrementAndGet();
    String q = body.getString("q", "");
    String source = body.getString("source");
    String target = body.getString("target");
    if (requiredKey != null && !requiredKey.equals(body.getString("api_key"))) {
      error(request, 403, "Invalid API key");
    } else if (q.isEmpty()) {
      error(request, 400, "Invalid request: missing q parameter");
    } else if (!LANGUAGES.contains(target)) {
      error(request, 400, target + " is not supported");
    } else if (!"auto".equals(source) && !LANGUAGES.contains(source)) {
      error(request, 400, source + " is not supported");
    } else {
      boolean portuguese = PT_FR.containsKey(q);
      String translated = portuguese && "fr".equals(target) ? PT_FR.get(q) : "[" + target + "] " + q;
      JsonObject answer = new JsonObject().put("translatedText", translated);
      if ("auto".equals(source)) {
        answer.put("detectedLanguage", new JsonObject().put("language", portuguese ? "pt" : "en")
            .put("confidence", portuguese ? 92.0 : 40.0));
      }
      request.response().putHeader("Content-Type", "application/json").end(answer.encode());
    }
  }

  private static void error(HttpServerRequest request, int status, String message) {
    request.response().setStatusCode(status).putHeader("Content-Type", "application/json")
        .end(new JsonObject().put("error", message).encode());
  }

  @Override
  public void close() {
    try {
      vertx.close().await(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
