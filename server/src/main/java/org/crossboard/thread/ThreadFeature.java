package org.crossboard.thread;

import io.vertx.core.json.JsonObject;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.crossboard.access.Action;
import org.crossboard.access.BoardRoles;
import org.crossboard.room.FeatureRegistry;
import org.crossboard.room.Member;
import org.crossboard.room.RoomFeature;
import org.crossboard.room.RoomHandle;
import org.crossboard.store.BoardCatalog;
import org.crossboard.store.NotificationStore;
import org.crossboard.store.Op;
import org.crossboard.store.ThreadStore;

/**
 * Comment threads on a board (docs/COMMENTS.md, SPEC.md K1–K10): the {@code thread.*} messages,
 * the board's threads in the welcome, threads following their records (orphaned when one is
 * removed, back when it returns), and each member's notifications while they are on the board
 * ({@link Inboxes}). The rules are the domain's ({@link ThreadRules}); a room's threads live in its
 * {@link ThreadRoom}.
 */
public final class ThreadFeature implements RoomFeature {
  static final List<String> TYPES = List.of("thread.create", "thread.reply", "thread.edit", "thread.remove",
      "thread.resolve", "thread.react", "thread.move");

  /** What the feature works with, chosen at the composition root. */
  public record Dependencies(ThreadStore threads, NotificationStore notifications, BoardCatalog boards,
      BoardRoles boardRoles, Inboxes inboxes, SecureRandom random) {}

  private final Dependencies deps;
  private final Notifier notifier;
  /** Each member's notification listener, to stop it when they leave. */
  private final Map<Member, Consumer<JsonObject>> listening = new HashMap<>();

  public ThreadFeature(Dependencies deps) {
    this.deps = deps;
    this.notifier = new Notifier(deps);
  }

  @Override
  public void register(FeatureRegistry registry) {
    for (String type : TYPES) {
      // commenters and up write; who may edit, remove, resolve or move what is the domain's (K3, K4)
      registry.message(type, Action.PUSH_COMMENT, (JsonObject frame) -> ThreadCommand.decode(type, frame),
          (room, from, requestId, command) -> of(room).submit(from, requestId, command));
    }
    registry.remote(ThreadRoom.CHANGED, (room, node, body) -> of(room).changedElsewhere(body));
  }

  @Override
  public void onOpen(RoomHandle room) {
    of(room).open();
  }

  @Override
  public void onJoin(RoomHandle room, Member member, JsonObject welcome) {
    welcome.put("threads", of(room).views());
    Consumer<JsonObject> listener = frame -> room.send(member, frame);
    listening.put(member, listener);
    deps.inboxes().listen(member.principal().userId(), listener);
  }

  @Override
  public void onLeave(RoomHandle room, Member member) {
    Consumer<JsonObject> listener = listening.remove(member);
    if (listener != null) {
      deps.inboxes().stopListening(member.principal().userId(), listener);
    }
  }

  @Override
  public void afterDurable(RoomHandle room, List<Op> ops) {
    of(room).recordsChanged(ops);
  }

  private ThreadRoom of(RoomHandle room) {
    return room.state(ThreadRoom.class, () -> new ThreadRoom(room, deps, notifier));
  }
}
