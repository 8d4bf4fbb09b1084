package org.crossboard.store;

import io.vertx.core.Future;

/** Signed-in sessions. A token is only good while its session exists and has not expired. */
public interface AuthSessionStore {
  Future<Void> insert(AuthSession session);

  /** The session, or null. */
  Future<AuthSession> get(String id);

  /** Moves the expiry (renewal); false when the session is gone. */
  Future<Boolean> extend(String id, long expiresAt);

  /** True when a session was deleted. */
  Future<Boolean> delete(String id);

  /** The person's sessions (to end them all). */
  Future<java.util.List<AuthSession>> byUser(String userId);

  /** Deletes every session whose expiry is at or before {@code now}; how many went. */
  Future<Long> deleteExpired(long now);
}
