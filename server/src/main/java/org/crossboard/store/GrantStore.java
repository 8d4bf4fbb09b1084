package org.crossboard.store;

import io.vertx.core.Future;
import java.util.List;

/** Roles per (scope, person): at most one grant each, replaced on change. */
public interface GrantStore {

  /** Creates or replaces the grant of {@code grant.userId()} on {@code grant.scope()}. */
  Future<Void> put(Grant grant);

  /** The grant, or null. */
  Future<Grant> get(String scope, String userId);

  /** True when a grant was removed. */
  Future<Boolean> remove(String scope, String userId);

  /** Everyone with a role on the scope. */
  Future<List<Grant>> byScope(String scope);

  /** Every role the person has, on any scope. */
  Future<List<Grant>> byUser(String userId);

  /** Removes the person's grants on the workspace and all its boards; how many went. */
  Future<Integer> removeUserFromWorkspace(String workspace, String userId);

  /** Removes every grant on the scope (the board was deleted). */
  Future<Void> removeScope(String scope);
}
