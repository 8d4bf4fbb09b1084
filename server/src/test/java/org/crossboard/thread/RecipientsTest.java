package org.crossboard.thread;

import static org.crossboard.thread.Fixture.ANA;
import static org.crossboard.thread.Fixture.EXP;
import static org.crossboard.thread.Fixture.EXP2;
import static org.crossboard.thread.Fixture.FAC;
import static org.crossboard.thread.Fixture.boardPeople;
import static org.crossboard.thread.Fixture.group;
import static org.crossboard.thread.Fixture.user;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RecipientsTest {
  final Fixture fx = new Fixture();

  private Comment last(Thread t) {
    return t.comments().get(t.comments().size() - 1);
  }

  @Test
  @DisplayName("[K6] mentions keep only people who can read the board; groups expand to the board's roles")
  void mentionsResolveToReaders() {
    List<Mention> kept = Mention.readable(List.of(Mention.ofUser("u_ana"), Mention.ofUser("u_stranger"),
        Mention.ofGroup("team")), boardPeople());
    assertEquals(List.of(Mention.ofUser("u_ana"), Mention.ofGroup("team")), kept);

    Thread t = fx.onPoint();
    fx.apply(t, ANA, "thread.reply", new JsonObject().put("body", "Experts?")
        .put("mentions", new JsonArray().add(group("advisory-board")).add(user("u_stranger"))));
    assertEquals(Map.of("u_exp", "mention", "u_ex2", "mention", "u_gst", "mention"),
        Recipients.of(t, last(t), boardPeople(), null), "the author of the thread is mentioned as an expert");

    fx.apply(t, EXP, "thread.reply", new JsonObject().put("body", "Hosts?")
        .put("mentions", new JsonArray().add(group("facilitators")).add(group("team"))));
    Map<String, String> hosts = Recipients.of(t, last(t), boardPeople(), null);
    assertEquals(Map.of("u_own", "mention", "u_fac", "mention", "u_ana", "mention"), hosts);
  }

  @Test
  @DisplayName("[K7] mention beats reply beats your-record; never the author; never someone who cannot read the board")
  void reasons() {
    Thread t = fx.question();
    fx.reply(t, ANA, "Because");
    fx.reply(t, EXP2, "Really?");
    fx.apply(t, FAC, "thread.remove", new JsonObject().put("comment", "m_3"));
    fx.apply(t, ANA, "thread.reply", new JsonObject().put("body", "Fay, see").put("mentions",
        new JsonArray().add(user("u_fac")).add(user("u_exp"))));
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("u_fac", "mention");
    expected.put("u_exp", "mention");
    expected.put("u_own", "your-record");
    Map<String, String> got = Recipients.of(t, last(t), boardPeople(), "u_own");
    assertEquals(expected, got, "Eva's comment was removed: she is no longer a participant; Ana wrote it");
    assertEquals(List.copyOf(expected.keySet()), List.copyOf(got.keySet()));

    fx.reply(t, EXP2, "Once more");
    assertEquals(Map.of("u_exp", "reply", "u_ana", "reply", "u_own", "your-record"),
        Recipients.of(t, last(t), boardPeople(), "u_own"));
    assertEquals(Map.of("u_exp", "reply", "u_ana", "reply"), Recipients.of(t, last(t), boardPeople(), "u_gone"),
        "a record creator who cannot read the board is left out");
    assertEquals(Map.of("u_ana", "reply"), Recipients.of(t, last(t), Map.of("u_ana", ANA.role()), "u_own"));

    Thread first = fx.question();
    assertEquals(Map.of("u_fac", "your-record"), Recipients.of(first, first.comments().get(0), boardPeople(), "u_fac"));
    assertEquals(Map.of(), Recipients.of(first, first.comments().get(0), boardPeople(), "u_exp"), "own record");
    Thread point = fx.onPoint();
    assertEquals(Map.of(), Recipients.of(point, point.comments().get(0), boardPeople(), "u_fac"),
        "a point anchor has no record creator");
  }

  @Test
  @DisplayName("[K7] an edit that adds mentions notifies the newly mentioned, not the author")
  void editedMentions() {
    assertEquals(Map.of("u_own", "mention", "u_fac", "mention"), Recipients.mentioned(
        List.of(Mention.ofGroup("facilitators"), Mention.ofUser("u_stranger")), "u_ana", boardPeople()));
    assertEquals(Map.of(), Recipients.mentioned(List.of(Mention.ofUser("u_fac")), "u_fac", boardPeople()));
  }
}
