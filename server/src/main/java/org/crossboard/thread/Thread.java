package org.crossboard.thread;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.crossboard.error.CrossboardException;

/**
 * A comment thread on a board (docs/COMMENTS.md "A thread"): its anchor, kind, state and comments.
 * Mutable, and stored as one document ({@link #toJson}) replaced compare-and-set on
 * {@link #version}; after {@link #create} only {@link ThreadRules} changes it, so every change is
 * a command or its record's removal or return. Comments are never deleted from the document, only
 * made tombstones, so a thread's comment ids stay stable.
 */
public final class Thread {
  public static final String QUESTION = "question";
  public static final String SUGGESTION = "suggestion";
  public static final String REFERENCE = "reference";
  public static final String DECISION = "decision";
  public static final String PLAIN = "plain";
  /** SPEC.md K4. */
  public static final Set<String> KINDS = Set.of(QUESTION, SUGGESTION, REFERENCE, DECISION, PLAIN);
  public static final String OPEN = "open";
  public static final String RESOLVED = "resolved";

  private final String id;
  private final String boardId;
  private final String workspaceId;
  private long version;
  Anchor anchor;
  private final String kind;
  Author resolvedBy;
  Long resolvedAt;
  private boolean orphaned;
  private final long createdAt;
  private final Author createdBy;
  final List<Comment> comments;

  private Thread(JsonObject doc) {
    id = doc.getString("_id");
    boardId = doc.getString("board");
    workspaceId = doc.getString("workspace");
    version = doc.getLong("version");
    anchor = Anchor.fromJson(doc.getJsonObject("anchor"));
    kind = doc.getString("kind");
    JsonObject resolvedByJson = doc.getJsonObject("resolvedBy");
    resolvedBy = RESOLVED.equals(doc.getString("state")) && resolvedByJson != null
        ? Author.fromJson(resolvedByJson) : null;
    resolvedAt = doc.getLong("resolvedAt");
    orphaned = doc.getBoolean("orphaned", false);
    createdAt = doc.getLong("createdAt");
    createdBy = Author.fromJson(doc.getJsonObject("createdBy"));
    comments = new ArrayList<>();
    doc.getJsonArray("comments").forEach(c -> comments.add(Comment.fromJson((JsonObject) c)));
  }

  /**
   * A new open thread from a validated {@code thread.create}, its body the first comment, stamped
   * with the actor and {@code now} (SPEC.md K1). {@code ERR_FORBIDDEN} below commenter. Version 0:
   * not yet stored.
   */
  public static Thread create(String id, String boardId, String workspaceId, ThreadCommand.Create cmd, Actor actor,
      String commentId, long now) {
    if (!actor.mayComment()) {
      throw CrossboardException.forbidden("starting a thread needs commenter or up");
    }
    Author author = actor.author();
    Comment first = Comment.create(commentId, author, cmd.body(), cmd.lang(), cmd.link(), cmd.mentions(), now);
    JsonObject doc = new JsonObject().put("_id", id).put("board", boardId).put("workspace", workspaceId)
        .put("version", 0L).put("anchor", cmd.anchor().toJson()).put("kind", cmd.kind()).put("state", OPEN)
        .put("resolvedBy", null).put("resolvedAt", null).put("orphaned", false)
        .put("createdAt", now).put("createdBy", author.toJson())
        .put("comments", new JsonArray().add(first.toJson()));
    return new Thread(doc);
  }

  /** The thread of a stored document; the exact inverse of {@link #toJson}. */
  public static Thread fromJson(JsonObject doc) {
    return new Thread(doc);
  }

  /** The stored document. */
  public JsonObject toJson() {
    return new JsonObject().put("_id", id).put("board", boardId).put("workspace", workspaceId).put("version", version)
        .put("anchor", anchor.toJson()).put("kind", kind).put("state", resolved() ? RESOLVED : OPEN)
        .put("resolvedBy", resolvedBy == null ? null : resolvedBy.ref()).put("resolvedAt", resolvedAt)
        .put("orphaned", orphaned).put("createdAt", createdAt).put("createdBy", createdBy.toJson())
        .put("comments", new JsonArray(comments.stream().map(Comment::toJson).toList()));
  }

  /** An independent copy, to apply a command to without touching this one until it is stored. */
  public Thread copy() {
    return new Thread(toJson());
  }

  /**
   * What clients get (the {@code thread} message, REST): {@code id} instead of {@code _id}, no
   * workspace, removed comments as tombstones (author, times, who removed it).
   */
  public JsonObject view() {
    JsonObject json = toJson();
    json.remove("_id");
    json.remove("workspace");
    return new JsonObject().put("id", id).mergeIn(json)
        .put("comments", new JsonArray(comments.stream().map(Comment::view).toList()));
  }

  public String id() {
    return id;
  }

  public String boardId() {
    return boardId;
  }

  public String workspaceId() {
    return workspaceId;
  }

  public long version() {
    return version;
  }

  public void version(long v) {
    version = v;
  }

  public Anchor anchor() {
    return anchor;
  }

  public String kind() {
    return kind;
  }

  public boolean resolved() {
    return resolvedBy != null;
  }

  /** Who resolved it; null while open. */
  public Author resolvedBy() {
    return resolvedBy;
  }

  /** When it was resolved; null while open. */
  public Long resolvedAt() {
    return resolvedAt;
  }

  /** Its record was removed (SPEC.md K2); the thread is kept, shown apart until the record returns. */
  public boolean orphaned() {
    return orphaned;
  }

  public void orphaned(boolean o) {
    orphaned = o;
  }

  public long createdAt() {
    return createdAt;
  }

  public Author createdBy() {
    return createdBy;
  }

  /** All comments in the order written, tombstones included. */
  public List<Comment> comments() {
    return Collections.unmodifiableList(comments);
  }

  /** The comment with this id, or null. */
  public Comment comment(String commentId) {
    return comments.stream().filter(c -> c.id().equals(commentId)).findFirst().orElse(null);
  }

  /** User ids of everyone who wrote a comment that is not removed, in the order they first wrote. */
  public Set<String> participants() {
    Set<String> ids = new LinkedHashSet<>();
    comments.stream().filter(c -> !c.isRemoved()).forEach(c -> ids.add(c.author().id()));
    return ids;
  }

  /** Replaces the comment with the same id. */
  void put(Comment c) {
    comments.replaceAll(old -> old.id().equals(c.id()) ? c : old);
  }
}
