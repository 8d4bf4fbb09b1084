package org.crossboard.session;

import static org.crossboard.session.Fixture.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.crossboard.error.CrossboardException;
import org.crossboard.error.ErrorCode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SessionCommandTest {

  private static SessionCommand decode(String type, String json) {
    return SessionCommand.decode(type, new JsonObject(json));
  }

  private static JsonObject create() {
    return new JsonObject().put("title", "T").put("startsAt", 1_000).put("timeZone", "Europe/Tallinn");
  }

  @Test
  @DisplayName("[L2] create: title 1–200, a real time zone, whole-number startsAt, at most 50 phases of 0–600 minutes")
  void decodesCreate() {
    SessionCommand.Create c = (SessionCommand.Create) SessionCommand.decode("session.create", create());
    assertEquals(new SessionCommand.Create("T", 1_000, "Europe/Tallinn", List.of()), c);
    refused(ErrorCode.ERR_INVALID, () -> SessionCommand.decode("session.create", create().put("title", "  ")));
    refused(ErrorCode.ERR_INVALID, () -> SessionCommand.decode("session.create", create().put("title", "x".repeat(201))));
    refused(ErrorCode.ERR_MALFORMED, () -> SessionCommand.decode("session.create", create().put("title", 5)));
    refused(ErrorCode.ERR_INVALID, () -> SessionCommand.decode("session.create", create().put("timeZone", "Mars/Olympus")));
    refused(ErrorCode.ERR_MALFORMED, () -> SessionCommand.decode("session.create", create().put("timeZone", 2)));
    refused(ErrorCode.ERR_INVALID, () -> SessionCommand.decode("session.create", create().put("startsAt", 1.5)));
    refused(ErrorCode.ERR_MALFORMED, () -> SessionCommand.decode("session.create", create().put("startsAt", "1")));
    JsonArray many = new JsonArray();
    for (int i = 0; i < 51; i++) {
      many.add(new JsonObject().put("title", "p").put("minutes", 1));
    }
    refused(ErrorCode.ERR_INVALID, () -> SessionCommand.decode("session.create", create().put("phases", many)));
    refused(ErrorCode.ERR_INVALID, () -> SessionCommand.decode("session.create", create().put("phases",
        new JsonArray().add(new JsonObject().put("title", "p").put("minutes", 601)))));
    refused(ErrorCode.ERR_MALFORMED, () -> SessionCommand.decode("session.create", create().put("phases",
        new JsonArray().add("p"))));
    refused(ErrorCode.ERR_INVALID, () -> SessionCommand.decode("session.create", create().put("phases",
        new JsonArray().add(new JsonObject().put("title", "p").put("minutes", 1)
            .put("rules", new JsonObject().put("notes", "nobody"))))));
    CrossboardException e = org.junit.jupiter.api.Assertions.assertThrows(CrossboardException.class,
        () -> SessionCommand.decode("session.create", create().put("phases",
            new JsonArray().add(new JsonObject().put("title", "p").put("minutes", -1)))));
    assertTrue(e.getMessage().startsWith("phases[0].minutes"), e.getMessage());
  }

  @Test
  @DisplayName("[L6] vote.open and vote.cast: records or frame, dots 1–20, cap 1–dots, delta ±1")
  void votes() {
    SessionCommand.VoteOpen open = (SessionCommand.VoteOpen) decode("session.vote.open",
        "{\"records\":[\"a\",\"b\"],\"dots\":3,\"cap\":2,\"anonymous\":true}");
    assertEquals(new SessionCommand.VoteOpen(List.of("a", "b"), null, 3, 2, true, false), open);
    refused(ErrorCode.ERR_INVALID, () -> decode("session.vote.open", "{\"dots\":3}"));
    refused(ErrorCode.ERR_INVALID, () -> decode("session.vote.open", "{\"records\":[\"a\"],\"frame\":\"f\",\"dots\":3}"));
    refused(ErrorCode.ERR_INVALID, () -> decode("session.vote.open", "{\"records\":[],\"dots\":3}"));
    refused(ErrorCode.ERR_INVALID, () -> decode("session.vote.open", "{\"records\":[\"a\",\"a\"],\"dots\":3}"));
    refused(ErrorCode.ERR_INVALID, () -> decode("session.vote.open", "{\"records\":[\"a\"],\"dots\":21}"));
    refused(ErrorCode.ERR_INVALID, () -> decode("session.vote.open", "{\"records\":[\"a\"],\"dots\":3,\"cap\":4}"));
    refused(ErrorCode.ERR_MALFORMED, () -> decode("session.vote.open", "{\"records\":[1],\"dots\":3}"));
    refused(ErrorCode.ERR_MALFORMED, () -> decode("session.vote.open", "{\"records\":[\"a\"],\"dots\":3,\"anonymous\":\"yes\"}"));
    assertEquals(new SessionCommand.VoteCast("a", -1), decode("session.vote.cast", "{\"record\":\"a\",\"delta\":-1}"));
    refused(ErrorCode.ERR_INVALID, () -> decode("session.vote.cast", "{\"record\":\"a\",\"delta\":2}"));
    refused(ErrorCode.ERR_MALFORMED, () -> decode("session.vote.cast", "{\"delta\":1}"));
    assertFalse(new SessionCommand.VoteCast("a", 1).facilitatorOnly());
    assertFalse(new SessionCommand.Hand(true, null).facilitatorOnly());
    assertTrue(open.facilitatorOnly());
  }

  @Test
  @DisplayName("[L1] types, viewports and breakouts decode to exactly what is relayed")
  void misc() {
    refused(ErrorCode.ERR_UNKNOWN_TYPE, () -> decode("session.dance", "{}"));
    assertEquals("session.next", decode("session.next", "{}").type());
    assertEquals(new SessionCommand.GoToPhase(2), decode("session.phase", "{\"index\":2}"));
    SessionCommand.Viewport v = (SessionCommand.Viewport) decode("session.viewport",
        "{\"viewport\":{\"x\":1,\"y\":2,\"zoom\":0.5,\"secret\":\"x\"}}");
    assertEquals(new JsonObject().put("x", 1.0).put("y", 2.0).put("zoom", 0.5), v.viewport());
    refused(ErrorCode.ERR_INVALID, () -> decode("session.viewport", "{\"viewport\":{\"x\":1,\"y\":2,\"zoom\":0}}"));
    refused(ErrorCode.ERR_MALFORMED, () -> decode("session.viewport", "{\"viewport\":{\"x\":\"1\",\"y\":2,\"zoom\":1}}"));
    SessionCommand.Private p = (SessionCommand.Private) decode("session.private", "{\"on\":true}");
    assertTrue(p.facilitatorsSee());
    assertFalse(p.anonymous());
    refused(ErrorCode.ERR_MALFORMED, () -> decode("session.private", "{}"));
    refused(ErrorCode.ERR_INVALID, () -> decode("session.update", "{}"));
    SessionCommand.Update u = (SessionCommand.Update) decode("session.update", "{\"timeZone\":\"UTC\"}");
    assertNull(u.title());
    assertNull(u.phases());
    assertEquals(new SessionCommand.Breakouts(SessionCommand.BreakoutAction.SPLIT, SessionCommand.SplitBy.RANDOM, 4, null),
        decode("session.breakouts", "{\"action\":\"split\",\"by\":\"random\",\"count\":4}"));
    refused(ErrorCode.ERR_INVALID, () -> decode("session.breakouts", "{\"action\":\"split\",\"by\":\"height\"}"));
    refused(ErrorCode.ERR_MALFORMED, () -> decode("session.breakouts", "{\"action\":\"split\",\"by\":\"manual\"}"));
  }
}
