package org.crossboard.session;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The recap of an ended session (SPEC.md L10): the agenda with planned and actual minutes and each
 * phase's notes, the votes' results with their chain heads, the comments still open, and
 * attendance as one interval per stay. Built once at the end and kept in the session; {@link RecapFormats} renders it as Markdown
 * and CSV.
 *
 * <pre>{session:{id,title,startsAt,timeZone,startedAt,endedAt},
 *  phases:[{title,plannedMinutes,actualMinutes,frame,notes:[{record,text,lang?}]}],
 *  votes:[{id,records,ranking:[{record,label,count}],anonymous,chain:{count,hash}}],
 *  openComments:[{id,author,text,on,onLabel}],
 *  attendance:[{user,name,org,country,joinedAt,leftAt}]}</pre>
 */
public final class Recap {
  /** Longest label a vote's record gets in the recap. */
  static final int MAX_LABEL = 80;

  private Recap() {}

  /**
   * @param boardRecords the board's records ({@code id, type, parent, text, lang}), in board order
   * @param attendance {@code {session, user, name, org, country, event: join|leave, at}} entries
   */
  public static JsonObject build(Session s, List<JsonObject> boardRecords, List<JsonObject> attendance) {
    JsonObject session = new JsonObject().put("id", s.id()).put("title", s.title()).put("startsAt", s.startsAt())
        .put("timeZone", s.timeZone()).put("startedAt", s.startedAt()).put("endedAt", s.endedAt());
    Map<String, JsonObject> byId = boardRecords.stream()
        .collect(Collectors.toMap(r -> r.getString("id"), Function.identity(), (a, b) -> a, LinkedHashMap::new));
    return new JsonObject().put("session", session).put("phases", phases(s, boardRecords))
        .put("votes", votes(s, byId)).put("openComments", openComments(boardRecords, byId))
        .put("attendance", attendance(s, attendance));
  }

  /** Comments not resolved, in board order, with what they are on. */
  private static JsonArray openComments(List<JsonObject> records, Map<String, JsonObject> byId) {
    JsonArray out = new JsonArray();
    for (JsonObject r : records) {
      if ("comment".equals(r.getValue("type")) && !Boolean.TRUE.equals(r.getValue("resolved"))) {
        String on = r.getString("target");
        out.add(new JsonObject().put("id", r.getString("id")).put("author", r.getString("authorName"))
            .put("text", r.getString("text")).put("on", on).put("onLabel", on == null ? null : label(byId.get(on))));
      }
    }
    return out;
  }

  /** As Markdown, headings and labels in {@code lang} (an account language; English otherwise). */
  public static String markdown(JsonObject recap, String lang) {
    return RecapFormats.markdown(recap, lang);
  }

  public static String csv(JsonObject recap) {
    return RecapFormats.csv(recap);
  }

  private static JsonArray phases(Session s, List<JsonObject> records) {
    JsonArray out = new JsonArray();
    for (Phase p : s.phases()) {
      long ms = 0;
      for (Session.PhaseLogEntry e : s.phaseLog()) {
        if (e.phase().equals(p.id())) {
          Long end = e.endedAt() != null ? e.endedAt() : s.endedAt();
          ms += end == null ? 0 : end - e.startedAt();
        }
      }
      JsonArray notes = new JsonArray();
      if (p.frame() != null) {
        for (JsonObject r : records) {
          if (p.frame().equals(r.getValue("parent")) && ("note".equals(r.getValue("type"))
              || "text".equals(r.getValue("type"))) && r.getValue("text") instanceof String text && !text.isBlank()) {
            JsonObject note = new JsonObject().put("record", r.getValue("id")).put("text", text);
            notes.add(r.getValue("lang") instanceof String lang ? note.put("lang", lang) : note); // SPEC.md N6
          }
        }
      }
      out.add(new JsonObject().put("title", p.title()).put("plannedMinutes", p.minutes())
          .put("actualMinutes", Math.round(ms / 6_000.0) / 10.0).put("frame", p.frame()).put("notes", notes));
    }
    return out;
  }

  private static JsonArray votes(Session s, Map<String, JsonObject> records) {
    JsonArray out = new JsonArray();
    for (DotVote v : s.votes()) {
      JsonArray ranking = new JsonArray();
      v.counts().entrySet().stream()
          .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
          .forEach(e -> ranking.add(new JsonObject().put("record", e.getKey())
              .put("label", label(records.get(e.getKey()))).put("count", e.getValue())));
      out.add(new JsonObject().put("id", v.id()).put("records", new JsonArray(v.records())).put("ranking", ranking)
          .put("anonymous", v.anonymous()).put("chain", v.chain()));
    }
    return out;
  }

  /** The record's first line of text, cut short; its type when it has none; "(removed)" when gone. */
  private static String label(JsonObject record) {
    if (record == null) {
      return "(removed)";
    }
    if (record.getValue("text") instanceof String text && !text.isBlank()) {
      String line = text.strip().lines().findFirst().orElse("");
      return line.length() > MAX_LABEL ? line.substring(0, MAX_LABEL - 1) + "…" : line;
    }
    return "(" + record.getString("type", "record") + ")";
  }

  /**
   * Folds joins and leaves into stays: a person is present from their first join until their
   * connections are all gone (two tabs are one stay); a stay still open at the end ends with the
   * session. Ordered by arrival.
   */
  private static JsonArray attendance(Session s, List<JsonObject> entries) {
    List<JsonObject> sorted = entries.stream()
        .filter(e -> e.getValue("session") == null || s.id().equals(e.getValue("session")))
        .sorted((a, b) -> Long.compare(a.getLong("at"), b.getLong("at"))).toList();
    Map<String, Integer> connections = new HashMap<>();
    Map<String, JsonObject> open = new HashMap<>();
    List<JsonObject> stays = new ArrayList<>();
    for (JsonObject e : sorted) {
      String user = e.getString("user");
      int n = connections.getOrDefault(user, 0);
      if ("join".equals(e.getString("event"))) {
        if (n == 0) {
          JsonObject stay = new JsonObject().put("user", user).put("name", e.getString("name"))
              .put("org", e.getString("org")).put("country", e.getString("country"))
              .put("joinedAt", e.getLong("at")).put("leftAt", null);
          open.put(user, stay);
          stays.add(stay);
        }
        connections.put(user, n + 1);
      } else if ("leave".equals(e.getString("event")) && n > 0) { // a leave without a join is ignored
        connections.put(user, n - 1);
        if (n == 1) {
          open.remove(user).put("leftAt", e.getLong("at"));
        }
      }
    }
    open.values().forEach(stay -> stay.put("leftAt", s.endedAt()));
    return new JsonArray(stays);
  }
}
