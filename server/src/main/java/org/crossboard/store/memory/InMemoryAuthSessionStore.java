package org.crossboard.store.memory;

import io.vertx.core.Future;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.crossboard.store.AuthSession;
import org.crossboard.store.AuthSessionStore;

/** Sessions in memory. */
public final class InMemoryAuthSessionStore implements AuthSessionStore {
  private final Map<String, AuthSession> sessions = new ConcurrentHashMap<>();

  @Override
  public Future<Void> insert(AuthSession session) {
    sessions.put(session.id(), session);
    return Future.succeededFuture();
  }

  @Override
  public Future<AuthSession> get(String id) {
    return Future.succeededFuture(sessions.get(id));
  }

  @Override
  public Future<Boolean> extend(String id, long expiresAt) {
    AuthSession after = sessions.computeIfPresent(id,
        (k, s) -> new AuthSession(s.id(), s.userId(), s.createdAt(), expiresAt));
    return Future.succeededFuture(after != null);
  }

  @Override
  public Future<Boolean> delete(String id) {
    return Future.succeededFuture(sessions.remove(id) != null);
  }

  @Override
  public Future<java.util.List<AuthSession>> byUser(String userId) {
    return Future.succeededFuture(sessions.values().stream().filter(s -> s.userId().equals(userId)).toList());
  }

  @Override
  public Future<Long> deleteExpired(long now) {
    long before = sessions.size();
    sessions.values().removeIf(s -> s.expiresAt() <= now);
    return Future.succeededFuture(before - sessions.size());
  }
}
