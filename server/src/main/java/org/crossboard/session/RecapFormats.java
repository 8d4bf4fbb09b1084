package org.crossboard.session;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Pattern;
import org.crossboard.export.Csv;

/**
 * A {@link Recap} as Markdown (in the reader's language, {@link RecapWords}) and as CSV. Everything in a recap that people typed (titles, notes,
 * names, organisations) is escaped: in Markdown so it cannot become links, images, HTML or table
 * cells; in CSV (RFC 4180) quoted, and a cell a spreadsheet would run as a formula is prefixed
 * with an apostrophe.
 */
final class RecapFormats {
  /** One header for every section so each row has the same fields; a row fills its section's columns. */
  static final List<String> CSV_COLUMNS = List.of("section", "phase", "planned_minutes", "actual_minutes", "vote",
      "rank", "record", "label", "count", "user", "name", "org", "country", "joined_at", "left_at");
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final String MD_SPECIAL = "\\`*_{}[]<>()#+-.!|~&";
  private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*");

  private RecapFormats() {}

  /** The recap as Markdown, its headings and labels in {@code lang} (English when not an account language). */
  static String markdown(JsonObject recap, String lang) {
    RecapWords w = RecapWords.in(lang);
    JsonObject session = recap.getJsonObject("session");
    ZoneId zone = zone(session.getString("timeZone"));
    StringBuilder md = new StringBuilder();
    md.append("# ").append(md(session.getString("title"))).append("\n\n");
    md.append("- ").append(w.scheduled()).append(": ").append(when(session.getLong("startsAt"), zone)).append('\n');
    md.append("- ").append(w.started()).append(": ").append(when(session.getLong("startedAt"), zone)).append('\n');
    md.append("- ").append(w.ended()).append(": ").append(when(session.getLong("endedAt"), zone)).append("\n\n");

    md.append("## ").append(w.agenda()).append("\n\n| ").append(w.phase()).append(" | ").append(w.planned())
        .append(" | ").append(w.actual()).append(" |\n|---|---:|---:|\n");
    for (JsonObject p : objects(recap.getJsonArray("phases"))) {
      md.append("| ").append(md(p.getString("title"))).append(" | ").append(p.getInteger("plannedMinutes"))
          .append(" | ").append(p.getDouble("actualMinutes")).append(" |\n");
    }
    for (JsonObject p : objects(recap.getJsonArray("phases"))) {
      if (!p.getJsonArray("notes").isEmpty()) {
        md.append("\n### ").append(md(p.getString("title"))).append("\n\n");
        p.getJsonArray("notes").forEach(n -> md.append("- ").append(note(n)).append('\n'));
      }
    }

    md.append("\n## ").append(w.votes()).append('\n');
    int number = 0;
    for (JsonObject v : objects(recap.getJsonArray("votes"))) {
      JsonObject chain = v.getJsonObject("chain");
      md.append("\n### ").append(w.vote(++number)).append(v.getBoolean("anonymous") ? " " + w.anonymous() : "")
          .append("\n\n| ").append(w.rank()).append(" | ").append(w.item()).append(" | ").append(w.dots())
          .append(" |\n|---:|---|---:|\n");
      int rank = 0;
      for (JsonObject r : objects(v.getJsonArray("ranking"))) {
        md.append("| ").append(++rank).append(" | ").append(md(r.getString("label"))).append(" | ")
            .append(r.getInteger("count")).append(" |\n");
      }
      md.append("\n").append(w.ballots(chain.getInteger("count"))).append(" `").append(chain.getString("hash"))
          .append("`\n");
    }

    JsonArray comments = recap.getJsonArray("openComments");
    if (comments != null && !comments.isEmpty()) {
      md.append("\n## ").append(w.openComments()).append("\n\n");
      for (JsonObject c : objects(comments)) {
        md.append("- **").append(md(c.getString("author"))).append("**");
        if (c.getString("onLabel") != null) {
          md.append(' ').append(w.on(md(c.getString("onLabel"))));
        }
        md.append(": ").append(md(c.getString("text"))).append('\n');
      }
    }

    if (recap.getJsonArray("attendance") == null) {
      return md.toString(); // participants' recaps: who attended is the facilitators'
    }
    md.append("\n## ").append(w.attendance()).append("\n\n| ").append(w.name()).append(" | ").append(w.org())
        .append(" | ").append(w.country()).append(" | ").append(w.joined()).append(" | ").append(w.left())
        .append(" |\n|---|---|---|---|---|\n");
    for (JsonObject a : objects(recap.getJsonArray("attendance"))) {
      md.append("| ").append(md(a.getString("name"))).append(" | ").append(md(a.getString("org"))).append(" | ")
          .append(md(a.getString("country"))).append(" | ").append(when(a.getLong("joinedAt"), zone)).append(" | ")
          .append(when(a.getLong("leftAt"), zone)).append(" |\n");
    }
    return md.toString();
  }

  static String csv(JsonObject recap) {
    StringBuilder out = new StringBuilder();
    int columns = CSV_COLUMNS.size();
    Csv.row(out, columns, CSV_COLUMNS.toArray(String[]::new));
    for (JsonObject p : objects(recap.getJsonArray("phases"))) {
      Csv.row(out, columns, "phase", p.getString("title"), String.valueOf(p.getInteger("plannedMinutes")),
          String.valueOf(p.getDouble("actualMinutes")));
    }
    for (JsonObject v : objects(recap.getJsonArray("votes"))) {
      int rank = 0;
      for (JsonObject r : objects(v.getJsonArray("ranking"))) {
        Csv.row(out, columns, "vote", "", "", "", v.getString("id"), String.valueOf(++rank), r.getString("record"),
            r.getString("label"), String.valueOf(r.getInteger("count")));
      }
    }
    for (JsonObject c : objects(recap.getJsonArray("openComments"))) { // record: what it is on, label: its text
      Csv.row(out, columns, "comment", "", "", "", "", "", c.getString("on"), c.getString("text"), "", "",
          c.getString("author"));
    }
    for (JsonObject a : objects(recap.getJsonArray("attendance"))) {
      Csv.row(out, columns, "attendance", "", "", "", "", "", "", "", "", a.getString("user"), a.getString("name"),
          a.getString("org"), a.getString("country"), iso(a.getLong("joinedAt")), iso(a.getLong("leftAt")));
    }
    return out.toString();
  }

  /** Text as literal Markdown on one line: every character with a meaning is backslash-escaped. */
  static String md(String text) {
    if (text == null || text.isBlank()) {
      return "—";
    }
    StringBuilder out = new StringBuilder();
    for (char c : text.strip().replaceAll("\\s*\\R\\s*", " ").toCharArray()) {
      if (MD_SPECIAL.indexOf(c) >= 0) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }

  /**
   * A phase's note as Markdown: its text, inside {@code <span lang="…">} when the note says its
   * language (SPEC.md N6) — inline HTML, which Markdown keeps, so a rendered recap tells screen
   * readers and translators the language. Recaps kept before notes were objects list bare texts.
   */
  static String note(Object note) {
    if (note instanceof String text) {
      return md(text);
    }
    JsonObject n = (JsonObject) note;
    String lang = n.getString("lang");
    String text = md(n.getString("text"));
    // a record's lang is checked as BCP 47 when pushed (N1); this keeps the attribute safe all the same
    return lang != null && LANGUAGE_TAG.matcher(lang).matches() ? "<span lang=\"" + lang + "\">" + text + "</span>" : text;
  }

  private static String when(Long at, ZoneId zone) {
    return at == null ? "—" : WHEN.format(Instant.ofEpochMilli(at).atZone(zone)) + " " + zone.getId();
  }

  private static String iso(Long at) {
    return at == null ? "" : Instant.ofEpochMilli(at).toString();
  }

  /** The session's zone; UTC should a stored id no longer be known to this JVM. */
  private static ZoneId zone(String id) {
    try {
      return ZoneId.of(id);
    } catch (DateTimeException | NullPointerException e) {
      return ZoneOffset.UTC;
    }
  }

  /** The objects of a table; none when it is absent (participants' recaps have no attendance). */
  private static List<JsonObject> objects(JsonArray array) {
    return array == null ? List.of() : array.stream().map(JsonObject.class::cast).toList();
  }
}
