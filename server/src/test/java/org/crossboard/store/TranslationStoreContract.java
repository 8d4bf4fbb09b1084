package org.crossboard.store;

import static org.crossboard.store.Await.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What every {@link TranslationStore} adapter must do. */
abstract class TranslationStoreContract {
  static final JsonObject ANA = new JsonObject().put("id", "u_ana").put("name", "Ana Müller");
  TranslationStore store;

  abstract TranslationStore create();

  @BeforeEach
  void setUp() {
    store = create();
  }

  static StoredTranslation human(String board, String record, String lang, String text, String basedOn, long at) {
    return new StoredTranslation(board, record, "text", lang, text, StoredTranslation.HUMAN, null, null, ANA, basedOn, at);
  }

  static StoredTranslation machine(String board, String record, String lang, String text, String basedOn, long at) {
    return new StoredTranslation(board, record, "text", lang, text, StoredTranslation.MACHINE, "LibreTranslate", "pt",
        null, basedOn, at);
  }

  List<StoredTranslation> of(String board, String lang) {
    return await(store.forBoard(board, lang)).stream().sorted(Comparator.comparing(StoredTranslation::id)).toList();
  }

  @Test
  @DisplayName("[N2] put then read back equal, per board and language: who wrote it, the engine, the version, the time")
  void roundTrip() {
    StoredTranslation h = human("b1", "n1", "fr", "Salut « tout » le monde ✓\nligne 2", "v1", 1_764_400_000_000L);
    StoredTranslation m = machine("b1", "n2", "fr", "Bonjour", "v2", 7);
    StoredTranslation title = new StoredTranslation("b1", "f1", "title", "fr", "Idées", StoredTranslation.MACHINE,
        "LibreTranslate", null, null, "v3", 8);
    await(store.putHuman(h));
    assertTrue(await(store.putMachine(m)));
    assertTrue(await(store.putMachine(title)));
    await(store.putHuman(human("b1", "n1", "de", "Hallo", "v1", 9)));
    await(store.putHuman(human("b2", "n1", "fr", "Autre tableau", "v1", 9)));
    assertEquals(List.of(title, h, m).stream().sorted(Comparator.comparing(StoredTranslation::id)).toList(),
        of("b1", "fr"));
    assertEquals(ANA, of("b1", "fr").stream().filter(StoredTranslation::human).findFirst().orElseThrow().by());
    assertEquals(List.of(), of("b1", "es"));
    assertEquals(List.of(), of("b9", "fr"));
  }

  @Test
  @DisplayName("[N2] one human and one machine translation per record, prop and language: a put replaces its own kind only")
  void replaces() {
    await(store.putHuman(human("b1", "n1", "fr", "premier", "v1", 1)));
    assertTrue(await(store.putMachine(machine("b1", "n1", "fr", "machine v2", "v2", 2))));
    await(store.putHuman(human("b1", "n1", "fr", "corrigé", "v2", 3)));
    assertTrue(await(store.putMachine(machine("b1", "n1", "fr", "machine v3", "v3", 4))));
    List<StoredTranslation> all = of("b1", "fr");
    assertEquals(2, all.size(), all.toString());
    assertEquals(Set.of("corrigé", "machine v3"), all.stream().map(StoredTranslation::text).collect(Collectors.toSet()));
  }

  @Test
  @DisplayName("[N3] a machine translation is not stored over a human one of the same text version")
  void humanWins() {
    await(store.putHuman(human("b1", "n1", "fr", "humain", "v1", 1)));
    assertFalse(await(store.putMachine(machine("b1", "n1", "fr", "machine", "v1", 2))));
    assertEquals(List.of(human("b1", "n1", "fr", "humain", "v1", 1)), of("b1", "fr"));
    assertTrue(await(store.putMachine(machine("b1", "n1", "fr", "machine", "v2", 3))), "another version");
    assertTrue(await(store.putMachine(machine("b1", "n2", "fr", "machine", "v1", 3))), "another record");
  }

  @Test
  @DisplayName("deleting a board removes its translations only")
  void deleteBoard() {
    await(store.putHuman(human("b1", "n1", "fr", "un", "v1", 1)));
    await(store.putMachine(machine("b1", "n2", "de", "zwei", "v1", 1)));
    await(store.putHuman(human("b2", "n1", "fr", "autre", "v1", 1)));
    await(store.deleteBoard("b1"));
    assertEquals(List.of(), of("b1", "fr"));
    assertEquals(List.of(), of("b1", "de"));
    assertEquals(1, of("b2", "fr").size());
  }

  @Test
  @DisplayName("times stay whole numbers")
  void longs() {
    await(store.putHuman(human("b1", "n1", "fr", "un", "v1", 1_764_400_000_123L)));
    assertEquals(1_764_400_000_123L, of("b1", "fr").get(0).at());
    assertInstanceOf(Long.class, of("b1", "fr").get(0).toJson().getValue("at"));
  }
}
