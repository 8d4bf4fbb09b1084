package org.crossboard.board;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A copy-on-write overlay over a {@link BoardState}: a push is applied here change by change, so
 * later changes see earlier ones (SPEC.md C2), and is committed only when every change is valid.
 */
final class StagedChanges implements RecordView {
  private static final JsonObject REMOVED = new JsonObject();
  private final BoardState base;
  private final Map<String, JsonObject> overlay = new LinkedHashMap<>();

  StagedChanges(BoardState base) {
    this.base = base;
  }

  @Override
  public JsonObject get(String id) {
    JsonObject staged = overlay.get(id);
    if (staged == REMOVED) {
      return null;
    }
    return staged != null ? staged : base.get(id);
  }

  @Override
  public JsonObject mutable(String id) {
    JsonObject staged = overlay.get(id);
    if (staged == REMOVED) {
      return null;
    }
    if (staged != null) {
      return staged;
    }
    JsonObject original = base.get(id);
    if (original == null) {
      return null;
    }
    JsonObject copy = original.copy();
    overlay.put(id, copy);
    return copy;
  }

  @Override
  public void put(String id, JsonObject record) {
    overlay.put(id, record);
  }

  @Override
  public void remove(String id) {
    overlay.put(id, REMOVED);
  }

  @Override
  public Iterable<JsonObject> all() {
    List<JsonObject> all = new ArrayList<>();
    for (JsonObject record : base.all()) {
      if (!overlay.containsKey(record.getString("id"))) {
        all.add(record);
      }
    }
    for (JsonObject record : overlay.values()) {
      if (record != REMOVED) {
        all.add(record);
      }
    }
    return all;
  }

  void commitInto(Map<String, JsonObject> records) {
    overlay.forEach((id, record) -> {
      if (record == REMOVED) {
        records.remove(id);
      } else {
        records.put(id, record);
      }
    });
  }
}
