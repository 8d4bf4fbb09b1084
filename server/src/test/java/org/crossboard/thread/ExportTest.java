package org.crossboard.thread;

import static org.crossboard.thread.Fixture.ANA;
import static org.crossboard.thread.Fixture.EXP;
import static org.crossboard.thread.Fixture.FAC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ExportTest {
  static final String BOARD = "https://cb.example/board.html?b=b_1";
  final Fixture fx = new Fixture();

  /** A question on a record with a reply and a removed reply, and a reference in a region. */
  private List<Thread> threads() {
    Thread q = fx.question();
    fx.now += 1_000;
    fx.reply(q, ANA, "Because, \"mostly\"");
    fx.reply(q, FAC, "=HYPERLINK(\"x\")");
    fx.apply(q, FAC, "thread.remove", new JsonObject().put("comment", "m_3"));
    fx.apply(q, EXP, "thread.edit", new JsonObject().put("comment", "m_1").put("body", "Why this budget line?")
        .put("lang", "en"));
    Thread ref = Thread.create("t_2", "b_1", "w_1", (ThreadCommand.Create) ThreadCommand.decode("thread.create",
        new JsonObject().put("anchor", new JsonObject().put("kind", "region").put("x", -10).put("y", 20.5).put("w", 300)
            .put("h", 200)).put("kind", "reference").put("body", "See the OECD note").put("link", "https://oecd.org/n")),
        EXP, "r_1", fx.now);
    return List.of(q, ref);
  }

  @Test
  @DisplayName("[K9] Web Annotation: an AnnotationCollection with @context, id, type, total and a first page")
  void collection() {
    JsonObject c = WebAnnotation.export(BOARD, threads());
    assertEquals("http://www.w3.org/ns/anno.jsonld", c.getString("@context"));
    assertEquals("AnnotationCollection", c.getString("type"));
    assertTrue(c.getString("id").startsWith(BOARD));
    assertEquals(3, c.getInteger("total"), "two first comments and one reply; the removed reply is left out");
    JsonObject page = c.getJsonObject("first");
    assertEquals("AnnotationPage", page.getString("type"));
    assertEquals(3, page.getJsonArray("items").size());
    assertEquals(0, WebAnnotation.export(BOARD, List.of()).getInteger("total"));
  }

  @Test
  @DisplayName("[K9][N1] Web Annotation: a thread's first comment targets the board with a selector; TextualBody with its language")
  void firstComment() {
    JsonArray items = WebAnnotation.export(BOARD, threads()).getJsonObject("first").getJsonArray("items");
    JsonObject q = items.getJsonObject(0);
    assertEquals(BOARD + "#thread-t_1", q.getString("id"));
    assertEquals("Annotation", q.getString("type"));
    assertEquals("questioning", q.getString("motivation"));
    assertEquals(new JsonObject().put("id", BOARD + "#user-u_exp").put("type", "Person").put("name", "Erik"),
        q.getJsonObject("creator"));
    assertEquals("2025-11-30T10:53:20Z", q.getString("created"));
    assertEquals("2025-11-30T10:53:21Z", q.getString("modified"));
    assertEquals(new JsonArray().add(new JsonObject().put("type", "TextualBody").put("value", "Why this budget line?")
        .put("format", "text/plain").put("language", "en")), q.getJsonArray("body"));
    JsonObject target = q.getJsonObject("target");
    assertEquals("SpecificResource", target.getString("type"));
    assertEquals(BOARD, target.getString("source"));
    assertEquals(new JsonObject().put("type", "FragmentSelector").put("conformsTo", WebAnnotation.RECORD_FRAGMENT_SPEC)
        .put("value", "record=n_1"), target.getJsonObject("selector"));

    JsonObject ref = items.getJsonObject(2);
    assertEquals("linking", ref.getString("motivation"));
    assertFalse(ref.containsKey("modified"));
    assertEquals("und", ref.getJsonArray("body").getJsonObject(0).getString("language"),
        "written without a language: undetermined");
    assertEquals(new JsonObject().put("type", "SpecificResource").put("source", "https://oecd.org/n"),
        ref.getJsonArray("body").getJsonObject(1));
    assertEquals(new JsonObject().put("type", "FragmentSelector").put("conformsTo", "http://www.w3.org/TR/media-frags/")
        .put("value", "xywh=-10,20.5,300,200"), ref.getJsonObject("target").getJsonObject("selector"));
  }

  @Test
  @DisplayName("[K9] Web Annotation: replies have motivation replying and target the parent annotation")
  void replies() {
    JsonObject reply = WebAnnotation.export(BOARD, threads()).getJsonObject("first").getJsonArray("items").getJsonObject(1);
    assertEquals(BOARD + "#comment-m_2", reply.getString("id"));
    assertEquals("replying", reply.getString("motivation"));
    assertEquals(BOARD + "#thread-t_1", reply.getString("target"));
    assertEquals("Because, \"mostly\"", reply.getJsonArray("body").getJsonObject(0).getString("value"));
    assertEquals("Ana", reply.getJsonObject("creator").getString("name"));
  }

  @Test
  @DisplayName("[K9] motivations by kind: commenting, questioning, editing, linking, assessing")
  void motivations() {
    assertEquals("commenting", WebAnnotation.motivation("plain"));
    assertEquals("questioning", WebAnnotation.motivation("question"));
    assertEquals("editing", WebAnnotation.motivation("suggestion"));
    assertEquals("linking", WebAnnotation.motivation("reference"));
    assertEquals("assessing", WebAnnotation.motivation("decision"));
  }

  @Test
  @DisplayName("[K9][N1] CSV: a header and one row per comment with its language, tombstones without text, formulas defused")
  void csv() {
    String csv = ThreadCsv.of(threads());
    String[] lines = csv.split("\r\n");
    assertEquals(5, lines.length);
    assertEquals("thread,kind,state,anchor,orphaned,comment,author,author_id,badge,created,edited,removed_by,body,lang,"
        + "link,mentions,reactions", lines[0]);
    assertEquals("t_1,question,open,record:n_1,false,m_1,Erik,u_exp,advisory-expert,2025-11-30T10:53:20Z,"
        + "2025-11-30T10:53:21Z,,Why this budget line?,en,,,", lines[1]);
    assertEquals("t_1,question,open,record:n_1,false,m_2,Ana,u_ana,team-member,2025-11-30T10:53:21Z,,,"
        + "\"Because, \"\"mostly\"\"\",,,,", lines[2]);
    assertEquals("t_1,question,open,record:n_1,false,m_3,Fay,u_fac,facilitator,2025-11-30T10:53:21Z,,Fay,,,,,", lines[3]);
    assertTrue(lines[4].startsWith("t_2,reference,open,\"region:-10.0,20.5,300.0,200.0\",false,r_1,Erik"), lines[4]);
    assertTrue(lines[4].endsWith(",See the OECD note,,https://oecd.org/n,,"), lines[4]);
    assertFalse(csv.contains("HYPERLINK"), "the removed comment's text is gone");
  }
}
