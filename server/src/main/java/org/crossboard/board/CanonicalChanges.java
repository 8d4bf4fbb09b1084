package org.crossboard.board;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * Applies canonical (sequenced, already validated and expanded) changes verbatim: put, patch,
 * remove, and splices already transformed to where they apply (SPEC.md T6). Clients do
 * exactly the same, which is why every replica that applies the ops in seq order converges
 * (SPEC.md C4).
 */
final class CanonicalChanges {
  private CanonicalChanges() {}

  static void applyAll(RecordView view, JsonArray changes) {
    for (int i = 0; i < changes.size(); i++) {
      apply(view, changes.getJsonObject(i));
    }
  }

  static void apply(RecordView view, JsonObject change) {
    switch (change.getString("op")) {
      case "put" -> {
        JsonObject record = change.getJsonObject("record");
        view.put(record.getString("id"), record.copy());
      }
      case "patch" -> {
        JsonObject record = view.mutable(change.getString("id"));
        if (record == null) {
          return; // C3: a patch to a removed record is a no-op
        }
        for (Map.Entry<String, Object> prop : change.getJsonObject("props")) {
          if (prop.getValue() == null) {
            record.remove(prop.getKey());
          } else {
            record.put(prop.getKey(), prop.getValue());
          }
        }
      }
      case "remove" -> view.remove(change.getString("id"));
      case "splice" -> {
        JsonObject record = view.mutable(change.getString("id"));
        if (record == null) {
          return; // C3
        }
        String prop = change.getString("prop");
        String current = record.getValue(prop) instanceof String s ? s : "";
        record.put(prop, new Splice(change.getInteger("at"), change.getInteger("delete"), change.getString("insert", ""))
            .applyTo(current));
      }
      default -> throw new IllegalArgumentException("not a canonical change: " + change.getString("op"));
    }
  }

  static JsonObject put(JsonObject record) {
    return new JsonObject().put("op", "put").put("record", record);
  }

  static JsonObject patch(String id, JsonObject props) {
    return new JsonObject().put("op", "patch").put("id", id).put("props", props);
  }

  static JsonObject remove(String id) {
    return new JsonObject().put("op", "remove").put("id", id);
  }
}
