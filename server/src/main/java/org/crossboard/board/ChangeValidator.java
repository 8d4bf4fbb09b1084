package org.crossboard.board;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.crossboard.access.Action;
import org.crossboard.access.Principal;
import org.crossboard.error.CrossboardException;
import org.crossboard.error.ErrorCode;

/**
 * Validates a push's changes one by one against a staging view, following the record types'
 * descriptions (SPEC.md R1–R6, C1–C6, A6, T1–T8), applying each to the view so later changes see
 * earlier ones, and produces the canonical changes: stamped, no-ops dropped, removals expanded
 * along cascading references, splices transformed to where they apply now.
 */
final class ChangeValidator {
  private final RecordTypes types;
  private final RecordView view;
  private final Principal user;
  private final String userId;
  private final long now;
  private final SpliceMerger merger;
  private final ChangePolicy policy;
  private final Set<String> spliced = new LinkedHashSet<>();
  private int index;

  /**
   * @param merger where this push's splices are transformed (it knows the board's recent text writes)
   * @param policy the room's say over each canonical change (session locks, private mode)
   */
  ChangeValidator(RecordTypes types, RecordView view, Principal user, long now, SpliceMerger merger,
      ChangePolicy policy) {
    this.types = types;
    this.view = view;
    this.user = user;
    this.userId = user.userId();
    this.now = now;
    this.merger = merger;
    this.policy = policy;
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
        case "splice" -> splice(change);
        default -> throw invalid("op must be put, patch, remove or splice");
      };
      for (JsonObject c : out) {
        accept(c, canonical);
      }
    }
    // R6: splices are stamped once per record and push, after them (the stamps of one push are all the same)
    for (String id : spliced) {
      if (view.get(id) != null) {
        accept(CanonicalChanges.patch(id, new JsonObject().put("updatedBy", userId).put("updatedAt", now)), canonical);
      }
    }
    return canonical;
  }

  /** The room's policy has its say (it may refuse or mark the change), then the change applies to the view. */
  private void accept(JsonObject change, JsonArray canonical) {
    String id = change.getValue("record") instanceof JsonObject record ? record.getString("id") : change.getString("id");
    JsonObject reviewed;
    try {
      reviewed = policy.review(user, change, view.get(id));
    } catch (CrossboardException refused) {
      throw CrossboardException.ofChange(refused.code(), index, refused.getMessage());
    }
    CanonicalChanges.apply(view, reviewed);
    canonical.add(reviewed);
  }

  private JsonObject put(JsonObject change) {
    if (!(change.getValue("record") instanceof JsonObject input)) {
      throw invalid("put needs a record object");
    }
    String id = id(input.getValue("id"));
    Object typeValue = input.getValue("type");
    RecordType type = typeValue instanceof String name ? types.get(name) : null;
    if (type == null) {
      throw invalid("unknown record type: " + typeValue);
    }
    if (type.singleton() || id.equals(RecordTypes.BOARD_RECORD_ID)) {
      throw invalid("the board record can only be patched");
    }
    JsonObject existing = view.get(id);
    authorize(type, existing, existing == null ? "create" : "change", input);
    if (existing != null && !existing.getString("type").equals(type.name())) {
      throw invalid("record " + id + " is a " + existing.getString("type") + "; its type cannot change");
    }
    if (existing != null && isLocked(existing)) {
      throw locked(id);
    }
    JsonObject record = new JsonObject().put("id", id).put("type", type.name());
    for (Map.Entry<String, Object> prop : input) {
      String key = prop.getKey();
      if (key.equals("id") || key.equals("type") || types.isServerOwned(key) || prop.getValue() == null) {
        continue;
      }
      checkProp(type, key, prop.getValue());
      record.put(key, prop.getValue());
    }
    for (String required : type.required()) {
      if (!record.containsKey(required)) {
        throw invalid(type.name() + "." + required + " is required");
      }
    }
    checkReferences(id, type, record);
    record.put("createdBy", existing != null ? existing.getValue("createdBy") : userId);
    record.put("createdAt", existing != null ? existing.getValue("createdAt") : now);
    record.put("updatedBy", userId).put("updatedAt", now);
    if (type.namesAuthor()) {
      record.put(RecordType.AUTHOR_NAME, existing != null ? existing.getValue(RecordType.AUTHOR_NAME) : user.name());
    }
    merger.replaced(id, null);
    return CanonicalChanges.put(record);
  }

  private List<JsonObject> patch(JsonObject change) {
    String id = id(change.getValue("id"));
    if (!(change.getValue("props") instanceof JsonObject input)) {
      throw invalid("patch needs a props object");
    }
    JsonObject existing = view.get(id);
    if (existing == null) {
      authorizeAny("change");
      return List.of(); // C3
    }
    RecordType type = types.get(existing.getString("type"));
    authorize(type, existing, "change", input);
    JsonObject props = new JsonObject();
    for (Map.Entry<String, Object> prop : input) {
      String key = prop.getKey();
      if (types.isServerOwned(key)) {
        continue;
      }
      if (key.equals("id") || key.equals("type")) {
        throw invalid(key + " cannot be patched");
      }
      if (prop.getValue() == null) {
        if (!type.allows(key)) {
          throw invalid(type.name() + "." + key + " is not a known property");
        }
        if (type.isRequired(key)) {
          throw invalid(type.name() + "." + key + " is required and cannot be cleared");
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
    props.fieldNames().forEach(prop -> merger.replaced(id, prop));
    props.put("updatedBy", userId).put("updatedAt", now);
    return List.of(CanonicalChanges.patch(id, props));
  }

  private List<JsonObject> remove(JsonObject change) {
    String id = id(change.getValue("id"));
    JsonObject existing = view.get(id);
    if (id.equals(RecordTypes.BOARD_RECORD_ID) || existing != null && types.get(existing.getString("type")).singleton()) {
      throw invalid("the board record cannot be removed");
    }
    if (existing == null) {
      authorizeAny("remove");
      return List.of(); // C3
    }
    authorize(types.get(existing.getString("type")), existing, "remove", new JsonObject());
    Set<String> removed = new LinkedHashSet<>();
    removed.add(id);
    boolean grew = true;
    while (grew) { // C5: whatever refers to a removed record through a cascading reference, to a fixpoint
      grew = false;
      for (JsonObject record : view.all()) {
        String rid = record.getString("id");
        if (!removed.contains(rid) && refersToAny(record, removed)) {
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
      merger.replaced(rid, null);
    }
    return out;
  }

  /**
   * T1–T8: a splice of a merging text prop, transformed over what others wrote to it since its
   * {@code base}, checked against the prop's rules, and written as the splices that apply it now.
   */
  private List<JsonObject> splice(JsonObject change) {
    String id = id(change.getValue("id"));
    if (!(change.getValue("prop") instanceof String prop)) {
      throw invalid("splice needs a prop");
    }
    long base = wholeNumber(change, "base", Long.MAX_VALUE);
    int at = (int) wholeNumber(change, "at", Integer.MAX_VALUE / 4);
    int delete = (int) wholeNumber(change, "delete", Integer.MAX_VALUE / 4);
    Object insertValue = change.getValue("insert");
    if (insertValue != null && !(insertValue instanceof String)) {
      throw invalid("splice insert must be a string");
    }
    String insert = insertValue == null ? "" : (String) insertValue;
    if (!isWellFormed(insert)) {
      throw invalid("splice insert must be well-formed text (no lone surrogates)");
    }
    JsonObject existing = view.get(id);
    if (existing == null) {
      authorizeAny("change");
      return List.of(); // C3
    }
    RecordType type = types.get(existing.getString("type"));
    if (!(type.props().get(prop) instanceof PropSpec.Text text) || !text.merges()) {
      throw invalid(type.name() + "." + prop + " does not take splices");
    }
    if (at > text.maxLength() || delete > text.maxLength() || insert.length() > text.maxLength()) {
      throw invalid(type.name() + "." + prop + " splice positions and insert must be within " + text.maxLength()
          + " characters");
    }
    String current = existing.getValue(prop) instanceof String s ? s : "";
    List<Splice> applied = merger.rebase(id, prop, base, new Splice(at, delete, insert), current);
    String after = Splices.apply(current, applied);
    authorize(type, existing, "change", new JsonObject().put(prop, after));
    if (isLocked(existing)) {
      throw locked(id);
    }
    String problem = text.check(after);
    if (problem != null) {
      throw invalid(type.name() + "." + prop + " " + problem);
    }
    List<JsonObject> out = new ArrayList<>(applied.size());
    applied.forEach(s -> out.add(s.toChange(id, prop)));
    if (!out.isEmpty()) {
      spliced.add(id);
    }
    return out;
  }

  private long wholeNumber(JsonObject change, String field, long max) {
    if (change.getValue(field) instanceof Number n && (n instanceof Integer || n instanceof Long)
        && n.longValue() >= 0 && n.longValue() <= max) {
      return n.longValue();
    }
    throw invalid("splice " + field + " must be a non-negative integer" + (max < Long.MAX_VALUE ? " up to " + max : ""));
  }

  private static boolean isWellFormed(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
          return false;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  private boolean refersToAny(JsonObject record, Set<String> ids) {
    RecordType type = types.get(record.getString("type"));
    for (Map.Entry<String, PropSpec.Ref> ref : types.referencesOf(type).entrySet()) {
      if (ref.getValue().cascade() && ids.contains(record.getValue(ref.getKey()))) {
        return true;
      }
    }
    return false;
  }

  private void checkProp(RecordType type, String key, Object value) {
    PropSpec spec = type.props().get(key);
    if (spec == null) {
      throw invalid(type.name() + "." + key + " is not a known property");
    }
    String problem = spec.check(value);
    if (problem != null) {
      throw invalid(type.name() + "." + key + " " + problem);
    }
  }

  /** R4, R5: every reference names an existing record of a type it may refer to, never itself, never in a cycle. */
  private void checkReferences(String id, RecordType type, JsonObject record) {
    for (Map.Entry<String, PropSpec.Ref> entry : types.referencesOf(type).entrySet()) {
      String prop = entry.getKey();
      PropSpec.Ref ref = entry.getValue();
      if (!(record.getValue(prop) instanceof String targetId)) {
        continue;
      }
      JsonObject target = view.get(targetId);
      if (target == null || targetId.equals(id) || !ref.accepts(target.getString("type"))) {
        throw invalid(prop.equals("parent")
            ? "parent " + targetId + " is not an existing frame"
            : type.name() + "." + prop + " " + targetId + " is not an existing record it can refer to");
      }
      if (ref.acyclic()) {
        String cursor = targetId;
        for (int steps = 0; cursor != null; steps++) {
          if (cursor.equals(id) || steps > 10_000) {
            throw invalid(prop + " " + targetId + " would make a cycle");
          }
          JsonObject ancestor = view.get(cursor);
          cursor = ancestor == null ? null : ancestor.getString(prop);
        }
      }
    }
  }

  /**
   * A1, A6: the change needs the type's action, or its {@code othersAction} on a record someone else
   * created; and properties only the creator may change stay as they are for everyone else.
   *
   * @param existing the record as it is now, null when a put creates it
   * @param verb what the change does, for the refusal: create, change or remove
   * @param written the properties the change writes
   */
  private void authorize(RecordType type, JsonObject existing, String verb, JsonObject written) {
    boolean own = existing == null || userId.equals(existing.getValue("createdBy"));
    Action needed = own ? type.action() : type.othersAction();
    if (!needed.allows(user.role())) {
      throw forbidden("role " + user.role().wire() + " may not " + verb + " " + type.name() + " records"
          + (own ? "" : " created by someone else"));
    }
    if (!own) {
      for (String prop : type.authorOnly()) {
        if (written.containsKey(prop) && !Objects.equals(written.getValue(prop), existing.getValue(prop))) {
          throw forbidden("only its author can change a " + type.name() + "'s " + prop);
        }
      }
    }
  }

  /**
   * A change to a record that does not exist (C3) changes nothing, but still needs a role that may
   * change some kind of record: a viewer's push is refused whatever it names.
   */
  private void authorizeAny(String verb) {
    if (!types.weakestAction().allows(user.role())) {
      throw forbidden("role " + user.role().wire() + " may not " + verb + " records");
    }
  }

  private static boolean isLocked(JsonObject record) {
    return Boolean.TRUE.equals(record.getValue("locked"));
  }

  private String id(Object value) {
    if (!RecordTypes.isValidId(value)) {
      throw invalid("id must be 1-64 characters of [A-Za-z0-9_-]");
    }
    return (String) value;
  }

  private CrossboardException invalid(String message) {
    return CrossboardException.ofChange(ErrorCode.ERR_INVALID_CHANGE, index, message);
  }

  private CrossboardException forbidden(String message) {
    return CrossboardException.ofChange(ErrorCode.ERR_FORBIDDEN, index, message);
  }

  private CrossboardException locked(String id) {
    return CrossboardException.ofChange(ErrorCode.ERR_LOCKED, index, "record " + id + " is locked");
  }
}
