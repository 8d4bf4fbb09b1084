package org.crossboard.session;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.random.RandomGenerator;
import org.crossboard.access.Action;
import org.crossboard.audit.AuditLog;
import org.crossboard.room.FeatureRegistry;
import org.crossboard.room.Member;
import org.crossboard.room.OutgoingBatch;
import org.crossboard.room.RoomFeature;
import org.crossboard.room.RoomHandle;
import org.crossboard.store.AttendanceStore;
import org.crossboard.store.SessionStore;

/**
 * Live facilitated sessions on a board (docs/SESSIONS.md, SPEC.md L1–L10): the {@code session.*}
 * messages, the session's say over board changes (locks, phase rules, private mode), its state in
 * the welcome, and its messages between nodes. The rules are the domain's ({@link SessionRules});
 * a room's session lives in its {@link SessionRoom}.
 */
public final class SessionFeature implements RoomFeature {
  /** The messages only facilitators send; the router refuses them to anyone else before decoding (L1). */
  static final List<String> RUN = List.of("session.create", "session.update", "session.start", "session.end",
      "session.phase", "session.next", "session.timer", "session.lock", "session.private", "session.vote.open",
      "session.vote.close", "session.summon", "session.spotlight", "session.follow", "session.viewport",
      "session.breakouts");

  /** What the feature works with, chosen at the composition root. */
  public record Dependencies(SessionStore store, AttendanceStore attendance, AuditLog audit, RandomGenerator random) {}

  private final Dependencies deps;

  public SessionFeature(Dependencies deps) {
    this.deps = deps;
  }

  @Override
  public void register(FeatureRegistry registry) {
    for (String type : RUN) {
      message(registry, type, Action.RUN_SESSION);
    }
    message(registry, "session.vote.cast", Action.VOTE);
    message(registry, "session.hand", Action.RAISE_HAND);
    registry.changePolicy(room -> SessionPolicy.of(of(room).session(), room));
    registry.remote(SessionRoom.CHANGED, (room, node, body) -> of(room).changedElsewhere(body));
    registry.remote(SessionRoom.RELAY, (room, node, body) -> of(room).relayed(body));
  }

  private void message(FeatureRegistry registry, String type, Action needs) {
    registry.message(type, needs, (JsonObject frame) -> SessionCommand.decode(type, frame),
        (room, from, requestId, command) -> of(room).submit(from, requestId, command));
  }

  @Override
  public void onOpen(RoomHandle room) {
    of(room).open();
  }

  @Override
  public void onJoin(RoomHandle room, Member member, JsonObject welcome) {
    of(room).joined(member, welcome);
  }

  @Override
  public void onLeave(RoomHandle room, Member member) {
    of(room).left(member);
  }

  @Override
  public void onBatch(RoomHandle room, OutgoingBatch batch) {
    of(room).batchGoingOut();
  }

  @Override
  public void onClose(RoomHandle room) {
    of(room).close();
  }

  private SessionRoom of(RoomHandle room) {
    return room.state(SessionRoom.class, () -> new SessionRoom(room, deps));
  }
}
