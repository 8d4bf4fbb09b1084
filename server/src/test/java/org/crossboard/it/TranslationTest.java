package org.crossboard.it;

import static org.crossboard.testing.SessionRequests.ask;
import static org.crossboard.testing.SessionRequests.push;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.crossboard.testing.BoardMembers;
import org.crossboard.testing.Changes;
import org.crossboard.testing.FakeLibreTranslate;
import org.crossboard.testing.LogCapture;
import org.crossboard.testing.Rest;
import org.crossboard.testing.ServerExtension;
import org.crossboard.testing.TestAccess;
import org.crossboard.testing.WsTestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Notes in several languages over a real server (SPEC.md N1–N6) whose {@code TRANSLATE_URL} is a
 * LibreTranslate-speaking HTTP server in this JVM (requiring an API key): records carry their
 * language, readers get machine translations labelled with the engine, editors' corrections win,
 * a changed original makes them stale and is translated again, exports carry the tags.
 */
class TranslationTest {
  static final String KEY = "translate-key-" + System.nanoTime();
  static final FakeLibreTranslate ENGINE = FakeLibreTranslate.requiringKey(KEY);
  @RegisterExtension
  static ServerExtension server = new ServerExtension(Map.of("TRANSLATE_URL", ENGINE.url(),
      "TRANSLATE_API_KEY", KEY, "TRANSLATE_ENGINE_NAME", "LibreTranslate (self-hosted)"));
  static final AtomicInteger IDS = new AtomicInteger();

  @AfterAll
  static void stopEngine() {
    ENGINE.close();
  }

  static WsTestClient join(String board, String token) {
    return WsTestClient.join(server.port(), board, "tr" + IDS.incrementAndGet() + "abcdefgh", null, token);
  }

  static JsonObject read(String token, String board, String lang) {
    HttpResponse<String> r = Rest.as(token).send("GET", server.baseUrl() + "/api/boards/" + board
        + "/translations?lang=" + lang, null);
    assertEquals(200, r.statusCode(), r.body());
    return new JsonObject(r.body());
  }

  static HttpResponse<String> write(String token, String board, String record, String prop, String lang, String text) {
    return Rest.as(token).send("PUT", server.baseUrl() + "/api/boards/" + board + "/translations/" + record + "/"
        + prop + "/" + lang, new JsonObject().put("text", text).encode());
  }

  static List<JsonObject> of(JsonObject answer, String record) {
    return answer.getJsonArray("translations").stream().map(JsonObject.class::cast)
        .filter(t -> record.equals(t.getString("record"))).toList();
  }

  @Test
  @DisplayName("[N1][N2][N3][N4][N5] a note in Portuguese read in French: machine-translated by the engine, a human correction wins, a changed original makes it stale and is translated anew")
  void portugueseReadInFrench() {
    String board = TestAccess.createBoard(server.baseUrl(), "Multilingual board");
    TestAccess.Owner owner = TestAccess.ownerOf(board);
    TestAccess.Account editor = BoardMembers.member(server.baseUrl(), board, "editor", "Élodie Editor");
    TestAccess.Account viewer = BoardMembers.member(server.baseUrl(), board, "viewer", "Vic Viewer");
    try (WsTestClient e = join(board, editor.token())) {
      assertEquals("ack", push(e, 1, Changes.put(Changes.note("n1", 0, 0, "Dados abertos primeiro").put("lang", "pt")),
          Changes.put(Changes.note("n2", 300, 0, "Already French").put("lang", "fr")),
          Changes.put(Changes.note("n3", 600, 0, "Plano de ação"))).getString("t"));
      int before = ENGINE.hits();
      assertEquals(0, before, "[N5] nothing is translated while people write");

      JsonObject fr = read(viewer.token(), board, "fr");
      assertEquals("fr", fr.getString("lang"));
      assertEquals("LibreTranslate (self-hosted)", fr.getString("engine"));
      JsonObject machine = of(fr, "n1").get(0);
      assertEquals(new JsonObject().put("record", "n1").put("prop", "text").put("lang", "fr")
          .put("text", "Les données ouvertes d'abord").put("source", "machine").put("engine", "LibreTranslate (self-hosted)")
          .put("from", "pt").put("stale", false), machine, "[N3]");
      assertEquals(List.of(), of(fr, "n2"), "[N2] a note already in French is not translated into French");
      assertEquals("pt", of(fr, "n3").get(0).getString("from"), "[N3] detected when the note has no lang");
      assertEquals(2, ENGINE.hits());
      assertEquals(KEY, ENGINE.requests().get(0).getString("api_key"));
      read(owner.token(), board, "fr");
      assertEquals(2, ENGINE.hits(), "[N5] each text version is translated once");

      // a human correction wins, labelled with who wrote it
      HttpResponse<String> put = write(editor.token(), board, "n1", "text", "fr", "  D'abord, les données ouvertes ");
      assertEquals(200, put.statusCode(), put.body());
      JsonObject human = of(read(viewer.token(), board, "fr"), "n1").get(0);
      assertEquals("D'abord, les données ouvertes", human.getString("text"));
      assertEquals("human", human.getString("source"));
      assertEquals(editor.userId(), human.getJsonObject("by").getString("id"));
      assertFalse(human.getBoolean("stale"));
      assertEquals(1, of(read(viewer.token(), board, "fr"), "n1").size(), "[N3] the machine one is not shown beside it");
      assertEquals(2, ENGINE.hits());

      // the original changes: the human translation is stale, a machine one of the new text is asked for
      assertEquals("ack", push(e, 2, Changes.patch("n1", new JsonObject().put("text", "Dados abertos sempre")))
          .getString("t"));
      List<JsonObject> after = of(read(viewer.token(), board, "fr"), "n1");
      assertEquals(2, after.size(), after.toString());
      assertEquals("human", after.get(0).getString("source"));
      assertTrue(after.get(0).getBoolean("stale"), "[N4]");
      assertEquals("Les données ouvertes toujours", after.get(1).getString("text"));
      assertEquals("machine", after.get(1).getString("source"));
      assertFalse(after.get(1).getBoolean("stale"));
      assertEquals(3, ENGINE.hits());

      // a frame title, and a language the engine does not have: no entry, the read still answers
      assertEquals("ack", push(e, 3, Changes.put(new JsonObject().put("id", "f1").put("type", "frame").put("order", "f1")
          .put("x", 0).put("y", 500).put("w", 800).put("h", 400).put("title", "Olá mundo").put("lang", "pt")))
          .getString("t"));
      assertEquals("Bonjour le monde", of(read(viewer.token(), board, "fr"), "f1").get(0).getString("text"));
      assertEquals("title", of(read(viewer.token(), board, "fr"), "f1").get(0).getString("prop"));
      JsonObject japanese = read(viewer.token(), board, "ja");
      assertEquals(List.of(), japanese.getJsonArray("translations").getList());
    }
  }

  /** A request that must be answered {@code thread.ok}; returns the new comment's id. */
  static String comment(WsTestClient c, String type, JsonObject fields) {
    JsonObject reply = ask(c, type, fields);
    assertEquals("thread.ok", reply.getString("t"), type + " → " + reply.encode());
    return reply.getString("comment");
  }

  @Test
  @DisplayName("[N1][N2][N3][N6] a comment written in Portuguese read in French: machine-translated, an editor's correction wins, comments in French and removed ones are not translated; the Web Annotation export carries the language")
  void commentsReadInFrench() {
    String board = TestAccess.createBoard(server.baseUrl(), "Comments in several languages");
    TestAccess.Owner owner = TestAccess.ownerOf(board);
    TestAccess.Account editor = BoardMembers.member(server.baseUrl(), board, "editor", "Élodie Editor");
    TestAccess.Account expert = BoardMembers.member(server.baseUrl(), board, "commenter", "Paula Perita");
    TestAccess.Account viewer = BoardMembers.member(server.baseUrl(), board, "viewer", "Vic Viewer");
    String thread;
    String question;
    String answer;
    String removed;
    try (WsTestClient e = join(board, editor.token()); WsTestClient x = join(board, expert.token())) {
      assertEquals("ack", push(e, 1, Changes.put(Changes.note("n1", 0, 0, "Budget 2027").put("lang", "en")))
          .getString("t"));
      JsonObject created = ask(x, "thread.create", new JsonObject().put("anchor", new JsonObject().put("kind", "record")
          .put("record", "n1")).put("kind", "question").put("body", "Porquê este orçamento?").put("lang", "pt"));
      assertEquals("thread.ok", created.getString("t"), created.encode());
      thread = created.getString("thread");
      question = created.getString("comment");
      answer = comment(e, "thread.reply", new JsonObject().put("thread", thread).put("body", "Parce que c'est prioritaire")
          .put("lang", "fr"));
      removed = comment(x, "thread.reply", new JsonObject().put("thread", thread).put("body", "Rascunho a apagar")
          .put("lang", "pt"));
      comment(x, "thread.remove", new JsonObject().put("thread", thread).put("comment", removed));
    }

    JsonObject fr = read(viewer.token(), board, "fr");
    assertEquals(List.of(new JsonObject().put("record", question).put("prop", "body").put("lang", "fr")
        .put("text", "Pourquoi ce budget ?").put("source", "machine").put("engine", "LibreTranslate (self-hosted)")
        .put("from", "pt").put("stale", false)), of(fr, question), "[N2][N3] the comment's body, labelled with the engine");
    assertEquals(List.of(), of(fr, answer), "[N2] a comment already in French is not translated into French");
    assertEquals(List.of(), of(fr, removed), "a removed comment has no text to translate");
    assertFalse(ENGINE.requests().stream().anyMatch(r -> r.getString("q", "").contains("apagar")),
        "the removed comment's text never went to the engine");

    assertEquals(403, write(expert.token(), board, question, "body", "fr", "Pourquoi ?").statusCode(),
        "[N3] commenters read translations; editors write them");
    assertEquals(404, write(owner.token(), board, removed, "body", "fr", "Brouillon").statusCode());
    assertEquals(404, write(owner.token(), board, question, "text", "fr", "Pourquoi ?").statusCode(),
        "a comment's text is its body");
    HttpResponse<String> put = write(editor.token(), board, question, "body", "fr", "Pourquoi ce budget-là ?");
    assertEquals(200, put.statusCode(), put.body());
    JsonObject human = of(read(viewer.token(), board, "fr"), question).get(0);
    assertEquals("Pourquoi ce budget-là ?", human.getString("text"));
    assertEquals("human", human.getString("source"));
    assertEquals(1, of(read(viewer.token(), board, "fr"), question).size(), "[N3] the human one wins");

    JsonArray items = new JsonObject(Rest.as(viewer.token()).send("GET", server.baseUrl() + "/api/boards/" + board
        + "/threads/export", null).body()).getJsonObject("first").getJsonArray("items");
    assertEquals(List.of("pt", "fr"), items.stream().map(JsonObject.class::cast)
        .map(a -> a.getJsonArray("body").getJsonObject(0).getString("language")).toList(), "[N6] Web Annotation language");
  }

  @Test
  @DisplayName("[N1] lang is a canonical BCP 47 tag: refused otherwise; a push may set it and clear it")
  void languageTags() {
    String board = TestAccess.createBoard(server.baseUrl(), "Tags");
    TestAccess.Owner owner = TestAccess.ownerOf(board);
    try (WsTestClient c = join(board, owner.token())) {
      for (String bad : List.of("pt_BR", "pt-br", "en US", "", "x".repeat(36), "zh-hant-tw")) {
        JsonObject refused = push(c, IDS.incrementAndGet(), Changes.put(Changes.note("bad", 0, 0, "x").put("lang", bad)));
        assertEquals("error", refused.getString("t"), bad + ": " + refused.encode());
        assertEquals("ERR_INVALID_CHANGE", refused.getString("code"), bad);
        assertTrue(refused.getString("message").contains("lang"), refused.encode());
      }
      assertEquals("ack", push(c, IDS.incrementAndGet(), Changes.put(Changes.note("ok", 0, 0, "Olá").put("lang", "pt-BR")))
          .getString("t"));
      assertEquals("ack", push(c, IDS.incrementAndGet(), Changes.patch("ok", new JsonObject().put("lang", "zh-Hant-TW")))
          .getString("t"));
      assertEquals("ack", push(c, IDS.incrementAndGet(), Changes.patch("ok", new JsonObject().putNull("lang")))
          .getString("t"));
    }
    try (WsTestClient again = join(board, owner.token())) {
      JsonObject types = again.welcome().getJsonObject("schema").getJsonObject("types");
      for (String type : List.of("note", "text", "shape", "frame")) {
        assertEquals("language", types.getJsonObject(type).getJsonObject("props").getJsonObject("lang").getString("kind"),
            "[N1] the welcome's schema describes it on " + type);
      }
    }
  }

  @Test
  @DisplayName("[N3][N6] editors write translations (audited), viewers only read; unknown records 404, bad tags 400; exports carry the tags")
  void rightsAndExports() {
    String board = TestAccess.createBoard(server.baseUrl(), "Rights");
    TestAccess.Owner owner = TestAccess.ownerOf(board);
    TestAccess.Account viewer = BoardMembers.member(server.baseUrl(), board, "viewer", "Reader");
    TestAccess.Account commenter = BoardMembers.member(server.baseUrl(), board, "commenter", "Commenter");
    try (WsTestClient c = join(board, owner.token())) {
      assertEquals("ack", push(c, 1, Changes.put(Changes.note("n1", 0, 0, "Olá mundo").put("lang", "pt")),
          Changes.put(Changes.note("empty", 0, 0, ""))).getString("t"));
    }
    assertEquals(403, write(viewer.token(), board, "n1", "text", "fr", "Salut").statusCode());
    assertEquals(403, write(commenter.token(), board, "n1", "text", "fr", "Salut").statusCode());
    assertEquals(404, write(owner.token(), board, "nope", "text", "fr", "Salut").statusCode());
    assertEquals(404, write(owner.token(), board, "n1", "title", "fr", "Salut").statusCode(), "a note has no title");
    assertEquals(404, write(owner.token(), board, "empty", "text", "fr", "Salut").statusCode(), "no text to translate");
    HttpResponse<String> badTag = write(owner.token(), board, "n1", "text", "fr_FR", "Salut");
    assertEquals(400, badTag.statusCode());
    assertEquals("ERR_INVALID", new JsonObject(badTag.body()).getString("code"));
    assertEquals(400, write(owner.token(), board, "n1", "text", "pt", "Olá").statusCode(), "the original's language");
    assertEquals(400, write(owner.token(), board, "n1", "text", "fr", "   ").statusCode());
    assertEquals(400, Rest.as(viewer.token()).send("GET", server.baseUrl() + "/api/boards/" + board
        + "/translations?lang=auto!", null).statusCode());
    assertEquals(400, Rest.as(viewer.token()).send("GET", server.baseUrl() + "/api/boards/" + board
        + "/translations", null).statusCode(), "lang is required");
    assertEquals(200, write(owner.token(), board, "n1", "text", "en", "Hello world").statusCode());

    JsonObject audit = new JsonObject(Rest.as(owner.token()).send("GET", server.baseUrl() + "/api/workspaces/"
        + owner.workspace() + "/audit", null).body());
    JsonObject entry = audit.getJsonArray("entries").stream().map(JsonObject.class::cast)
        .filter(x -> "translation.set".equals(x.getString("action"))).reduce((a, b) -> b).orElseThrow();
    assertEquals(board, entry.getString("target"));
    assertEquals(new JsonObject().put("record", "n1").put("prop", "text").put("lang", "en"), entry.getJsonObject("details"));
    assertTrue(audit.getBoolean("valid"));

    JsonArray records = Rest.export(server.baseUrl(), board).getJsonArray("records");
    assertEquals("pt", records.stream().map(JsonObject.class::cast).filter(r -> "n1".equals(r.getString("id")))
        .findFirst().orElseThrow().getString("lang"), "[N6]");
    assertNull(records.stream().map(JsonObject.class::cast).filter(r -> "empty".equals(r.getString("id")))
        .findFirst().orElseThrow().getString("lang"));
  }

  @Test
  @DisplayName("[N3] the engine's API key never reaches the log, also when the engine refuses")
  void keyNotLogged() {
    String board = TestAccess.createBoard(server.baseUrl(), "Logged");
    TestAccess.Owner owner = TestAccess.ownerOf(board);
    try (WsTestClient c = join(board, owner.token())) {
      assertEquals("ack", push(c, 1, Changes.put(Changes.note("n1", 0, 0, "Plano de ação").put("lang", "pt")))
          .getString("t"));
    }
    String logs;
    try (LogCapture capture = LogCapture.start(Level.DEBUG)) {
      read(owner.token(), board, "fr");
      read(owner.token(), board, "ko"); // refused by the engine
      logs = capture.text();
    }
    assertFalse(logs.contains(KEY), "the API key was logged");
    assertFalse(new org.crossboard.config.TranslationConfig(ENGINE.url(), KEY, "x").toString().contains(KEY));
  }
}
