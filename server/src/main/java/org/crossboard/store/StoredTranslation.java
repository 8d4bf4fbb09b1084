package org.crossboard.store;

import io.vertx.core.json.JsonObject;

/**
 * One translation of one text of a board record (SPEC.md N2–N4): of {@code prop} ({@code text} of
 * notes, texts and shapes, {@code title} of frames) of {@code record}, into {@code lang}.
 *
 * @param source {@value #HUMAN} (written by someone with edit rights) or {@value #MACHINE}
 * @param engine the machine translation engine (null for human ones)
 * @param from the language translated from, when known: the record's {@code lang} or the one the
 *     engine detected (null for human ones)
 * @param by who wrote a human one, {@code {id, name}} (null for machine ones)
 * @param basedOn the hash of the original text this translates ({@code TextVersion.of}): a
 *     translation whose hash is not the current text's is stale
 * @param at when it was stored (epoch milliseconds)
 */
public record StoredTranslation(String board, String record, String prop, String lang, String text, String source,
    String engine, String from, JsonObject by, String basedOn, long at) {
  public static final String HUMAN = "human";
  public static final String MACHINE = "machine";

  public StoredTranslation {
    by = by == null ? null : by.copy();
  }

  public boolean human() {
    return HUMAN.equals(source);
  }

  /**
   * The document's key: one human and one machine translation per (board, record, prop, lang).
   * Ids, props and language tags have no {@code /}, so the key is unambiguous.
   */
  public String id() {
    return key(source, board, record, prop, lang);
  }

  /** The key of the {@code source} translation of (board, record, prop, lang). */
  public static String key(String source, String board, String record, String prop, String lang) {
    return (HUMAN.equals(source) ? "h/" : "m/") + board + "/" + record + "/" + prop + "/" + lang;
  }

  /** The stored document: {@code {_id, board, record, prop, lang, text, source, engine?, from?, by?, basedOn, at}}. */
  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("_id", id()).put("board", board).put("record", record).put("prop", prop)
        .put("lang", lang).put("text", text).put("source", source);
    if (engine != null) {
      json.put("engine", engine);
    }
    if (from != null) {
      json.put("from", from);
    }
    if (by != null) {
      json.put("by", by.copy());
    }
    return json.put("basedOn", basedOn).put("at", at);
  }

  public static StoredTranslation fromJson(JsonObject doc) {
    return new StoredTranslation(doc.getString("board"), doc.getString("record"), doc.getString("prop"),
        doc.getString("lang"), doc.getString("text"), doc.getString("source"), doc.getString("engine"),
        doc.getString("from"), doc.getJsonObject("by"), doc.getString("basedOn"),
        ((Number) doc.getValue("at")).longValue());
  }
}
