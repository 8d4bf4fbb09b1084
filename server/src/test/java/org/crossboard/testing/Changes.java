package org.crossboard.testing;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Builders for push frames and changes in tests. */
public final class Changes {
  private Changes() {}

  public static JsonObject note(String id, int x, int y, String text) {
    return new JsonObject().put("id", id).put("type", "note").put("order", "a" + id.replaceAll("[^0-9A-Za-z]", ""))
        .put("x", x).put("y", y).put("w", 200).put("h", 200).put("text", text);
  }

  public static JsonObject put(JsonObject record) {
    return new JsonObject().put("op", "put").put("record", record);
  }

  public static JsonObject patch(String id, JsonObject props) {
    return new JsonObject().put("op", "patch").put("id", id).put("props", props);
  }

  public static JsonObject remove(String id) {
    return new JsonObject().put("op", "remove").put("id", id);
  }

  /** A splice of a merging text prop written against {@code base} (docs/PROTOCOL.md). */
  public static JsonObject splice(String id, String prop, long base, int at, int delete, String insert) {
    return new JsonObject().put("op", "splice").put("id", id).put("prop", prop).put("base", base)
        .put("at", at).put("delete", delete).put("insert", insert);
  }

  public static JsonObject push(String requestId, long clientSeq, JsonObject... changes) {
    JsonArray all = new JsonArray();
    for (JsonObject c : changes) {
      all.add(c);
    }
    return new JsonObject().put("t", "push").put("id", requestId).put("clientSeq", clientSeq).put("changes", all);
  }
}
