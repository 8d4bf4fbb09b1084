package org.crossboard.thread;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import org.crossboard.access.Role;
import org.crossboard.error.CrossboardException;
import org.crossboard.error.ErrorCode;
import org.junit.jupiter.api.function.Executable;

/** People of one board, a fixed clock and ids for thread tests. */
final class Fixture {
  static final Actor OWNER = new Actor("u_own", "Olga", Role.OWNER, false);
  static final Actor FAC = new Actor("u_fac", "Fay", Role.FACILITATOR, false);
  static final Actor ANA = new Actor("u_ana", "Ana", Role.EDITOR, false);
  static final Actor EXP = new Actor("u_exp", "Erik", Role.COMMENTER, false);
  static final Actor EXP2 = new Actor("u_ex2", "Eva", Role.COMMENTER, false);
  static final Actor GUEST = new Actor("u_gst", "Gus", Role.COMMENTER, true);
  static final Actor VIC = new Actor("u_vic", "Vic", Role.VIEWER, false);

  long now = 1_764_500_000_000L;
  private int ids;

  /** Everyone who can read the board, id → role. */
  static Map<String, Role> boardPeople() {
    Map<String, Role> people = new LinkedHashMap<>();
    for (Actor a : new Actor[] {OWNER, FAC, ANA, EXP, EXP2, GUEST, VIC}) {
      people.put(a.userId(), a.role());
    }
    return people;
  }

  String nextId() {
    return "m_" + (++ids);
  }

  /** A thread decoded from a {@code thread.create} frame, by {@code actor}. */
  Thread create(Actor actor, JsonObject frame) {
    return Thread.create("t_1", "b_1", "w_1", (ThreadCommand.Create) ThreadCommand.decode("thread.create", frame),
        actor, nextId(), now);
  }

  /** A question on record n_1 by the expert. */
  Thread question() {
    return create(EXP, new JsonObject().put("anchor", new JsonObject().put("kind", "record").put("record", "n_1"))
        .put("kind", "question").put("body", "Why this budget?"));
  }

  /** A plain comment at a point, by the expert. */
  Thread onPoint() {
    return create(EXP, new JsonObject().put("anchor", new JsonObject().put("kind", "point").put("x", 10).put("y", 20))
        .put("kind", "plain").put("body", "Here"));
  }

  ThreadOutcome apply(Thread t, Actor actor, String type, JsonObject frame) {
    return ThreadRules.apply(t, ThreadCommand.decode(type, frame.copy().put("thread", t.id())), actor, now, nextId());
  }

  ThreadOutcome reply(Thread t, Actor actor, String body) {
    return apply(t, actor, "thread.reply", new JsonObject().put("body", body));
  }

  static JsonArray mentions(JsonObject... m) {
    JsonArray arr = new JsonArray();
    for (JsonObject o : m) {
      arr.add(o);
    }
    return arr;
  }

  static JsonObject user(String id) {
    return new JsonObject().put("user", id);
  }

  static JsonObject group(String g) {
    return new JsonObject().put("group", g);
  }

  static CrossboardException refused(ErrorCode code, Executable call) {
    CrossboardException e = assertThrows(CrossboardException.class, call);
    assertEquals(code, e.code(), e.getMessage());
    return e;
  }
}
