package org.crossboard.translation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.ServerSocket;
import java.util.concurrent.TimeUnit;
import org.crossboard.config.TranslationConfig;
import org.crossboard.testing.FakeLibreTranslate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The LibreTranslate adapter against a real HTTP server in this JVM that speaks that API. */
class LibreTranslateTranslatorTest {
  static Vertx vertx;
  static FakeLibreTranslate service;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    service = FakeLibreTranslate.start().slowMs(2_000);
  }

  @AfterAll
  static void stop() throws Exception {
    service.close();
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  static LibreTranslateTranslator translator(String url, String key, long timeoutMs) {
    return new LibreTranslateTranslator(vertx, new TranslationConfig(url, key, "LibreTranslate"), timeoutMs);
  }

  static <T> T await(Future<T> f) throws Exception {
    return f.await(20, TimeUnit.SECONDS);
  }

  static Throwable failure(Future<?> f) {
    try {
      f.await(20, TimeUnit.SECONDS);
    } catch (Exception e) {
      return e;
    }
    throw new AssertionError("expected a failure");
  }

  @Test
  @DisplayName("[N3] POST /translate {q, source, target, format: text} → translatedText; the engine names itself")
  void translates() throws Exception {
    LibreTranslateTranslator t = translator(service.url() + "/", null, 5_000);
    Translation fr = await(t.translate("Olá mundo", "pt", "fr"));
    assertEquals("Bonjour le monde", fr.text());
    assertNull(fr.detectedLanguage());
    JsonObject sent = service.requests().get(service.requests().size() - 1);
    assertEquals(new JsonObject().put("q", "Olá mundo").put("source", "pt").put("target", "fr").put("format", "text"),
        sent, "no api_key without one configured");
    assertEquals("LibreTranslate", t.engine());
  }

  @Test
  @DisplayName("[N3] source auto: the detected language and its confidence come back")
  void detects() throws Exception {
    Translation fr = await(translator(service.url(), null, 5_000).translate("Plano de ação", Translator.AUTO, "fr"));
    assertEquals("Plan d'action", fr.text());
    assertEquals("pt", fr.detectedLanguage());
    assertEquals(92.0, fr.confidence());
  }

  @Test
  @DisplayName("[N1] tags go as LibreTranslate names languages: fr-CA → fr, pt-BR and zh-Hant kept")
  void languageCodes() throws Exception {
    assertEquals("fr", LibreTranslateTranslator.code("fr-CA"));
    assertEquals("pt-BR", LibreTranslateTranslator.code("pt-BR"));
    assertEquals("zh-Hant", LibreTranslateTranslator.code("zh-Hant"));
    assertEquals("auto", LibreTranslateTranslator.code("auto"));
    assertEquals("Bonjour le monde", await(translator(service.url(), null, 5_000).translate("Olá mundo", "pt", "fr-CA")).text());
  }

  @Test
  @DisplayName("a refusal (400 {error}) fails with the service's reason")
  void refusal() {
    Throwable e = failure(translator(service.url(), null, 5_000).translate("Olá mundo", "pt", "xx"));
    assertInstanceOf(TranslatorException.class, e);
    assertTrue(e.getMessage().contains("400") && e.getMessage().contains("xx is not supported"), e.getMessage());
  }

  @Test
  @DisplayName("the API key is sent as api_key, and never appears in a failure")
  void apiKey() throws Exception {
    try (FakeLibreTranslate guarded = FakeLibreTranslate.requiringKey("s3cret-key")) {
      assertEquals("Bonjour le monde",
          await(translator(guarded.url(), "s3cret-key", 5_000).translate("Olá mundo", "pt", "fr")).text());
      assertEquals("s3cret-key", guarded.requests().get(0).getString("api_key"));
      Throwable e = failure(translator(guarded.url(), "wrong-key", 5_000).translate("Olá mundo", "pt", "fr"));
      assertTrue(e.getMessage().contains("403") && e.getMessage().contains("Invalid API key"), e.getMessage());
      assertFalse(e.getMessage().contains("wrong-key"), e.getMessage());
    }
  }

  @Test
  @DisplayName("an answer slower than the timeout fails soon after the timeout")
  void timeout() {
    long start = System.nanoTime();
    Throwable e = failure(translator(service.url(), null, 300).translate("SLOW Olá mundo", "pt", "fr"));
    long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertInstanceOf(TranslatorException.class, e);
    assertTrue(e.getMessage().contains("did not answer within 300 ms"), e.getMessage());
    assertTrue(ms < 1_500, "failed after " + ms + " ms");
  }

  @Test
  @DisplayName("no service listening: a clear failure, not a hang")
  void unreachable() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Throwable e = failure(translator("http://127.0.0.1:" + port, null, 2_000).translate("Olá mundo", "pt", "fr"));
    assertInstanceOf(TranslatorException.class, e);
    assertTrue(e.getMessage().contains("could not be reached"), e.getMessage());
  }

  @Test
  @DisplayName("an answer that is not LibreTranslate's shape fails clearly")
  void notTheApi() throws Exception {
    Throwable e = failure(translator(service.url() + "/elsewhere", null, 2_000).translate("Olá mundo", "pt", "fr"));
    assertTrue(e.getMessage().contains("404"), e.getMessage());
  }
}
