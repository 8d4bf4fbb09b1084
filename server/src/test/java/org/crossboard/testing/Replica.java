package org.crossboard.testing;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.TreeMap;

/**
 * A test-side replica of a board that applies sequenced ops verbatim, the way every client must;
 * written independently of the server's code so that convergence tests compare two implementations.
 */
public final class Replica {
  private final Map<String, JsonObject> records = new TreeMap<>();
  private long seq;

  public Replica(JsonObject welcome) {
    JsonObject snapshot = welcome.getJsonObject("snapshot");
    snapshot.getJsonArray("records").forEach(r -> put((JsonObject) r));
    seq = snapshot.getLong("seq");
  }

  public void applyBatch(JsonObject batch) {
    for (Object o : batch.getJsonArray("ops")) {
      applyOp((JsonObject) o);
    }
  }

  public void applyOp(JsonObject op) {
    long opSeq = op.getLong("seq");
    if (opSeq != seq + 1) {
      throw new AssertionError("seq gap or duplicate: have " + seq + ", got " + opSeq);
    }
    for (Object c : op.getJsonArray("changes")) {
      JsonObject change = (JsonObject) c;
      switch (change.getString("op")) {
        case "put" -> put(change.getJsonObject("record"));
        case "patch" -> {
          JsonObject r = records.get(change.getString("id"));
          if (r != null) {
            change.getJsonObject("props").forEach(p -> {
              if (p.getValue() == null) {
                r.remove(p.getKey());
              } else {
                r.put(p.getKey(), p.getValue());
              }
            });
          }
        }
        case "remove" -> records.remove(change.getString("id"));
        case "splice" -> {
          JsonObject r = records.get(change.getString("id"));
          if (r != null) {
            String prop = change.getString("prop");
            String text = r.getValue(prop) instanceof String s ? s : "";
            int at = Math.min(change.getInteger("at"), text.length());
            int end = Math.min(text.length(), at + change.getInteger("delete"));
            r.put(prop, text.substring(0, at) + change.getString("insert") + text.substring(end));
          }
        }
        default -> throw new AssertionError("unknown change " + change);
      }
    }
    seq = opSeq;
  }

  private void put(JsonObject r) {
    records.put(r.getString("id"), r.copy());
  }

  public long seq() {
    return seq;
  }

  /** Records sorted by id, as the export lists them. */
  public JsonArray records() {
    JsonArray out = new JsonArray();
    records.values().forEach(out::add);
    return out;
  }
}
