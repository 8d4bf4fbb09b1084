package org.crossboard.store;

import io.vertx.core.Future;
import java.util.List;

/** Invitation links with their use counters. */
public interface InviteStore {
  Future<Void> insert(Invite invite);

  /** The invitation, or null. */
  Future<Invite> get(String id);

  /** A workspace's invitations, newest first. */
  Future<List<Invite>> byWorkspace(String workspace);

  /**
   * Takes one use atomically if the invitation is usable at {@code now}: the invitation after the
   * use, or null when it is unknown, revoked, expired or used up. Concurrent callers never take
   * more uses than the limit.
   */
  Future<Invite> use(String id, long now);

  /** True when the invitation existed and was not revoked before. */
  Future<Boolean> revoke(String id);
}
