package org.crossboard.store.memory;

import io.vertx.core.Future;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.crossboard.store.Invite;
import org.crossboard.store.InviteStore;

/** Invitations in memory; uses are taken with an atomic compute. */
public final class InMemoryInviteStore implements InviteStore {
  private final Map<String, Invite> invites = new ConcurrentHashMap<>();

  @Override
  public Future<Void> insert(Invite invite) {
    if (invites.putIfAbsent(invite.id(), invite) != null) {
      return Future.failedFuture(new IllegalStateException("invitation exists"));
    }
    return Future.succeededFuture();
  }

  @Override
  public Future<Invite> get(String id) {
    return Future.succeededFuture(invites.get(id));
  }

  @Override
  public Future<List<Invite>> byWorkspace(String workspace) {
    return Future.succeededFuture(invites.values().stream().filter(i -> i.workspace().equals(workspace))
        .sorted(Comparator.comparingLong(Invite::createdAt).reversed().thenComparing(Invite::id)).toList());
  }

  @Override
  public Future<Invite> use(String id, long now) {
    Invite[] taken = new Invite[1];
    invites.computeIfPresent(id, (k, i) -> {
      if (!i.usable(now)) {
        return i;
      }
      taken[0] = i.withOneUseTaken();
      return taken[0];
    });
    return Future.succeededFuture(taken[0]);
  }

  @Override
  public Future<Boolean> revoke(String id) {
    boolean[] revoked = new boolean[1];
    invites.computeIfPresent(id, (k, i) -> {
      revoked[0] = !i.revoked();
      return i.asRevoked();
    });
    return Future.succeededFuture(revoked[0]);
  }
}
