package org.crossboard.translation;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.util.Locale;
import java.util.Set;
import org.crossboard.config.TranslationConfig;

/**
 * A {@link Translator} over a self-hosted LibreTranslate-compatible service: {@code POST
 * {url}/translate} with {@code {q, source, target, format: "text", api_key?}}, answered
 * {@code {translatedText, detectedLanguage?: {language, confidence}}} or, on a refusal, a non-2xx
 * status with {@code {error}}. The core HTTP client (vertx-web-client is not among the build's
 * dependencies); a request not answered within the timeout fails and is reset.
 *
 * <p>Tags are sent as LibreTranslate names languages: the language subtag ({@code fr-CA} → {@code fr}),
 * except the variants it tells apart ({@code zh-Hans}, {@code zh-Hant}, {@code pt-BR}).
 */
public final class LibreTranslateTranslator implements Translator {
  /** How long one translation may take, connection included. */
  public static final long DEFAULT_TIMEOUT_MS = 10_000;
  private static final Set<String> VARIANTS = Set.of("zh-Hans", "zh-Hant", "pt-BR");
  private static final int MAX_ERROR_CHARS = 200;

  private final Vertx vertx;
  private final HttpClientAgent http;
  private final String endpoint;
  private final String apiKey;
  private final String engine;
  private final long timeoutMs;

  public LibreTranslateTranslator(Vertx vertx, TranslationConfig config) {
    this(vertx, config, DEFAULT_TIMEOUT_MS);
  }

  public LibreTranslateTranslator(Vertx vertx, TranslationConfig config, long timeoutMs) {
    this.vertx = vertx;
    this.http = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout((int) timeoutMs),
        new PoolOptions().setHttp1MaxSize(8));
    String base = config.url().strip();
    this.endpoint = (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/translate";
    this.apiKey = config.apiKey() == null || config.apiKey().isBlank() ? null : config.apiKey();
    this.engine = config.engineName();
    this.timeoutMs = timeoutMs;
  }

  @Override
  public String engine() {
    return engine;
  }

  @Override
  public Future<Translation> translate(String text, String source, String target) {
    JsonObject body = new JsonObject().put("q", text).put("source", code(source)).put("target", code(target))
        .put("format", "text");
    if (apiKey != null) {
      body.put("api_key", apiKey);
    }
    Promise<Translation> result = Promise.promise();
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(endpoint)
        .putHeader("Content-Type", "application/json").putHeader("Accept", "application/json")
        .setIdleTimeout(timeoutMs);
    long timer = vertx.setTimer(timeoutMs, t -> result.tryFail(new TranslatorException(
        engine + " did not answer within " + timeoutMs + " ms")));
    http.request(options).compose(request -> {
      result.future().onFailure(e -> request.reset()); // gave up waiting: free the connection
      return request.send(Buffer.buffer(body.encode()));
    }).compose(response -> response.body().map(answer -> parse(response.statusCode(), answer)))
        .onComplete(r -> {
          vertx.cancelTimer(timer);
          if (r.succeeded()) {
            result.tryComplete(r.result());
          } else {
            Throwable e = r.cause();
            result.tryFail(e instanceof TranslatorException ? e
                : new TranslatorException(engine + " could not be reached: " + e.getMessage(), e));
          }
        });
    return result.future();
  }

  private Translation parse(int status, Buffer answer) {
    JsonObject json;
    try {
      json = answer.toJsonObject();
    } catch (RuntimeException e) {
      throw new TranslatorException(engine + " answered " + status + " with a body that is not a JSON object");
    }
    if (status / 100 != 2) {
      String error = json.getValue("error") instanceof String s ? s : "no reason given";
      throw new TranslatorException(engine + " refused (" + status + "): "
          + (error.length() > MAX_ERROR_CHARS ? error.substring(0, MAX_ERROR_CHARS) + "…" : error));
    }
    if (!(json.getValue("translatedText") instanceof String translated)) {
      throw new TranslatorException(engine + " answered without translatedText");
    }
    String detected = null;
    Double confidence = null;
    if (json.getValue("detectedLanguage") instanceof JsonObject d && d.getValue("language") instanceof String lang) {
      detected = lang;
      confidence = d.getValue("confidence") instanceof Number n ? n.doubleValue() : null;
    }
    return new Translation(translated, detected, confidence);
  }

  /** The language as LibreTranslate names it. */
  static String code(String tag) {
    if (AUTO.equals(tag) || VARIANTS.contains(tag)) {
      return tag;
    }
    String language = Locale.forLanguageTag(tag).getLanguage();
    return language.isEmpty() ? tag : language;
  }
}
