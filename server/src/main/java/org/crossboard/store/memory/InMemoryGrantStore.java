package org.crossboard.store.memory;

import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.crossboard.store.Grant;
import org.crossboard.store.GrantStore;

/** Grants in memory, keyed by scope and person. */
public final class InMemoryGrantStore implements GrantStore {
  private final Map<String, Grant> grants = new ConcurrentHashMap<>();

  private static String key(String scope, String userId) {
    return scope + "\n" + userId;
  }

  @Override
  public Future<Void> put(Grant grant) {
    grants.put(key(grant.scope(), grant.userId()), grant);
    return Future.succeededFuture();
  }

  @Override
  public Future<Grant> get(String scope, String userId) {
    return Future.succeededFuture(grants.get(key(scope, userId)));
  }

  @Override
  public Future<Boolean> remove(String scope, String userId) {
    return Future.succeededFuture(grants.remove(key(scope, userId)) != null);
  }

  @Override
  public Future<List<Grant>> byScope(String scope) {
    return Future.succeededFuture(grants.values().stream().filter(g -> g.scope().equals(scope)).toList());
  }

  @Override
  public Future<List<Grant>> byUser(String userId) {
    return Future.succeededFuture(grants.values().stream().filter(g -> g.userId().equals(userId)).toList());
  }

  @Override
  public Future<Integer> removeUserFromWorkspace(String workspace, String userId) {
    List<Grant> gone = grants.values().stream()
        .filter(g -> g.workspace().equals(workspace) && g.userId().equals(userId)).toList();
    gone.forEach(g -> grants.remove(key(g.scope(), g.userId())));
    return Future.succeededFuture(gone.size());
  }

  @Override
  public Future<Void> removeScope(String scope) {
    grants.values().removeIf(g -> g.scope().equals(scope));
    return Future.succeededFuture();
  }
}
