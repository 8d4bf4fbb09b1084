package org.crossboard.thread;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.crossboard.access.AccountService;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DigestTextTest {
  static final JsonObject MENTION = new JsonObject().put("reason", "mention").put("board", "b_1").put("thread", "t_1")
      .put("excerpt", "Olá").put("from", new JsonObject().put("name", "Ana"));

  @Test
  @DisplayName("[K7][W15] every account language has its digest words; an unknown or missing language gets English")
  void everyLanguage() {
    for (String lang : AccountService.LANGUAGES) {
      DigestText words = DigestText.in(lang);
      assertEquals(lang, words.lang());
      String body = words.body("Bo", List.of(MENTION), "https://x.eu");
      assertTrue(body.contains("Ana") && body.contains("\"Olá\"") && body.contains("https://x.eu/board.html?b=b_1&thread=t_1"),
          lang + ": " + body);
      assertTrue(body.contains("Bo"), body);
    }
    assertEquals("en", DigestText.in("xx").lang());
    assertEquals("en", DigestText.in(null).lang());
  }

  @Test
  @DisplayName("[K7][W15] plural forms by language: French takes the singular for 0 and 1, the others for 1 only")
  void plurals() {
    assertEquals("Crossboard: 1 unread notification", DigestText.in("en").subject(1));
    assertEquals("Crossboard: 3 unread notifications", DigestText.in("en").subject(3));
    assertEquals("Crossboard : 0 notification non lue", DigestText.in("fr").subject(0));
    assertEquals("Crossboard : 2 notifications non lues", DigestText.in("fr").subject(2));
    assertEquals("Crossboard: 1 notificação por ler", DigestText.in("pt").subject(1));
    assertEquals("Crossboard: 5 lugemata teavitust", DigestText.in("et").subject(5));
  }

  @Test
  @DisplayName("[K7] each reason has its phrase; a missing name is someone's, in the language")
  void reasons() {
    DigestText es = DigestText.in("es");
    String body = es.body("Bo", List.of(MENTION, MENTION.copy().put("reason", "reply"),
        MENTION.copy().put("reason", "your-record").put("from", new JsonObject())), "https://x.eu");
    assertTrue(body.startsWith("Hola, Bo:\n"), body);
    assertTrue(body.contains("Ana te mencionó"), body);
    assertTrue(body.contains("Ana respondió en un hilo en el que participas"), body);
    assertTrue(body.contains("Alguien comentó tu nota"), body);
  }
}
