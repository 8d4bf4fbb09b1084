package org.crossboard.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RoleTest {

  @Test
  @DisplayName("[A8] guests keep editor, commenter and viewer links; stronger links make them commenters")
  void guestRoles() {
    assertEquals(Role.EDITOR, Role.EDITOR.forGuest());
    assertEquals(Role.COMMENTER, Role.COMMENTER.forGuest());
    assertEquals(Role.VIEWER, Role.VIEWER.forGuest());
    assertEquals(Role.COMMENTER, Role.FACILITATOR.forGuest());
    assertEquals(Role.COMMENTER, Role.OWNER.forGuest());
  }

  @Test
  @DisplayName("[A1] roles are ordered; parse accepts wire names only")
  void ordering() {
    assertTrue(Role.OWNER.atLeast(Role.VIEWER));
    assertTrue(Role.EDITOR.atLeast(Role.EDITOR));
    assertFalse(Role.COMMENTER.atLeast(Role.EDITOR));
    assertEquals(Role.FACILITATOR, Role.parse("facilitator"));
    assertNull(Role.parse("FACILITATOR"));
    assertNull(Role.parse(3));
  }
}
