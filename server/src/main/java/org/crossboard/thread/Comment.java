package org.crossboard.thread;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One comment of a thread (docs/COMMENTS.md "A thread"), immutable: a change makes a new one that
 * {@link Thread} puts in its place. A removed comment is a tombstone (SPEC.md K3): its text, link,
 * mentions, history and reactions are gone, {@link #removed} says who removed it and when.
 *
 * @param lang the language the body is written in (canonical BCP 47, SPEC.md N1), null when not said
 * @param history earlier versions of the body, oldest first, at most {@link #MAX_HISTORY}
 * @param reactions reaction → user ids in the order they reacted; no empty lists
 */
public record Comment(String id, Author author, String body, String lang, String link, List<Mention> mentions,
    long createdAt,
    Long editedAt, List<Revision> history, Removal removed, Map<String, List<String>> reactions) {
  /**
   * Versions kept per comment: with 200 comments of 4,000 characters a thread document stays well
   * under MongoDB's 16 MB even when every comment has been edited many times.
   */
  public static final int MAX_HISTORY = 4;

  /** A body as it was before an edit, with when it had been written. */
  public record Revision(String body, long at) {}

  /** Who removed the comment and when. */
  public record Removal(Author by, long at) {}

  public Comment {
    mentions = List.copyOf(mentions);
    history = List.copyOf(history);
    Map<String, List<String>> copy = new LinkedHashMap<>();
    reactions.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    reactions = Collections.unmodifiableMap(copy);
  }

  /** A new comment. */
  static Comment create(String id, Author author, String body, String lang, String link, List<Mention> mentions,
      long now) {
    return new Comment(id, author, body, lang, link, mentions, now, null, List.of(), null, Map.of());
  }

  public boolean isRemoved() {
    return removed != null;
  }

  public boolean edited() {
    return editedAt != null;
  }

  /**
   * The comment with a new text in {@code newLang}; the body it replaces goes into the history
   * (oldest dropped past the cap).
   */
  Comment edit(String newBody, String newLang, String newLink, List<Mention> newMentions, long now) {
    List<Revision> h = new ArrayList<>(history);
    h.add(new Revision(body, editedAt != null ? editedAt : createdAt));
    if (h.size() > MAX_HISTORY) {
      h = h.subList(h.size() - MAX_HISTORY, h.size());
    }
    return new Comment(id, author, newBody, newLang, newLink, newMentions, createdAt, now, h, null, reactions);
  }

  /** The tombstone of this comment. */
  Comment remove(Author by, long now) {
    return new Comment(id, author, "", null, null, List.of(), createdAt, editedAt, List.of(), new Removal(by, now),
        Map.of());
  }

  /** With {@code userId}'s reaction on or off (a set per reaction: reacting twice is once). */
  Comment react(String reaction, String userId, boolean on) {
    Map<String, List<String>> r = new LinkedHashMap<>();
    for (String known : ThreadRules.REACTIONS) {
      Set<String> users = new LinkedHashSet<>(reactions.getOrDefault(known, List.of()));
      if (known.equals(reaction)) {
        if (on) {
          users.add(userId);
        } else {
          users.remove(userId);
        }
      }
      if (!users.isEmpty()) {
        r.put(known, new ArrayList<>(users));
      }
    }
    return new Comment(id, author, body, lang, link, mentions, createdAt, editedAt, history, removed, r);
  }

  /** Whether {@code userId} has this reaction on. */
  public boolean reacted(String reaction, String userId) {
    return reactions.getOrDefault(reaction, List.of()).contains(userId);
  }

  /** The stored form. */
  public JsonObject toJson() {
    JsonObject r = new JsonObject();
    reactions.forEach((k, v) -> r.put(k, new JsonArray(new ArrayList<>(v))));
    return new JsonObject().put("id", id).put("author", author.toJson()).put("body", body).put("lang", lang)
        .put("link", link)
        .put("mentions", new JsonArray(mentions.stream().map(Mention::toJson).toList()))
        .put("createdAt", createdAt).put("editedAt", editedAt)
        .put("history", new JsonArray(history.stream()
            .map(v -> new JsonObject().put("body", v.body()).put("at", v.at())).toList()))
        .put("removed", removed == null ? null
            : new JsonObject().put("by", removed.by().ref()).put("at", removed.at()))
        .put("reactions", r);
  }

  /** What clients get: a tombstone without body, language, link, mentions, history or reactions. */
  JsonObject view() {
    JsonObject json = toJson();
    if (isRemoved()) {
      for (String gone : List.of("body", "lang", "link", "mentions", "history", "reactions")) {
        json.remove(gone);
      }
    }
    return json;
  }

  /** The inverse of {@link #toJson}. */
  public static Comment fromJson(JsonObject json) {
    List<Mention> mentions = new ArrayList<>();
    JsonArray m = json.getJsonArray("mentions");
    for (int i = 0; i < m.size(); i++) {
      mentions.add(Mention.fromJson(m.getJsonObject(i), "mentions[" + i + "]"));
    }
    List<Revision> history = new ArrayList<>();
    json.getJsonArray("history").forEach(v -> {
      JsonObject o = (JsonObject) v;
      history.add(new Revision(o.getString("body"), o.getLong("at")));
    });
    JsonObject removedJson = json.getJsonObject("removed");
    Removal removed = removedJson == null ? null
        : new Removal(Author.fromJson(removedJson.getJsonObject("by")), removedJson.getLong("at"));
    Map<String, List<String>> reactions = new LinkedHashMap<>();
    json.getJsonObject("reactions").forEach(e ->
        reactions.put(e.getKey(), ((JsonArray) e.getValue()).stream().map(String.class::cast).toList()));
    // "lang" is absent from comments stored before languages were kept: null, not said
    return new Comment(json.getString("id"), Author.fromJson(json.getJsonObject("author")), json.getString("body"),
        json.getString("lang"), json.getString("link"), mentions, json.getLong("createdAt"), json.getLong("editedAt"), history, removed,
        reactions);
  }
}
