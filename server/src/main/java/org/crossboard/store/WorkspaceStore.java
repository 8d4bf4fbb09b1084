package org.crossboard.store;

import io.vertx.core.Future;
import java.util.Collection;
import java.util.List;

/** Workspaces by id. */
public interface WorkspaceStore {
  Future<Void> insert(Workspace workspace);

  /** The workspace, or null. */
  Future<Workspace> get(String id);

  /** The workspaces that exist among {@code ids}, oldest first. */
  Future<List<Workspace>> byIds(Collection<String> ids);
}
