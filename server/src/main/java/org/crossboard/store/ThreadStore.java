package org.crossboard.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * Comment threads (docs/COMMENTS.md "A thread"): one JSON document per thread with at least
 * {@code _id} (String), {@code board} (String), {@code version} (long) and {@code createdAt}
 * (long); every other field is kept as given. Documents are changed only by compare-and-set on
 * {@code version}, so whichever node a change arrives at, the store orders it.
 *
 * <p>Documents come back equal ({@link JsonObject#equals}) to what was stored, nested objects and
 * arrays included; a {@link Long} stays a {@link Long} however small. Callers get their own copies.
 */
public interface ThreadStore {

  /** Stores a new thread; fails with {@link DuplicateKeyException} when {@code _id} is taken. */
  Future<Void> insert(JsonObject doc);

  /** The thread, or null. */
  Future<JsonObject> get(String id);

  /** The board's threads, oldest {@code createdAt} first (equal ones by {@code _id}). */
  Future<List<JsonObject>> listForBoard(String boardId);

  /**
   * Compare-and-set: replaces the stored thread with {@code _id} = {@code doc._id} by {@code doc}
   * (which carries the new version) only if the stored {@code version} equals
   * {@code expectedVersion}, atomically across nodes. False when the version did not match or no
   * such thread exists (nothing is created).
   */
  Future<Boolean> replace(JsonObject doc, long expectedVersion);

  /** Removes every thread of the board (the board is deleted). */
  Future<Void> deleteBoard(String boardId);
}
