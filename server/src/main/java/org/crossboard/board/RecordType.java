package org.crossboard.board;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.crossboard.access.Action;

/**
 * One kind of board record, described once (SPEC.md R2): its properties and their rules, which are
 * required, which {@link Action} a change needs, and what the server stamps on it. The validator
 * works from this description and the welcome sends it to clients, so neither keeps its own copy.
 *
 * @param props every property besides {@code id} and {@code type}, in a stable order
 * @param required the properties every record of this type carries
 * @param action what creating a record of this type, or changing or removing one's own, needs
 * @param othersAction what changing or removing a record someone else created needs
 * @param authorOnly properties only the record's creator may change, whatever the role
 * @param namesAuthor whether the server stamps {@value #AUTHOR_NAME} (the creator's display name) on the
 *     first put and keeps it afterwards, beyond the {@code created*}/{@code updated*} every record gets
 * @param singleton the board's own record: exactly one, id {@code board}, patched but never put or removed
 */
public record RecordType(String name, Map<String, PropSpec> props, Set<String> required, Action action,
    Action othersAction, Set<String> authorOnly, boolean namesAuthor, boolean singleton) {

  /** The server-owned property that carries the creator's display name. */
  public static final String AUTHOR_NAME = "authorName";

  public RecordType {
    props = Map.copyOf(props);
    required = Set.copyOf(required);
    authorOnly = Set.copyOf(authorOnly);
  }

  /** Starts describing a record type whose every change needs {@code action}. */
  public static Builder builder(String name, Action action) {
    return new Builder(name, action);
  }

  public boolean allows(String prop) {
    return props.containsKey(prop);
  }

  public boolean isRequired(String prop) {
    return required.contains(prop);
  }

  /** The reference properties of this type, by name. */
  public Map<String, PropSpec.Ref> references() {
    Map<String, PropSpec.Ref> refs = new LinkedHashMap<>();
    props.forEach((name, spec) -> {
      if (spec instanceof PropSpec.Ref ref) {
        refs.put(name, ref);
      }
    });
    return refs;
  }

  /** The description the welcome's schema carries. */
  public JsonObject toJson() {
    JsonObject json = new JsonObject();
    props.keySet().stream().sorted().forEach(p -> json.put(p, props.get(p).toJson().put("required", required.contains(p))));
    return new JsonObject().put("props", json).put("action", action.name()).put("othersAction", othersAction.name())
        .put("authorOnly", new JsonArray(authorOnly.stream().sorted().toList()))
        .put("namesAuthor", namesAuthor)
        .put("singleton", singleton);
  }

  /** Builds a {@link RecordType}. */
  public static final class Builder {
    private final String name;
    private final Action action;
    private final Map<String, PropSpec> props = new LinkedHashMap<>();
    private final Set<String> required = new LinkedHashSet<>();
    private final Set<String> authorOnly = new LinkedHashSet<>();
    private Action othersAction;
    private boolean singleton;
    private boolean namesAuthor;

    private Builder(String name, Action action) {
      this.name = name;
      this.action = action;
      this.othersAction = action;
    }

    public Builder required(String prop, PropSpec spec) {
      props.put(prop, spec);
      required.add(prop);
      return this;
    }

    public Builder optional(String prop, PropSpec spec) {
      props.put(prop, spec);
      return this;
    }

    /** Optional properties that share one rule set (e.g. the content props of notes, texts and shapes). */
    public Builder optional(Map<String, PropSpec> specs) {
      props.putAll(specs);
      return this;
    }

    /** What changing a record someone else created needs (default: the same as creating one). */
    public Builder othersNeed(Action needed) {
      this.othersAction = needed;
      return this;
    }

    /** Properties only the creator may change. */
    public Builder authorOnly(String... names) {
      authorOnly.addAll(List.of(names));
      return this;
    }

    /** The server stamps the creator's display name ({@value RecordType#AUTHOR_NAME}) on the first put. */
    public Builder namesAuthor() {
      this.namesAuthor = true;
      return this;
    }

    public Builder singleton() {
      this.singleton = true;
      return this;
    }

    public RecordType build() {
      return new RecordType(name, props, required, action, othersAction, authorOnly, namesAuthor, singleton);
    }
  }
}
