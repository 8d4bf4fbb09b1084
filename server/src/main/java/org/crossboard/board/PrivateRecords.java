package org.crossboard.board;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.crossboard.access.Principal;
import org.crossboard.access.Role;

/**
 * Private records (SPEC.md L5): a record a participant made in private mode carries the server-owned
 * prop {@code private} = {@code {"by":userId,"facilitators":bool,"round":n}}, and so does every
 * canonical change to it while it is private ({@code record.private} of a {@code put},
 * {@code props.private} of a {@code patch}, {@code private} of a {@code remove} or {@code splice}).
 * The mark decides, change by change and record by record, who may receive it: its author, and
 * facilitators when {@code facilitators} is true. Everything that leaves the server about records —
 * batches, welcome snapshots and ops, fetches, exports — goes through {@link #ops} or
 * {@link #records}, so a hidden record is never sent, not merely not shown. Stateless: the marks
 * are in the changes themselves, so a change made while a record was private stays hidden in the
 * op log after the reveal (the reveal writes the record again, whole, without the mark).
 */
public final class PrivateRecords {
  /** The server-owned prop (and change field) that marks a private record. */
  public static final String PROP = "private";

  private PrivateRecords() {}

  /** Who is looking: their user id, and whether they facilitate (role facilitator or owner). */
  public record Viewer(String userId, boolean facilitator) {
    public static Viewer of(Principal principal) {
      return new Viewer(principal.userId(), principal.role().atLeast(Role.FACILITATOR));
    }
  }

  /** The mark for a record {@code by} makes in private mode round {@code round}. */
  public static JsonObject mark(String by, boolean facilitatorsSee, int round) {
    return new JsonObject().put("by", by).put("facilitators", facilitatorsSee).put("round", round);
  }

  /** The mark a record carries, or null when it is public. */
  public static JsonObject markOf(JsonObject record) {
    return record != null && record.getValue(PROP) instanceof JsonObject mark ? mark : null;
  }

  /** A copy of a canonical change carrying {@code mark}. */
  public static JsonObject marked(JsonObject change, JsonObject mark) {
    JsonObject copy = change.copy();
    switch (change.getString("op")) {
      case "put" -> copy.getJsonObject("record").put(PROP, mark.copy());
      case "patch" -> copy.getJsonObject("props").put(PROP, mark.copy());
      default -> copy.put(PROP, mark.copy());
    }
    return copy;
  }

  /** The mark a canonical change carries, or null. */
  public static JsonObject markOfChange(JsonObject change) {
    Object mark = switch (change.getString("op", "")) {
      case "put" -> change.getJsonObject("record").getValue(PROP);
      case "patch" -> change.getJsonObject("props").getValue(PROP);
      default -> change.getValue(PROP);
    };
    return mark instanceof JsonObject m ? m : null;
  }

  /** Whether {@code viewer} may see what carries {@code mark} (null: public). */
  public static boolean visibleTo(JsonObject mark, Viewer viewer) {
    return mark == null || viewer.userId().equals(mark.getString("by"))
        || viewer.facilitator() && Boolean.TRUE.equals(mark.getBoolean("facilitators"));
  }

  /** Whether any change of these carries a mark (the common case is none: one encoding for all). */
  public static boolean anyMarked(JsonArray changes) {
    for (Object change : changes) {
      if (markOfChange((JsonObject) change) != null) {
        return true;
      }
    }
    return false;
  }

  /** The records {@code viewer} may see (the same array when all are public). */
  public static JsonArray records(JsonArray records, Viewer viewer) {
    JsonArray visible = null;
    for (int i = 0; i < records.size(); i++) {
      JsonObject record = records.getJsonObject(i);
      boolean shown = visibleTo(markOf(record), viewer);
      if (!shown && visible == null) {
        visible = new JsonArray(new ArrayList<>(records.getList().subList(0, i)));
      } else if (shown && visible != null) {
        visible.add(record);
      }
    }
    return visible == null ? records : visible;
  }

  /**
   * An op as {@code viewer} may receive it: the changes they may not see taken out. The op itself
   * stays, so {@code seq} has no gap; when nothing of it is left, neither is who made it (its
   * {@code user}, {@code clientId} and {@code clientSeq}), which would tell that someone wrote
   * something hidden.
   */
  public static JsonObject op(JsonObject op, Viewer viewer) {
    JsonArray changes = op.getJsonArray("changes");
    if (!anyMarked(changes)) {
      return op;
    }
    List<Object> shown = new ArrayList<>(changes.size());
    for (Object change : changes) {
      if (visibleTo(markOfChange((JsonObject) change), viewer)) {
        shown.add(change);
      }
    }
    if (shown.size() == changes.size()) {
      return op;
    }
    if (shown.isEmpty()) {
      return new JsonObject().put("seq", op.getValue("seq")).put("at", op.getValue("at"))
          .put("changes", new JsonArray());
    }
    JsonObject copy = op.copy();
    copy.put("changes", new JsonArray(shown));
    return copy;
  }

  /** {@link #op} for each op of a list. */
  public static JsonArray ops(JsonArray ops, Viewer viewer) {
    JsonArray out = new JsonArray(new ArrayList<>(ops.size()));
    for (Object op : ops) {
      out.add(op((JsonObject) op, viewer));
    }
    return out;
  }
}
