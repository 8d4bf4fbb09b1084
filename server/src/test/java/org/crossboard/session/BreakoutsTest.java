package org.crossboard.session;

import static org.crossboard.session.Fixture.ANA;
import static org.crossboard.session.Fixture.BEN;
import static org.crossboard.session.Fixture.CAT;
import static org.crossboard.session.Fixture.FAC;
import static org.crossboard.session.Fixture.VIC;
import static org.crossboard.session.Fixture.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.crossboard.access.Role;
import org.crossboard.error.ErrorCode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BreakoutsTest {
  final Fixture fx = new Fixture();

  private Outcome split(Session s, JsonObject cmd) {
    return fx.apply(s, FAC, "session.breakouts", cmd.put("action", "split"));
  }

  @Test
  @DisplayName("[L9] random split: participants only, once each, sizes differ by at most one")
  void random() {
    for (int i = 0; i < 7; i++) {
      fx.present.add(new Actor("u_p" + i, "P" + i, null, null, Role.EDITOR));
    }
    fx.present.add(ANA); // a second connection of the same person
    Session s = fx.live();
    Outcome o = split(s, new JsonObject().put("by", "random").put("count", 3));
    List<String> everyone = new ArrayList<>();
    s.groups().forEach(g -> everyone.addAll(g.members()));
    assertEquals(11, everyone.size());
    assertEquals(11, everyone.stream().distinct().count());
    assertFalse(everyone.contains("u_fac"));
    List<Integer> sizes = s.groups().stream().map(g -> g.members().size()).toList();
    assertEquals(List.of(4, 4, 3), sizes);
    assertEquals(List.of("g1", "g2", "g3"), s.groups().stream().map(BreakoutGroup::id).toList());
    assertEquals(new Effect.Audit("session.breakouts.split", "s_1", new JsonObject().put("by", "random").put("groups", 3)),
        o.effects().get(0));
    assertEquals(s.groups().get(0), s.groupOf(s.groups().get(0).members().get(0)).orElseThrow());
    assertTrue(s.groupOf("u_fac").isEmpty());
    refused(ErrorCode.ERR_INVALID, () -> split(s, new JsonObject().put("by", "random").put("count", 12)));
    refused(ErrorCode.ERR_INVALID, () -> split(s, new JsonObject().put("by", "random").put("count", 1)));
    refused(ErrorCode.ERR_INVALID, () -> split(s, new JsonObject().put("by", "random").put("count", 51)));
  }

  @Test
  @DisplayName("[L9] by org and by country: one group per value, named after it, people without one last")
  void byValue() {
    Session s = fx.live();
    split(s, new JsonObject().put("by", "org"));
    assertEquals(List.of(new BreakoutGroup("g1", "Acme", null, List.of("u_ana", "u_cat")),
        new BreakoutGroup("g2", "Beta", null, List.of("u_ben")),
        new BreakoutGroup("g3", "No organisation", null, List.of("u_vic"))), s.groups());
    split(s, new JsonObject().put("by", "country"));
    assertEquals(List.of("EE", "FI", "LV", "No country"), s.groups().stream().map(BreakoutGroup::name).toList());
  }

  @Test
  @DisplayName("[L9] manual groups, group timers and summons; end removes groups and their timers")
  void manualAndEnd() {
    Session s = fx.live();
    refused(ErrorCode.ERR_INVALID, () -> split(s, new JsonObject().put("by", "manual").put("groups", new JsonArray()
        .add(new JsonObject().put("name", "A").put("members", new JsonArray().add("u_ana")))
        .add(new JsonObject().put("name", "B").put("members", new JsonArray().add("u_ana"))))));
    refused(ErrorCode.ERR_INVALID, () -> split(s, new JsonObject().put("by", "manual").put("groups", new JsonArray()
        .add(new JsonObject().put("name", "A").put("frame", "n_1").put("members", new JsonArray())))));
    split(s, new JsonObject().put("by", "manual").put("groups", new JsonArray()
        .add(new JsonObject().put("name", "Left").put("frame", "f_1").put("members", new JsonArray().add("u_ana").add("u_later")))
        .add(new JsonObject().put("name", "Right").put("members", new JsonArray().add("u_ben")))));
    assertEquals(new BreakoutGroup("g1", "Left", "f_1", List.of("u_ana", "u_later")), s.groups().get(0));
    fx.apply(s, FAC, "session.timer", new JsonObject().put("action", "start").put("durationMs", 60_000).put("group", "g2"));
    assertTrue(s.timers().containsKey("g2"));
    Outcome summon = fx.apply(s, FAC, "session.summon", new JsonObject()
        .put("viewport", new JsonObject().put("x", 0).put("y", 0).put("zoom", 1)).put("group", "g2"));
    assertEquals("g2", ((Effect.SummonAll) summon.effects().get(0)).group());
    fx.apply(s, FAC, "session.breakouts", new JsonObject().put("action", "end"));
    assertTrue(s.groups().isEmpty());
    assertFalse(s.timers().containsKey("g2"));
    assertTrue(s.toJson().getValue("breakouts") == null);
    refused(ErrorCode.ERR_SESSION_STATE, () -> fx.apply(s, FAC, "session.breakouts", new JsonObject().put("action", "end")));
  }

  @Test
  @DisplayName("[L9] splitting with no participants present is refused")
  void nobody() {
    fx.present = new ArrayList<>(List.of(FAC));
    Session s = fx.live();
    refused(ErrorCode.ERR_INVALID, () -> split(s, new JsonObject().put("by", "org")));
    assertTrue(List.of(ANA, BEN, CAT, VIC).stream().noneMatch(Actor::facilitator));
  }
}
