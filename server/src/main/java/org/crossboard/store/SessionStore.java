package org.crossboard.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * Live facilitated sessions (docs/SESSIONS.md): one JSON document per session with at least
 * {@code _id} (String), {@code board} (String), {@code version} (long), {@code state}
 * ({@code "scheduled"}, {@code "live"} or {@code "ended"}) and {@code createdAt} (long); every
 * other field is kept as given. A board has at most one <em>current</em> session, one whose state
 * is not {@code "ended"}. Documents are changed only by compare-and-set on {@code version}, so
 * every node serialises its changes through the store.
 *
 * <p>Documents come back equal ({@link JsonObject#equals}) to what was stored, nested objects and
 * arrays included; a {@link Long} stays a {@link Long} however small. Callers get their own copies.
 */
public interface SessionStore {

  /** The state of a session that is over; every other state makes a session its board's current one. */
  String ENDED = "ended";

  /** True when the session document counts as its board's current session. */
  static boolean isCurrent(JsonObject session) {
    return !ENDED.equals(session.getString("state"));
  }

  /**
   * Stores a new session. Fails with {@link DuplicateKeyException} when {@code _id} is taken, or
   * when the document is current and its board already has a current session.
   */
  Future<Void> insert(JsonObject doc);

  /** The session, or null. */
  Future<JsonObject> get(String id);

  /** The board's current session (state not {@code "ended"}), or null. */
  Future<JsonObject> current(String boardId);

  /** All of the board's sessions, newest {@code createdAt} first. */
  Future<List<JsonObject>> listForBoard(String boardId);

  /**
   * Compare-and-set: replaces the stored session with {@code _id} = {@code doc._id} by
   * {@code doc} (which carries the new version) only if the stored {@code version} equals
   * {@code expectedVersion}, atomically across nodes. False when the version did not match or no
   * such session exists (nothing is created). Fails with {@link DuplicateKeyException} when the
   * replacement would give its board a second current session.
   */
  Future<Boolean> replace(JsonObject doc, long expectedVersion);
}
