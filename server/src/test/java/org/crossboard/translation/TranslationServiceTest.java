package org.crossboard.translation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.crossboard.config.TranslationConfig;
import org.crossboard.store.StoredTranslation;
import org.crossboard.store.memory.InMemoryTranslationStore;
import org.crossboard.testing.FakeLibreTranslate;
import org.crossboard.translation.TranslationService.Shown;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The service over the real adapter and a LibreTranslate-speaking HTTP server in this JVM. */
class TranslationServiceTest {
  static final JsonObject ANA = new JsonObject().put("id", "u_ana").put("name", "Ana");
  Vertx vertx;
  FakeLibreTranslate service;
  InMemoryTranslationStore store;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    service = FakeLibreTranslate.start();
    store = new InMemoryTranslationStore();
  }

  @AfterEach
  void stop() throws Exception {
    service.close();
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  TranslationService translations(int maxConcurrent, long waitMs) {
    return new TranslationService(vertx, store, new LibreTranslateTranslator(vertx,
        new TranslationConfig(service.url(), null, "LibreTranslate"), 5_000), maxConcurrent, waitMs);
  }

  static <T> T await(Future<T> f) throws Exception {
    return f.await(20, TimeUnit.SECONDS);
  }

  static SourceText note(String id, String text, String lang) {
    return new SourceText(id, "text", text, lang);
  }

  @Test
  @DisplayName("[N3] a machine translation is labelled with its engine and the language it came from, and stored")
  void machine() throws Exception {
    TranslationService t = translations(4, 5_000);
    List<Shown> shown = await(t.translations("b1", "fr", List.of(note("n1", "Olá mundo", "pt"),
        note("n2", "Plano de ação", null))));
    assertEquals(2, shown.size());
    assertEquals(new Shown("n1", "text", "fr", "Bonjour le monde", "machine", "LibreTranslate", "pt", null, false, false),
        shown.get(0));
    assertEquals("pt", shown.get(1).from(), "detected");
    assertEquals("LibreTranslate", t.engine());
    List<StoredTranslation> stored = await(store.forBoard("b1", "fr"));
    assertEquals(2, stored.size());
    assertTrue(stored.stream().allMatch(s -> s.basedOn().equals(TextVersion.of(s.record().equals("n1") ? "Olá mundo"
        : "Plano de ação"))));
  }

  @Test
  @DisplayName("[N3] a human translation wins over the machine one, and a machine one never replaces it")
  void humanWins() throws Exception {
    TranslationService t = translations(4, 5_000);
    SourceText n1 = note("n1", "Olá mundo", "pt");
    assertEquals("machine", await(t.translations("b1", "fr", List.of(n1))).get(0).source());
    await(t.putHuman("b1", n1, "fr", "Salut tout le monde", ANA));
    List<Shown> shown = await(t.translations("b1", "fr", List.of(n1)));
    assertEquals(List.of(new Shown("n1", "text", "fr", "Salut tout le monde", "human", null, null, ANA, false, false)),
        shown);
    assertFalse(await(store.putMachine(new StoredTranslation("b1", "n1", "text", "fr", "Bonjour", "machine",
        "LibreTranslate", "pt", null, n1.version(), 1))), "no machine translation over a human one of that version");
  }

  @Test
  @DisplayName("[N5] each text version is sent once: repeated reads, two records with one text, concurrent readers")
  void oncePerVersion() throws Exception {
    TranslationService t = translations(4, 5_000);
    service.delayMs(200);
    List<SourceText> texts = List.of(note("n1", "Dados abertos primeiro", "pt"), note("n2", "Dados abertos primeiro", "pt"));
    Future<List<Shown>> first = t.translations("b1", "fr", texts);
    Future<List<Shown>> second = t.translations("b1", "fr", texts);
    assertEquals(2, await(first).size());
    assertEquals(await(first), await(second));
    await(t.translations("b1", "fr", texts));
    await(t.translations("b2", "fr", List.of(note("n9", "Dados abertos primeiro", "pt"))));
    assertEquals(1, service.hits());
    await(t.translations("b1", "de", texts));
    assertEquals(2, service.hits(), "another language is another request");
  }

  @Test
  @DisplayName("[N4] when the original changes, the human translation is kept but marked stale, and a machine one of the new text is asked for")
  void stale() throws Exception {
    TranslationService t = translations(4, 5_000);
    await(t.putHuman("b1", note("n1", "Dados abertos primeiro", "pt"), "fr", "D'abord les données ouvertes", ANA));
    assertEquals(0, service.hits());
    List<Shown> shown = await(t.translations("b1", "fr", List.of(note("n1", "Dados abertos sempre", "pt"))));
    assertEquals(2, shown.size(), shown.toString());
    assertEquals("D'abord les données ouvertes", shown.get(0).text());
    assertTrue(shown.get(0).stale());
    assertEquals("Les données ouvertes toujours", shown.get(1).text());
    assertFalse(shown.get(1).stale());
    assertEquals(1, service.hits());
    // the original changed back: the human translation is current again
    shown = await(t.translations("b1", "fr", List.of(note("n1", "Dados abertos primeiro", "pt"))));
    assertEquals(1, shown.size());
    assertEquals("human", shown.get(0).source());
    assertFalse(shown.get(0).stale());
  }

  @Test
  @DisplayName("[N5] a reader waits only so long: what is not ready is pending, and the next read has it")
  void pending() throws Exception {
    service.slowMs(800);
    TranslationService t = translations(4, 150);
    List<SourceText> texts = List.of(note("n1", "SLOW Olá", "pt"), note("n2", "Olá mundo", "pt"));
    List<Shown> shown = await(t.translations("b1", "fr", texts));
    assertTrue(shown.get(0).pending(), shown.toString());
    assertNull(shown.get(0).text());
    assertEquals(true, shown.get(0).toJson().getBoolean("pending"));
    assertEquals("Bonjour le monde", shown.get(1).text());
    long deadline = System.currentTimeMillis() + 5_000;
    while (await(store.forBoard("b1", "fr")).size() < 2 && System.currentTimeMillis() < deadline) {
      Thread.sleep(50);
    }
    shown = await(t.translations("b1", "fr", texts));
    assertEquals("[fr] SLOW Olá", shown.get(0).text());
    assertFalse(shown.get(0).pending());
    assertEquals(2, service.hits());
  }

  @Test
  @DisplayName("[N5] at most maxConcurrent requests at a time")
  void concurrency() throws Exception {
    service.delayMs(100);
    TranslationService t = translations(2, 10_000);
    List<SourceText> texts = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      texts.add(note("n" + i, "text number " + i, "en"));
    }
    assertEquals(8, await(t.translations("b1", "fr", texts)).size());
    assertEquals(8, service.hits());
    assertEquals(2, service.maxInFlight());
  }

  @Test
  @DisplayName("[N3] without an engine only human translations are shown; texts already in the reader's language are left out")
  void noEngine() throws Exception {
    TranslationService t = new TranslationService(vertx, store, null);
    assertNull(t.engine());
    SourceText n1 = note("n1", "Olá mundo", "pt");
    assertEquals(List.of(), await(t.translations("b1", "fr", List.of(n1, note("n2", "Bonjour", "fr")))));
    await(t.putHuman("b1", n1, "fr", "Salut", ANA));
    assertEquals(1, await(t.translations("b1", "fr", List.of(n1, note("n2", "Bonjour", "fr")))).size());
    assertEquals(0, service.hits());
  }

  @Test
  @DisplayName("an engine that refuses gives no entry, and the text is not asked again at once")
  void failures() throws Exception {
    TranslationService t = translations(4, 5_000);
    assertEquals(List.of(), await(t.translations("b1", "xx", List.of(note("n1", "Olá mundo", "pt")))));
    assertEquals(List.of(), await(t.translations("b1", "xx", List.of(note("n1", "Olá mundo", "pt")))));
    assertEquals(1, service.hits());
  }
}
