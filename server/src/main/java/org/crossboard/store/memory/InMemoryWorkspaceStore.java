package org.crossboard.store.memory;

import io.vertx.core.Future;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.crossboard.store.Workspace;
import org.crossboard.store.WorkspaceStore;

/** Workspaces in memory. */
public final class InMemoryWorkspaceStore implements WorkspaceStore {
  private final Map<String, Workspace> workspaces = new ConcurrentHashMap<>();

  @Override
  public Future<Void> insert(Workspace workspace) {
    if (workspaces.putIfAbsent(workspace.id(), workspace) != null) {
      return Future.failedFuture(new IllegalStateException("workspace exists: " + workspace.id()));
    }
    return Future.succeededFuture();
  }

  @Override
  public Future<Workspace> get(String id) {
    return Future.succeededFuture(workspaces.get(id));
  }

  @Override
  public Future<List<Workspace>> byIds(Collection<String> ids) {
    return Future.succeededFuture(ids.stream().distinct().map(workspaces::get).filter(Objects::nonNull)
        .sorted(Comparator.comparingLong(Workspace::createdAt).thenComparing(Workspace::id)).toList());
  }
}
