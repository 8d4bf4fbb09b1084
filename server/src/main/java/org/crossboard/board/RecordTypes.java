package org.crossboard.board;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.crossboard.access.Action;

/**
 * The record types a server knows (the board core's and those features register), with what follows
 * from them: the server-owned properties and each type's references. Immutable;
 * built once at the composition root.
 */
public final class RecordTypes {
  /** The fixed id of the board's own record. */
  public static final String BOARD_RECORD_ID = "board";

  /** Stamped by the server on every record; values sent by clients are dropped (SPEC.md R6). */
  public static final List<String> STAMPED = List.of("createdBy", "createdAt", "updatedBy", "updatedAt");

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  private final Map<String, RecordType> types;
  private final Set<String> serverOwned;
  /** Each type's reference properties, computed once: the validator asks for them per record. */
  private final Map<String, Map<String, PropSpec.Ref>> references;
  private final JsonObject schema;
  private final Action weakestAction;

  private RecordTypes(Map<String, RecordType> types) {
    this.types = types;
    Set<String> owned = new LinkedHashSet<>(STAMPED);
    owned.add(PrivateRecords.PROP); // only the server marks a record private (L5)
    Map<String, Map<String, PropSpec.Ref>> refs = new HashMap<>();
    for (RecordType type : types.values()) {
      if (type.namesAuthor()) {
        owned.add(RecordType.AUTHOR_NAME);
      }
      refs.put(type.name(), Collections.unmodifiableMap(type.references()));
    }
    this.serverOwned = Set.copyOf(owned);
    this.weakestAction = types.values().stream().map(RecordType::action)
        .max(Comparator.comparing(a -> a.minimum().ordinal())).orElse(Action.PUSH_EDIT);
    this.references = Map.copyOf(refs);
    JsonObject described = new JsonObject();
    types.values().forEach(t -> described.put(t.name(), t.toJson()));
    this.schema = new JsonObject().put("types", described)
        .put("serverOwned", new JsonArray(owned.stream().toList()))
        .put("boardRecordId", BOARD_RECORD_ID);
  }

  /** The given types; names must be unique. */
  public static RecordTypes of(Collection<RecordType> all) {
    Map<String, RecordType> byName = new LinkedHashMap<>();
    for (RecordType type : all) {
      if (byName.put(type.name(), type) != null) {
        throw new IllegalArgumentException("record type " + type.name() + " is registered twice");
      }
    }
    return new RecordTypes(byName);
  }

  /** The board core's types plus {@code more}. */
  public static RecordTypes withCore(Collection<RecordType> more) {
    List<RecordType> all = new ArrayList<>(CoreRecordTypes.ALL);
    all.addAll(more);
    return of(all);
  }

  public static boolean isValidId(Object id) {
    return id instanceof String s && ID.matcher(s).matches();
  }

  /** The type with that name, or null. */
  public RecordType get(String name) {
    return types.get(name);
  }

  /** Properties only the server writes: dropped from client puts and patches. */
  public boolean isServerOwned(String prop) {
    return serverOwned.contains(prop);
  }

  /** The action of the record type the weakest role may change: without it, a push changes nothing. */
  public Action weakestAction() {
    return weakestAction;
  }

  /** The reference properties of a known type, by name, in the order the type declares them. */
  public Map<String, PropSpec.Ref> referencesOf(RecordType type) {
    return references.get(type.name());
  }

  /** What the welcome tells clients about records (docs/PROTOCOL.md "Schema"); shared, do not modify. */
  public JsonObject schema() {
    return schema;
  }
}
