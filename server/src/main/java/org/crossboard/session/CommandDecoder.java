package org.crossboard.session;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.crossboard.error.CrossboardException;
import org.crossboard.error.ErrorCode;
import org.crossboard.protocol.Limits;
import org.crossboard.session.SessionCommand.BreakoutAction;
import org.crossboard.session.SessionCommand.GroupSpec;
import org.crossboard.session.SessionCommand.PhaseSpec;
import org.crossboard.session.SessionCommand.SplitBy;
import org.crossboard.session.SessionCommand.TimerAction;

/**
 * Decodes session messages (docs/SESSIONS.md "Messages"): a field of the wrong JSON type is
 * {@code ERR_MALFORMED}, a value out of range {@code ERR_INVALID}; messages name the field and never
 * echo its value.
 */
final class CommandDecoder {
  static final int MAX_PHASES = 50;
  static final int MAX_PHASE_MINUTES = 600;
  static final int MAX_VOTE_RECORDS = 200;
  static final int MAX_DOTS = 20;
  static final int MIN_GROUPS = 2;
  static final int MAX_GROUPS = 50;
  static final int MAX_ID_LENGTH = 64;
  static final int MAX_GROUP_MEMBERS = 500;
  private static final double MAX_ZOOM = 100;
  /** 9999-12-31T23:59:59.999Z: later instants have no four-digit year to show. */
  private static final long LAST_INSTANT_MS = 253_402_300_799_999L;

  private CommandDecoder() {}

  static SessionCommand decode(String type, JsonObject f) {
    return switch (type == null ? "" : type) {
      case "session.create" -> new SessionCommand.Create(title(f, "title"), startsAt(f), timeZone(f),
          phases(f, true));
      case "session.update" -> update(f);
      case "session.start" -> new SessionCommand.Start();
      case "session.end" -> new SessionCommand.End();
      case "session.phase" -> new SessionCommand.GoToPhase((int) range(f, "index", 0, MAX_PHASES - 1));
      case "session.next" -> new SessionCommand.Next();
      case "session.timer" -> timer(f);
      case "session.lock" -> new SessionCommand.Lock(id(f, "target", true), bool(f, "locked", null));
      case "session.private" -> {
        boolean on = bool(f, "on", null);
        yield new SessionCommand.Private(on, bool(f, "facilitatorsSee", true), bool(f, "anonymous", false));
      }
      case "session.vote.open" -> voteOpen(f);
      case "session.vote.cast" -> {
        long delta = integer(f, "delta", "delta");
        if (delta != 1 && delta != -1) {
          throw CrossboardException.invalid("delta must be 1 or -1");
        }
        yield new SessionCommand.VoteCast(id(f, "record", true), (int) delta);
      }
      case "session.vote.close" -> new SessionCommand.VoteClose();
      case "session.hand" -> new SessionCommand.Hand(bool(f, "up", null), id(f, "user", false));
      case "session.summon" -> new SessionCommand.Summon(viewport(f), bool(f, "force", false), id(f, "group", false));
      case "session.spotlight" -> new SessionCommand.Spotlight(id(f, "frame", true), bool(f, "force", false));
      case "session.follow" -> new SessionCommand.Follow(bool(f, "on", null));
      case "session.viewport" -> new SessionCommand.Viewport(viewport(f));
      case "session.breakouts" -> breakouts(f);
      default -> throw new CrossboardException(ErrorCode.ERR_UNKNOWN_TYPE, "not a session message");
    };
  }

  private static SessionCommand.Update update(JsonObject f) {
    SessionCommand.Update u = new SessionCommand.Update(f.containsKey("title") ? title(f, "title") : null,
        f.containsKey("startsAt") ? startsAt(f) : null, f.containsKey("timeZone") ? timeZone(f) : null,
        phases(f, false));
    if (u.title() == null && u.startsAt() == null && u.timeZone() == null && u.phases() == null) {
      throw CrossboardException.invalid("update names none of title, startsAt, timeZone, phases");
    }
    return u;
  }

  private static SessionCommand.Timer timer(JsonObject f) {
    TimerAction action = choice(f, "action", TimerAction.class);
    String group = id(f, "group", false);
    return switch (action) {
      case START -> {
        long duration = range(f, "durationMs", SessionTimer.MIN_DURATION_MS, SessionTimer.MAX_DURATION_MS);
        String atZeroWire = string(f, "atZero", false);
        SessionTimer.AtZero atZero = atZeroWire == null ? SessionTimer.AtZero.NONE : SessionTimer.AtZero.parse(atZeroWire);
        if (atZero == null) {
          throw CrossboardException.invalid("atZero must be none, closeVote, reveal, lock or next");
        }
        yield new SessionCommand.Timer(action, duration, atZero, null, group);
      }
      case ADD -> {
        long ms = range(f, "ms", -SessionTimer.MAX_DURATION_MS, SessionTimer.MAX_DURATION_MS);
        if (ms == 0) {
          throw CrossboardException.invalid("ms must not be 0");
        }
        yield new SessionCommand.Timer(action, null, null, ms, group);
      }
      default -> new SessionCommand.Timer(action, null, null, null, group);
    };
  }

  private static SessionCommand.VoteOpen voteOpen(JsonObject f) {
    JsonArray recordsJson = array(f, "records", false);
    String frame = id(f, "frame", false);
    if ((recordsJson == null) == (frame == null)) {
      throw CrossboardException.invalid("give either records or frame");
    }
    List<String> records = null;
    if (recordsJson != null) {
      if (recordsJson.isEmpty() || recordsJson.size() > MAX_VOTE_RECORDS) {
        throw CrossboardException.invalid("records must hold 1 to " + MAX_VOTE_RECORDS + " ids");
      }
      records = distinctIds(recordsJson, "records");
    }
    int dots = (int) range(f, "dots", 1, MAX_DOTS);
    Integer cap = f.getValue("cap") == null ? null : (int) range(f, "cap", 1, dots);
    return new SessionCommand.VoteOpen(records, frame, dots, cap, bool(f, "anonymous", false),
        bool(f, "liveCounts", false));
  }

  private static SessionCommand.Breakouts breakouts(JsonObject f) {
    BreakoutAction action = choice(f, "action", BreakoutAction.class);
    if (action == BreakoutAction.END) {
      return new SessionCommand.Breakouts(action, null, null, null);
    }
    SplitBy by = choice(f, "by", SplitBy.class);
    return switch (by) {
      case RANDOM -> new SessionCommand.Breakouts(action, by, (int) range(f, "count", MIN_GROUPS, MAX_GROUPS), null);
      case MANUAL -> new SessionCommand.Breakouts(action, by, null, groups(f));
      default -> new SessionCommand.Breakouts(action, by, null, null);
    };
  }

  private static List<GroupSpec> groups(JsonObject f) {
    JsonArray arr = array(f, "groups", true);
    if (arr.isEmpty() || arr.size() > MAX_GROUPS) {
      throw CrossboardException.invalid("groups must hold 1 to " + MAX_GROUPS + " groups");
    }
    List<GroupSpec> groups = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < arr.size(); i++) {
      JsonObject g = element(arr, i, "groups");
      String field = "groups[" + i + "]";
      JsonArray membersJson = array(g, "members", true);
      if (membersJson.size() > MAX_GROUP_MEMBERS) {
        throw CrossboardException.invalid(field + ".members holds more than " + MAX_GROUP_MEMBERS + " people");
      }
      List<String> members = distinctIds(membersJson, field + ".members");
      for (String m : members) {
        if (!seen.add(m)) {
          throw CrossboardException.invalid(field + ".members names someone already in another group");
        }
      }
      groups.add(new GroupSpec(title(g, "name", field + ".name"), id(g, "frame", false), members));
    }
    return groups;
  }

  /** The phases, or null when absent and not {@code required}; create may omit them (an agenda of none). */
  private static List<PhaseSpec> phases(JsonObject f, boolean create) {
    JsonArray arr = array(f, "phases", false);
    if (arr == null) {
      return create ? List.of() : null;
    }
    if (arr.size() > MAX_PHASES) {
      throw CrossboardException.invalid("phases holds at most " + MAX_PHASES + " phases");
    }
    List<PhaseSpec> phases = new ArrayList<>();
    for (int i = 0; i < arr.size(); i++) {
      JsonObject p = element(arr, i, "phases");
      String field = "phases[" + i + "]";
      phases.add(new PhaseSpec(id(p, "id", false), title(p, "title", field + ".title"),
          (int) range(p, "minutes", 0, MAX_PHASE_MINUTES, field + ".minutes"), id(p, "frame", false),
          rules(p, field)));
    }
    return phases;
  }

  private static PhaseRules rules(JsonObject p, String field) {
    Object v = p.getValue("rules");
    if (v == null) {
      return PhaseRules.OPEN;
    }
    if (!(v instanceof JsonObject r)) {
      throw malformed(field + ".rules must be an object");
    }
    String notes = string(r, "notes", false);
    if (notes != null && !notes.equals(PhaseRules.EVERYONE) && !notes.equals(PhaseRules.FACILITATORS)) {
      throw CrossboardException.invalid(field + ".rules.notes must be everyone or facilitators");
    }
    return new PhaseRules(notes == null ? PhaseRules.EVERYONE : notes, bool(r, "voting", true), bool(r, "comments", true));
  }

  private static JsonObject viewport(JsonObject f) {
    Object v = f.getValue("viewport");
    if (!(v instanceof JsonObject vp)) {
      throw malformed("viewport must be an object");
    }
    double x = number(vp, "viewport.x");
    double y = number(vp, "viewport.y");
    double zoom = number(vp, "viewport.zoom");
    if (Math.abs(x) > 10_000_000 || Math.abs(y) > 10_000_000) {
      throw CrossboardException.invalid("viewport is out of range");
    }
    if (zoom <= 0 || zoom > MAX_ZOOM) {
      throw CrossboardException.invalid("viewport.zoom must be above 0 and at most " + (int) MAX_ZOOM);
    }
    // only these three are relayed: a viewport carries nothing else to other people
    return new JsonObject().put("x", x).put("y", y).put("zoom", zoom);
  }

  private static double number(JsonObject vp, String field) {
    Object v = vp.getValue(field.substring(field.indexOf('.') + 1));
    if (v instanceof Number n && Double.isFinite(n.doubleValue())) {
      return n.doubleValue();
    }
    throw malformed(field + " must be a number");
  }

  private static String title(JsonObject f, String field) {
    return title(f, field, field);
  }

  private static String title(JsonObject f, String key, String field) {
    Object v = f.getValue(key);
    if (!(v instanceof String s)) {
      throw malformed(field + " must be a string");
    }
    String t = s.strip();
    if (t.isEmpty() || t.length() > Limits.MAX_TITLE_LENGTH) {
      throw CrossboardException.invalid(field + " must be 1 to " + Limits.MAX_TITLE_LENGTH + " characters");
    }
    return t;
  }

  private static long startsAt(JsonObject f) {
    return range(f, "startsAt", 0, LAST_INSTANT_MS);
  }

  private static String timeZone(JsonObject f) {
    String zone = string(f, "timeZone", true);
    try {
      return ZoneId.of(zone).getId();
    } catch (DateTimeException e) {
      throw CrossboardException.invalid("timeZone must be a time zone id such as Europe/Tallinn");
    }
  }

  private static <E extends Enum<E>> E choice(JsonObject f, String field, Class<E> type) {
    String wire = string(f, field, true);
    for (E e : type.getEnumConstants()) {
      if (e.name().toLowerCase(Locale.ROOT).equals(wire)) {
        return e;
      }
    }
    throw CrossboardException.invalid(field + " is not one of the allowed values");
  }

  private static List<String> distinctIds(JsonArray arr, String field) {
    List<String> ids = new ArrayList<>();
    for (Object v : arr) {
      if (!(v instanceof String s)) {
        throw malformed(field + " must hold strings");
      }
      checkId(s, field);
      if (ids.contains(s)) {
        throw CrossboardException.invalid(field + " names an id twice");
      }
      ids.add(s);
    }
    return ids;
  }

  private static String id(JsonObject f, String field, boolean required) {
    String s = string(f, field, required);
    if (s != null) {
      checkId(s, field);
    }
    return s;
  }

  private static void checkId(String s, String field) {
    if (s.isEmpty() || s.length() > MAX_ID_LENGTH) {
      throw CrossboardException.invalid(field + " must be an id of 1 to " + MAX_ID_LENGTH + " characters");
    }
  }

  private static String string(JsonObject f, String field, boolean required) {
    Object v = f.getValue(field);
    if (v == null && !required) {
      return null;
    }
    if (v instanceof String s) {
      return s;
    }
    throw malformed(field + (v == null ? " is required" : " must be a string"));
  }

  /** A boolean; {@code fallback} null means required. */
  private static boolean bool(JsonObject f, String field, Boolean fallback) {
    Object v = f.getValue(field);
    if (v == null && fallback != null) {
      return fallback;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    throw malformed(field + (v == null ? " is required" : " must be true or false"));
  }

  private static long range(JsonObject f, String field, long min, long max) {
    return range(f, field, min, max, field);
  }

  private static long range(JsonObject f, String key, long min, long max, String field) {
    long v = integer(f, key, field);
    if (v < min || v > max) {
      throw CrossboardException.invalid(field + " must be from " + min + " to " + max);
    }
    return v;
  }

  /** A whole number: a fraction is a bad value, a string a bad type. */
  private static long integer(JsonObject f, String key, String field) {
    Object v = f.getValue(key);
    if (!(v instanceof Number n)) {
      throw malformed(field + (v == null ? " is required" : " must be a number"));
    }
    double d = n.doubleValue();
    if (!Double.isFinite(d) || d != Math.rint(d) || Math.abs(d) > 9e15) {
      throw CrossboardException.invalid(field + " must be a whole number");
    }
    return n.longValue();
  }

  private static JsonArray array(JsonObject f, String field, boolean required) {
    Object v = f.getValue(field);
    if (v == null && !required) {
      return null;
    }
    if (v instanceof JsonArray a) {
      return a;
    }
    throw malformed(field + (v == null ? " is required" : " must be an array"));
  }

  private static JsonObject element(JsonArray arr, int i, String field) {
    if (arr.getValue(i) instanceof JsonObject o) {
      return o;
    }
    throw malformed(field + "[" + i + "] must be an object");
  }

  private static CrossboardException malformed(String message) {
    return new CrossboardException(ErrorCode.ERR_MALFORMED, message);
  }
}
