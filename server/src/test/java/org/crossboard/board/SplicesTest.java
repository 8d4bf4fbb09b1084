package org.crossboard.board;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The splice transform (SPEC.md T3), and that it computes exactly what the web client's text-ops.js does. */
class SplicesTest {

  static Splice s(int at, int delete, String insert) {
    return new Splice(at, delete, insert);
  }

  @Test
  @DisplayName("[T3] concurrent inserts at the same point: the side that goes first keeps its text in front")
  void tieBreak() {
    Splices.Pair pair = Splices.transform(List.of(s(2, 0, "A")), List.of(s(2, 0, "B")), true);
    assertEquals("abAB", Splices.apply(Splices.apply("ab", List.of(s(2, 0, "A"))), pair.b()));
    assertEquals("abAB", Splices.apply(Splices.apply("ab", List.of(s(2, 0, "B"))), pair.a()));
  }

  @Test
  @DisplayName("[T3] a deletion around someone's insert deletes around it and keeps their words")
  void deletionAroundInsertKeepsIt() {
    Splice mine = s(1, 5, "X");   // replace "12345" in "0123456789"
    Splice theirs = s(3, 0, "Y"); // typed between 2 and 3
    List<Splice> rebased = Splices.transform(List.of(mine), List.of(theirs), true).a();
    assertEquals(2, rebased.size());
    assertEquals("0XY6789", Splices.apply(Splices.apply("0123456789", List.of(theirs)), rebased));
  }

  @Test
  @DisplayName("[T3] overlapping deletions delete each character once")
  void overlappingDeletions() {
    Splice a = s(2, 4, "");
    Splice b = s(4, 4, "");
    Splices.Pair pair = Splices.transform(List.of(a), List.of(b), false);
    assertEquals("0189", Splices.apply(Splices.apply("0123456789", List.of(a)), pair.b()));
    assertEquals("0189", Splices.apply(Splices.apply("0123456789", List.of(b)), pair.a()));
  }

  @Test
  @DisplayName("[T3] random sequences: text·a·b' equals text·b·a', and no inserted character is lost")
  void convergesAndKeepsInserts() {
    Random rnd = new Random(11);
    for (int i = 0; i < 50_000; i++) {
      String text = "abcdefghij".substring(0, rnd.nextInt(11));
      List<Splice> a = randomSequence(rnd, text, "X");
      List<Splice> b = randomSequence(rnd, text, "Y");
      Splices.Pair pair = Splices.transform(a, b, rnd.nextBoolean());
      String viaA = Splices.apply(Splices.apply(text, a), pair.b());
      String viaB = Splices.apply(Splices.apply(text, b), pair.a());
      assertEquals(viaA, viaB, text + " " + a + " " + b);
      assertEquals(count(Splices.apply(text, a), 'X'), count(viaA, 'X'));
      assertEquals(count(Splices.apply(text, b), 'Y'), count(viaA, 'Y'));
    }
  }

  @Test
  @DisplayName("[T3] the Java transform gives exactly what the web client's text-ops.js gives (shared cases)")
  void sameAsWebClient() throws IOException {
    Path cases = Path.of("..", "web-client", "src", "test", "js", "splice-cases.json");
    JsonArray all = new JsonArray(Files.readString(cases));
    assertEquals(200, all.size());
    for (Object o : all) {
      JsonObject c = (JsonObject) o;
      Splices.Pair pair = Splices.transform(list(c.getJsonArray("a")), list(c.getJsonArray("b")), c.getBoolean("aFirst"));
      assertEquals(list(c.getJsonArray("aAfterB")), pair.a(), c.encode());
      assertEquals(list(c.getJsonArray("bAfterA")), pair.b(), c.encode());
      assertEquals(c.getString("result"), Splices.apply(Splices.apply(c.getString("text"), list(c.getJsonArray("a"))), pair.b()));
    }
  }

  static List<Splice> list(JsonArray json) {
    List<Splice> out = new ArrayList<>();
    json.forEach(o -> {
      JsonObject j = (JsonObject) o;
      out.add(new Splice(j.getInteger("at"), j.getInteger("delete"), j.getString("insert")));
    });
    return out;
  }

  private static List<Splice> randomSequence(Random rnd, String text, String tag) {
    List<Splice> out = new ArrayList<>();
    String t = text;
    for (int n = 1 + rnd.nextInt(3); n > 0; n--) {
      int at = rnd.nextInt(t.length() + 1);
      int delete = rnd.nextInt(Math.min(4, t.length() - at) + 1);
      Splice splice = new Splice(at, delete, rnd.nextInt(3) == 0 ? "" : tag.repeat(rnd.nextInt(3)));
      out.add(splice);
      t = splice.applyTo(t);
    }
    return out;
  }

  private static long count(String s, char c) {
    return s.chars().filter(x -> x == c).count();
  }
}
