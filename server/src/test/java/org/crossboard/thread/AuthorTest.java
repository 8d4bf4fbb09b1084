package org.crossboard.thread;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import org.crossboard.access.Role;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AuthorTest {

  @Test
  @DisplayName("[K10] badges: owner/facilitator → facilitator, editor → team-member, commenter → advisory-expert, viewer → guest")
  void badgesFromRoles() {
    assertEquals("facilitator", Author.of("u", "U", Role.OWNER, false).badge());
    assertEquals("facilitator", Author.of("u", "U", Role.FACILITATOR, false).badge());
    assertEquals("team-member", Author.of("u", "U", Role.EDITOR, false).badge());
    assertEquals("advisory-expert", Author.of("u", "U", Role.COMMENTER, false).badge());
    assertEquals("guest", Author.of("u", "U", Role.VIEWER, false).badge());
  }

  @Test
  @DisplayName("[K10] a guest account is a guest whatever its role")
  void guests() {
    for (Role r : Role.values()) {
      assertEquals("guest", Author.of("u", "U", r, true).badge());
    }
    assertEquals("guest", new Actor("u", "U", Role.COMMENTER, true).author().badge());
  }

  @Test
  @DisplayName("[K10] the badge is stamped into the comment and kept when the role changes later")
  void stampedBadge() {
    Fixture fx = new Fixture();
    Thread t = fx.question();
    Actor promoted = new Actor("u_exp", "Erik", Role.FACILITATOR, false);
    fx.reply(t, promoted, "Now a host");
    assertEquals("advisory-expert", t.comments().get(0).author().badge());
    assertEquals("facilitator", t.comments().get(1).author().badge());
    assertEquals(new JsonObject().put("id", "u_exp").put("name", "Erik").put("badge", "advisory-expert"),
        t.createdBy().toJson());
    assertEquals(t.createdBy(), Author.fromJson(t.createdBy().toJson()));
  }

  @Test
  @DisplayName("[K3][K4] owners and facilitators remove any comment; editors and up resolve and move any thread")
  void actorRights() {
    assertTrue(Fixture.OWNER.facilitator());
    assertTrue(Fixture.FAC.facilitator());
    assertFalse(Fixture.ANA.facilitator());
    assertTrue(Fixture.ANA.editor());
    assertFalse(Fixture.EXP.editor());
    assertTrue(Fixture.EXP.mayComment());
    assertFalse(Fixture.VIC.mayComment());
  }
}
