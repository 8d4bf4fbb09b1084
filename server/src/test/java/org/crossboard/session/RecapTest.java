package org.crossboard.session;

import static org.crossboard.session.Fixture.ANA;
import static org.crossboard.session.Fixture.FAC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.crossboard.export.Csv;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RecapTest {
  final Fixture fx = new Fixture();

  private static JsonObject record(String id, String type, String parent, String text) {
    return new JsonObject().put("id", id).put("type", type).put("parent", parent).put("text", text);
  }

  private static JsonObject att(String user, String event, long at) {
    return new JsonObject().put("session", "s_1").put("user", user).put("name", user.equals("u_ana") ? "Ana" : "=Evil")
        .put("org", "Acme, Inc.").put("country", "EE").put("event", event).put("at", at);
  }

  private JsonObject endedRecap() {
    Session s = fx.live();
    long t0 = fx.now;
    fx.now += 90_000;
    fx.apply(s, FAC, "session.next", new JsonObject());
    fx.apply(s, FAC, "session.phase", new JsonObject().put("index", 2));
    fx.apply(s, FAC, "session.vote.open", new JsonObject().put("frame", "f_1").put("dots", 2));
    fx.apply(s, ANA, "session.vote.cast", new JsonObject().put("record", "n_2").put("delta", 1));
    fx.now += 30_000;
    Outcome end = fx.apply(s, FAC, "session.end", new JsonObject());
    assertEquals(1, Fixture.effects(end, Effect.Ended.class).size());
    List<JsonObject> records = List.of(record("f_1", "frame", null, null), record("n_1", "note", "f_1", "Ship *faster* [now](x)"),
        record("n_p", "note", "f_1", "Menos reuniões").put("lang", "pt"),
        record("n_2", "note", "f_1", "Fewer\nmeetings"), record("t_1", "text", "f_1", "  "),
        record("n_3", "note", null, "elsewhere"));
    List<JsonObject> attendance = List.of(att("u_ana", "join", t0), att("u_ana", "join", t0 + 10),
        att("u_ana", "leave", t0 + 20), att("u_ana", "leave", t0 + 50_000), att("u_ana", "join", t0 + 60_000),
        att("u_eve", "leave", t0 + 1), att("u_eve", "join", t0 + 5),
        att("u_zed", "join", t0 + 7).put("session", "s_other"));
    JsonObject recap = Recap.build(s, records, attendance);
    s.recap(recap);
    assertEquals(recap, SessionViews.forFacilitators(s).getJsonObject("recap"));
    assertFalse(SessionViews.forParticipants(s).getJsonObject("recap").containsKey("attendance"));
    assertTrue(SessionViews.forParticipants(s).getJsonObject("recap").containsKey("votes"));
    return recap;
  }

  @Test
  @DisplayName("[L10] recap: planned vs actual minutes, each phase frame's notes, vote ranking with labels and chain")
  void content() {
    JsonObject recap = endedRecap();
    JsonArray phases = recap.getJsonArray("phases");
    assertEquals(new JsonObject().put("title", "Warm-up").put("plannedMinutes", 10).put("actualMinutes", 1.5)
        .put("frame", null).put("notes", new JsonArray()), phases.getJsonObject(0));
    assertEquals(0.0, phases.getJsonObject(1).getDouble("actualMinutes"));
    assertEquals(0.5, phases.getJsonObject(2).getDouble("actualMinutes"));
    assertEquals(new JsonArray().add(new JsonObject().put("record", "n_1").put("text", "Ship *faster* [now](x)"))
        .add(new JsonObject().put("record", "n_p").put("text", "Menos reuniões").put("lang", "pt"))
        .add(new JsonObject().put("record", "n_2").put("text", "Fewer\nmeetings")),
        phases.getJsonObject(2).getJsonArray("notes"), "[N6] each note with its language when it has one");
    JsonObject vote = recap.getJsonArray("votes").getJsonObject(0);
    assertEquals(new JsonObject().put("record", "n_2").put("label", "Fewer").put("count", 1),
        vote.getJsonArray("ranking").getJsonObject(0));
    assertEquals("(text)", vote.getJsonArray("ranking").getJsonObject(2).getString("label"));
    assertEquals(1, vote.getJsonObject("chain").getInteger("count"));
    assertEquals("Retro", recap.getJsonObject("session").getString("title"));
  }

  @Test
  @DisplayName("[L10] attendance folds joins and leaves into stays; two tabs are one stay; open stays end with the session")
  void attendance() {
    JsonObject recap = endedRecap();
    JsonArray a = recap.getJsonArray("attendance");
    long t0 = fx.now - 120_000;
    assertEquals(3, a.size());
    assertEquals(new JsonObject().put("user", "u_ana").put("name", "Ana").put("org", "Acme, Inc.").put("country", "EE")
        .put("joinedAt", t0).put("leftAt", t0 + 50_000), a.getJsonObject(0));
    assertEquals("u_eve", a.getJsonObject(1).getString("user"));
    assertEquals(t0 + 5, a.getJsonObject(1).getLong("joinedAt"));
    assertEquals(fx.now, a.getJsonObject(1).getLong("leftAt"));
    assertEquals(t0 + 60_000, a.getJsonObject(2).getLong("joinedAt"));
    assertEquals(fx.now, a.getJsonObject(2).getLong("leftAt"));
  }

  @Test
  @DisplayName("[L10][N6] Markdown escapes what people typed and tags a note's language; times are in the session's zone")
  void markdown() {
    JsonObject recap = endedRecap();
    String md = Recap.markdown(recap, "en");
    assertTrue(md.startsWith("# Retro\n"), md);
    assertTrue(md.contains("| Warm\\-up | 10 | 1.5 |"), md);
    assertTrue(md.contains("- Ship \\*faster\\* \\[now\\]\\(x\\)\n"), md);
    assertTrue(md.contains("- Fewer meetings\n"), md);
    assertTrue(md.contains("- <span lang=\"pt\">Menos reuniões</span>\n"), md);
    assertEquals("kept \\<b\\>", RecapFormats.note("kept <b>"), "a recap kept before notes had languages");
    assertEquals("x", RecapFormats.note(new JsonObject().put("text", "x").put("lang", "\"><script>")),
        "never an attribute that is not a language tag");
    assertTrue(md.contains("Europe/Tallinn"), md);
    assertTrue(md.contains("- Started: 2025-11-30 12:53 Europe/Tallinn"), md);
    assertTrue(md.contains("| =Evil | Acme, Inc\\. | EE |"), md);
    assertTrue(md.contains("1 ballot, chain head `"), md);
    assertTrue(md.contains("## Agenda\n\n| Phase | Planned (min) | Actual (min) |"), md);
    assertEquals(md, Recap.markdown(recap, "xx"), "English for a language that is not an account language");
    assertEquals("a \\<b\\> \\| c \\& d", RecapFormats.md(" a <b> | c\r\n& d "));
  }

  @Test
  @DisplayName("[L10][W15] a Markdown recap in French, Portuguese and Estonian: headings, labels and plural forms in the language; what people typed as typed")
  void markdownInOtherLanguages() {
    JsonObject recap = endedRecap();
    String fr = Recap.markdown(recap, "fr");
    assertTrue(fr.startsWith("# Retro\n\n- Prévue: "), fr);
    assertTrue(fr.contains("## Programme\n\n| Phase | Prévu (min) | Réel (min) |"), fr);
    assertTrue(fr.contains("### Vote 1\n\n| Rang | Élément | Points |"), fr);
    assertTrue(fr.contains("1 bulletin, tête de chaîne `"), fr);
    assertTrue(fr.contains("## Présences\n\n| Nom | Organisation | Pays | Arrivée | Départ |"), fr);
    assertTrue(fr.contains("| =Evil | Acme, Inc\\. | EE |"), fr);
    assertTrue(fr.contains("- <span lang=\"pt\">Menos reuniões</span>"), fr);
    String pt = Recap.markdown(recap, "pt");
    assertTrue(pt.contains("## Votações") && pt.contains("| Posição | Elemento | Pontos |"), pt);
    String et = Recap.markdown(recap, "et");
    assertTrue(et.contains("## Päevakord") && et.contains("1 hääletussedel, ahela pea `"), et);
    assertEquals("2 hääletussedelit, ahela pea", RecapWords.in("et").ballots(2));
    assertEquals("0 bulletin, tête de chaîne", RecapWords.in("fr").ballots(0));
    assertEquals("Kommentar zu Notiz A", "Kommentar " + RecapWords.in("de").on("Notiz A"));
    assertEquals("Notiz A kohta", RecapWords.in("et").on("Notiz A"));
  }

  @Test
  @DisplayName("[L10] CSV (RFC 4180): one header, a section column, quoted cells, formulas defused")
  void csv() {
    String csv = Recap.csv(endedRecap());
    String[] lines = csv.split("\r\n", -1);
    assertEquals(String.join(",", RecapFormats.CSV_COLUMNS), lines[0]);
    assertEquals("phase,Warm-up,10,1.5,,,,,,,,,,,", lines[1]);
    assertTrue(csv.contains("\r\nvote,,,,v_"), csv);
    assertTrue(csv.contains(",1,n_2,Fewer,1,,,,,,\r\n"), csv);
    assertTrue(csv.contains("attendance,,,,,,,,,u_eve,'=Evil,\"Acme, Inc.\",EE,"), csv);
    for (String line : lines) {
      if (!line.isEmpty()) {
        assertEquals(15, line.replaceAll("\"[^\"]*\"", "").split(",", -1).length, line);
      }
    }
    assertEquals("\"say \"\"hi\"\"\nthere\"", Csv.cell("say \"hi\"\nthere"));
    assertEquals("'-1+2", Csv.cell("-1+2"));
  }
}
