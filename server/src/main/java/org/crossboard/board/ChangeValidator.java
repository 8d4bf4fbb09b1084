package org.crossboard.board;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.crossboard.access.Principal;
import org.crossboard.access.Role;
import org.crossboard.error.ErrorCode;
import org.crossboard.error.CrossboardException;

/**
 * Validates a push's changes one by one against a staging view (SPEC.md R1–R6, C1–C6), applying
 * each to the view so later changes see earlier ones, and produces the canonical changes: stamped,
 * no-ops dropped, removals expanded to frame contents and attached connectors.
 */
final class ChangeValidator {
  private final RecordView view;
  private final String userId;
  private final Principal user;
  private final long now;
  private int index;

  ChangeValidator(RecordView view, Principal user, long now) {
    this.view = view;
    this.user = user;
    this.userId = user.userId();
    this.now = now;
  }

  JsonArray validate(JsonArray changes) {
    JsonArray canonical = new JsonArray();
    for (index = 0; index < changes.size(); index++) {
      if (!(changes.getValue(index) instanceof JsonObject change)) {
        throw invalid("must be an object");
      }
      Object op = change.getValue("op");
      List<JsonObject> out = switch (op instanceof String s ? s : "") {
        case "put" -> List.of(put(change));
        case "patch" -> patch(change);
        case "remove" -> remove(change);
        default -> throw invalid("op must be put, patch or remove");
      };
      for (JsonObject c : out) {
        CanonicalChanges.apply(view, c);
        canonical.add(c);
      }
    }
    return canonical;
  }

  private JsonObject put(JsonObject change) {
    if (!(change.getValue("record") instanceof JsonObject input)) {
      throw invalid("put needs a record object");
    }
    String id = id(input.getValue("id"));
    Object typeValue = input.getValue("type");
    if (!(typeValue instanceof String type) || !RecordSchema.isKnownType(type)) {
      throw invalid("unknown record type: " + typeValue);
    }
    if (type.equals("board") || id.equals(RecordSchema.BOARD_RECORD_ID)) {
      throw invalid("the board record can only be patched");
    }
    JsonObject existing = view.get(id);
    authorize(type, existing, true);
    if (existing != null && !existing.getString("type").equals(type)) {
      throw invalid("record " + id + " is a " + existing.getString("type") + "; its type cannot change");
    }
    if (existing != null && isLocked(existing)) {
      throw locked(id);
    }
    JsonObject record = new JsonObject().put("id", id).put("type", type);
    for (Map.Entry<String, Object> prop : input) {
      String key = prop.getKey();
      if (key.equals("id") || key.equals("type") || RecordSchema.SERVER_OWNED.contains(key) || prop.getValue() == null) {
        continue;
      }
      checkProp(type, key, prop.getValue());
      record.put(key, prop.getValue());
    }
    for (String required : RecordSchema.required(type)) {
      if (!record.containsKey(required)) {
        throw invalid(type + "." + required + " is required");
      }
    }
    checkReferences(id, type, record);
    record.put("createdBy", existing != null ? existing.getValue("createdBy") : userId);
    record.put("createdAt", existing != null ? existing.getValue("createdAt") : now);
    record.put("updatedBy", userId).put("updatedAt", now);
    if (type.equals("comment")) {
      record.put("authorName", existing != null ? existing.getValue("authorName") : user.name());
    }
    return CanonicalChanges.put(record);
  }

  private List<JsonObject> patch(JsonObject change) {
    String id = id(change.getValue("id"));
    if (!(change.getValue("props") instanceof JsonObject input)) {
      throw invalid("patch needs a props object");
    }
    JsonObject existing = view.get(id);
    if (existing == null) {
      return List.of(); // C3
    }
    String type = existing.getString("type");
    authorize(type, existing, input.containsKey("text"));
    JsonObject props = new JsonObject();
    for (Map.Entry<String, Object> prop : input) {
      String key = prop.getKey();
      if (RecordSchema.SERVER_OWNED.contains(key)) {
        continue;
      }
      if (key.equals("id") || key.equals("type")) {
        throw invalid(key + " cannot be patched");
      }
      if (prop.getValue() == null) {
        if (!RecordSchema.allows(type, key)) {
          throw invalid(type + "." + key + " is not a known property");
        }
        if (RecordSchema.isRequired(type, key)) {
          throw invalid(type + "." + key + " is required and cannot be cleared");
        }
      } else {
        checkProp(type, key, prop.getValue());
      }
      props.put(key, prop.getValue());
    }
    if (isLocked(existing) && !Boolean.FALSE.equals(props.getValue("locked"))) {
      throw locked(id);
    }
    JsonObject after = existing.copy();
    props.forEach(p -> {
      if (p.getValue() == null) {
        after.remove(p.getKey());
      } else {
        after.put(p.getKey(), p.getValue());
      }
    });
    checkReferences(id, type, after);
    props.put("updatedBy", userId).put("updatedAt", now);
    return List.of(CanonicalChanges.patch(id, props));
  }

  private List<JsonObject> remove(JsonObject change) {
    String id = id(change.getValue("id"));
    if (id.equals(RecordSchema.BOARD_RECORD_ID)) {
      throw invalid("the board record cannot be removed");
    }
    if (view.get(id) == null) {
      return List.of(); // C3
    }
    authorize(view.get(id).getString("type"), view.get(id), false);
    Set<String> removed = new LinkedHashSet<>();
    removed.add(id);
    boolean grew = true;
    while (grew) { // C5: contents of removed frames and connectors of removed records, to a fixpoint
      grew = false;
      for (JsonObject record : view.all()) {
        String rid = record.getString("id");
        if (!removed.contains(rid) && dependsOnAny(record, removed)) {
          removed.add(rid);
          grew = true;
        }
      }
    }
    List<JsonObject> out = new ArrayList<>();
    for (String rid : removed) {
      if (isLocked(view.get(rid))) {
        throw locked(rid);
      }
      out.add(CanonicalChanges.remove(rid));
    }
    return out;
  }

  private static boolean dependsOnAny(JsonObject record, Set<String> ids) {
    Object parent = record.getValue("parent");
    if (parent != null && ids.contains(parent)) {
      return true;
    }
    if ("comment".equals(record.getString("type"))) {
      return ids.contains(record.getValue("target"));
    }
    return "connector".equals(record.getString("type"))
        && (ids.contains(record.getValue("from")) || ids.contains(record.getValue("to")));
  }

  private void checkProp(String type, String key, Object value) {
    if (!RecordSchema.allows(type, key)) {
      throw invalid(type + "." + key + " is not a known property");
    }
    String problem = RecordSchema.checkValue(key, value);
    if (problem != null) {
      throw invalid(type + "." + key + " " + problem);
    }
  }

  /** R4 and R5: parents are frames without cycles; connector ends exist and are connectable. */
  private void checkReferences(String id, String type, JsonObject record) {
    if (record.getValue("parent") instanceof String parentId) {
      JsonObject parent = view.get(parentId);
      if (parent == null || !"frame".equals(parent.getString("type"))) {
        throw invalid("parent " + parentId + " is not an existing frame");
      }
      String cursor = parentId;
      for (int steps = 0; cursor != null; steps++) {
        if (cursor.equals(id) || steps > 10_000) {
          throw invalid("parent " + parentId + " would make a cycle");
        }
        JsonObject ancestor = view.get(cursor);
        cursor = ancestor == null ? null : ancestor.getString("parent");
      }
    }
    if (type.equals("comment") && record.getValue("target") instanceof String target) {
      JsonObject targetRecord = view.get(target);
      if (targetRecord == null || Set.of("board", "comment").contains(targetRecord.getString("type"))) {
        throw invalid("comment.target " + target + " is not an existing record to comment on");
      }
    }
    if (type.equals("connector")) {
      for (String end : new String[] {"from", "to"}) {
        String target = record.getString(end);
        JsonObject targetRecord = view.get(target);
        if (target.equals(id) || targetRecord == null
            || "connector".equals(targetRecord.getString("type"))
            || "board".equals(targetRecord.getString("type"))) {
          throw invalid("connector." + end + " " + target + " is not an existing connectable record");
        }
      }
    }
  }

  /**
   * A1–A2: viewers change nothing; commenters only add comments and change or remove their own;
   * nobody rewrites someone else's comment text (editors may still move, resolve or remove it).
   *
   * @param existing the record as it is now, null when a put creates it
   * @param writesText whether the change sets the text
   */
  private void authorize(String type, JsonObject existing, boolean writesText) {
    Role role = user.role();
    boolean comment = "comment".equals(type);
    boolean own = existing == null || userId.equals(existing.getValue("createdBy"));
    String refusal = null;
    if (role.canEdit()) {
      if (comment && writesText && !own) {
        refusal = "only its author can change a comment's text";
      }
    } else if (role != Role.COMMENTER) {
      refusal = "viewers cannot change the board";
    } else if (!comment || !own) {
      refusal = "commenters can only add comments and change their own";
    }
    if (refusal != null) {
      throw CrossboardException.ofChange(ErrorCode.ERR_FORBIDDEN, index, refusal);
    }
  }

  private static boolean isLocked(JsonObject record) {
    return Boolean.TRUE.equals(record.getValue("locked"));
  }

  private String id(Object value) {
    if (!RecordSchema.isValidId(value)) {
      throw invalid("id must be 1-64 characters of [A-Za-z0-9_-]");
    }
    return (String) value;
  }

  private CrossboardException invalid(String message) {
    return CrossboardException.ofChange(ErrorCode.ERR_INVALID_CHANGE, index, message);
  }

  private CrossboardException locked(String id) {
    return CrossboardException.ofChange(ErrorCode.ERR_LOCKED, index, "record " + id + " is locked");
  }
}
