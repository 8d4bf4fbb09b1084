package org.crossboard.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.crossboard.access.Role;
import org.crossboard.error.CrossboardException;
import org.crossboard.error.ErrorCode;
import org.junit.jupiter.api.function.Executable;

/** A board, people and a fixed clock for session tests. */
final class Fixture {
  static final Actor FAC = new Actor("u_fac", "Fay", "Host Ltd", "EE", Role.FACILITATOR);
  static final Actor OWNER = new Actor("u_own", "Olga", "Host Ltd", "EE", Role.OWNER);
  static final Actor ANA = new Actor("u_ana", "Ana", "Acme", "EE", Role.EDITOR);
  static final Actor BEN = new Actor("u_ben", "Ben", "Beta", "FI", Role.COMMENTER);
  static final Actor CAT = new Actor("u_cat", "Cat", "Acme", "LV", Role.EDITOR);
  static final Actor VIC = new Actor("u_vic", "Vic", null, null, Role.VIEWER);

  /** id → {type, parent}. */
  final Map<String, String[]> records = new LinkedHashMap<>();
  final SplittableRandom random = new SplittableRandom(7);
  long now = 1_764_500_000_000L;
  List<Actor> present = new ArrayList<>(List.of(FAC, ANA, BEN, CAT, VIC));

  Fixture() {
    add("f_1", "frame", null);
    add("f_2", "frame", null);
    add("n_1", "note", "f_1");
    add("n_2", "note", "f_1");
    add("t_1", "text", "f_1");
    add("c_1", "connector", "f_1");
    add("n_3", "note", null);
  }

  void add(String id, String type, String parent) {
    records.put(id, new String[] {type, parent});
  }

  final BoardLookup board = new BoardLookup() {
    @Override
    public boolean exists(String recordId) {
      return records.containsKey(recordId);
    }

    @Override
    public String typeOf(String recordId) {
      String[] r = records.get(recordId);
      return r == null ? null : r[0];
    }

    @Override
    public List<String> childrenOf(String frameId) {
      return records.entrySet().stream().filter(e -> frameId.equals(e.getValue()[1])).map(Map.Entry::getKey).toList();
    }
  };

  SessionContext ctx(Actor actor) {
    return new SessionContext(now, actor, present, board, random);
  }

  /** A scheduled session with three phases; the second in f_1 and closed to voting. */
  Session scheduled() {
    JsonObject create = new JsonObject().put("title", "Retro").put("startsAt", now + 60_000).put("timeZone", "Europe/Tallinn")
        .put("phases", new JsonArray()
            .add(new JsonObject().put("title", "Warm-up").put("minutes", 10))
            .add(new JsonObject().put("title", "Ideas").put("minutes", 20).put("frame", "f_1")
                .put("rules", new JsonObject().put("voting", false)))
            .add(new JsonObject().put("title", "Vote").put("minutes", 5).put("frame", "f_1")));
    return Session.create("s_1", "b_1", "w_1",
        (SessionCommand.Create) SessionCommand.decode("session.create", create), ctx(FAC));
  }

  Session live() {
    Session s = scheduled();
    apply(s, FAC, "session.start", new JsonObject());
    return s;
  }

  Outcome apply(Session s, Actor actor, String type, JsonObject frame) {
    return SessionRules.apply(s, SessionCommand.decode(type, frame), ctx(actor));
  }

  static void refused(ErrorCode code, Executable action) {
    CrossboardException e = assertThrows(CrossboardException.class, action);
    assertEquals(code, e.code(), e.getMessage());
  }

  static <T extends Effect> List<T> effects(Outcome o, Class<T> type) {
    return o.effects().stream().filter(type::isInstance).map(type::cast).toList();
  }
}
