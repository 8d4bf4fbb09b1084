package org.crossboard.session;

import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.crossboard.access.Role;
import org.crossboard.board.PrivateRecords;
import org.crossboard.room.Audience;
import org.crossboard.room.Member;
import org.crossboard.room.RoomHandle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one room's people on this node are sent of its session (SPEC.md L1–L10): the views —
 * facilitators' and participants' — at most one pair every {@value #VIEW_INTERVAL_MS} ms, each
 * person's own dots when they changed, the count of private records instead of them (L5), and
 * frames for a {@link Target} here and, through the board's channel, on every other node. It only
 * reads the session; {@link SessionRoom} changes it. Event-loop confined.
 */
final class SessionBroadcast {
  /** Views go out at most this often: a burst of ballots moves the chain head ten times a second, not per ballot. */
  static final long VIEW_INTERVAL_MS = 100;
  private static final Logger LOG = LoggerFactory.getLogger(SessionBroadcast.class);

  private final RoomHandle room;
  private final Supplier<Session> session;
  /** The {@code mine} view each person was last sent from here, to send only what changed. */
  private final Map<String, String> mineSent = new HashMap<>();
  private boolean viewsDue;
  private long viewsSentAt;
  private long viewTimer = -1;
  /** The hidden-record count last sent (-1: none yet), so a batch sends it only when it moved. */
  private int hiddenSent = -1;

  SessionBroadcast(RoomHandle room, Supplier<Session> session) {
    this.room = room;
    this.session = session;
  }

  /** Who a session frame is for; named so it can travel to other nodes. */
  record Target(String kind, String value) {
    static final Target EVERYONE = new Target("everyone", null);
    static final Target PARTICIPANTS = new Target("participants", null);

    static Target person(String userId) {
      return new Target("person", userId);
    }

    static Target group(String groupId) {
      return new Target("group", groupId);
    }

    /** A breakout group's people (and the facilitators), or everyone when {@code groupId} is null. */
    static Target groupOrEveryone(String groupId) {
      return groupId == null ? EVERYONE : group(groupId);
    }

    JsonObject toJson() {
      return new JsonObject().put("kind", kind).put("value", value);
    }

    static Target fromJson(JsonObject json) {
      return new Target(json.getString("kind"), json.getString("value"));
    }
  }

  /** The welcome's session as this member may see it, and their own dots. */
  void welcome(Member member, JsonObject welcome) {
    Session current = session.get();
    JsonObject view = current == null ? null
        : (member.principal().role().atLeast(Role.FACILITATOR) ? SessionViews.forFacilitators(current)
            : SessionViews.forParticipants(current)).put("hidden", hiddenCount());
    welcome.put("session", view);
    welcome.put("sessionMine", mine(member.principal().userId()));
  }

  /** The person has no socket here any more: their dots are sent whole when they are back. */
  void forget(String userId) {
    mineSent.remove(userId);
  }

  /** The session changed: views go out now, or at the end of the interval when some went out lately. */
  void changed() {
    viewsDue = true;
    long wait = viewsSentAt + VIEW_INTERVAL_MS - System.currentTimeMillis();
    if (wait <= 0) {
      sendViews();
    } else if (viewTimer < 0) {
      viewTimer = room.setTimer(wait, t -> {
        viewTimer = -1;
        sendViews();
      });
    }
  }

  /**
   * Durable ops are going out: while private mode is on, everyone gets the number of private records
   * when it moved — the placeholder for what they may not see (L5). Every node counts its own.
   */
  void batchGoingOut() {
    int hidden = hiddenCount();
    if (hidden != hiddenSent && (hidden > 0 || hiddenSent > 0)) {
      hiddenSent = hidden;
      room.broadcast(new JsonObject().put("t", "session.private").put("hidden", hidden), Audience.EVERYONE);
    }
  }

  /** A voter's own dots, to every tab of theirs on every node, at once (not with the coalesced views). */
  void sendMine(String userId) {
    JsonObject mine = mine(userId);
    mineSent.put(userId, mine.encode());
    everywhere(new JsonObject().put("t", "session.mine").put("vote", mine), Target.person(userId));
  }

  /** To the people here and, through the board's channel, on every other node. */
  void everywhere(JsonObject frame, Target to) {
    deliver(frame, to);
    room.publish(SessionRoom.RELAY, relay(frame, to));
  }

  /** The relay message for {@code frame}: what {@link SessionRoom#relayed} reads on another node. */
  static JsonObject relay(JsonObject frame, Target to) {
    return new JsonObject().put("frame", frame).put("to", to.toJson());
  }

  /** To the people here only. */
  void deliver(JsonObject frame, Target to) {
    switch (to.kind()) {
      case "everyone" -> room.broadcast(frame, Audience.EVERYONE);
      case "participants" -> room.broadcast(frame, Audience.PARTICIPANTS);
      case "person" -> room.broadcast(frame, Audience.person(to.value()));
      case "group" -> {
        Session current = session.get();
        List<String> members = current == null ? List.of()
            : current.group(to.value()).map(BreakoutGroup::members).orElse(List.of());
        room.broadcast(frame, Audience.matching(m -> members.contains(m.principal().userId())
            || m.principal().role().atLeast(Role.FACILITATOR)));
      }
      default -> LOG.warn("unknown session relay target {}", to.kind());
    }
  }

  private void sendViews() {
    Session current = session.get();
    if (!viewsDue || current == null) {
      return;
    }
    viewsDue = false;
    viewsSentAt = System.currentTimeMillis();
    int hidden = hiddenCount();
    hiddenSent = hidden;
    room.broadcast(frame(SessionViews.forFacilitators(current), hidden), Audience.FACILITATORS);
    room.broadcast(frame(SessionViews.forParticipants(current), hidden), Audience.PARTICIPANTS);
    for (Member member : room.members()) {
      String user = member.principal().userId();
      JsonObject mine = mine(user);
      String encoded = mine.encode();
      if (!encoded.equals(mineSent.get(user))) {
        mineSent.put(user, encoded);
        room.broadcast(new JsonObject().put("t", "session.mine").put("vote", mine), Audience.person(user));
      }
    }
  }

  private static JsonObject frame(JsonObject view, int hidden) {
    return new JsonObject().put("t", "session").put("session", view).put("hidden", hidden);
  }

  private JsonObject mine(String userId) {
    Session current = session.get();
    return current == null ? new JsonObject().put("vote", (Object) null) : SessionViews.mine(current, userId);
  }

  /** How many records of the open private round exist (what participants see instead of them). */
  private int hiddenCount() {
    Session current = session.get();
    if (current == null || !current.privateModeOn()) {
      return 0;
    }
    int hidden = 0;
    for (JsonObject record : room.records()) {
      JsonObject mark = PrivateRecords.markOf(record);
      if (mark != null && mark.getInteger("round", 0) == current.privateRound()) {
        hidden++;
      }
    }
    return hidden;
  }
}
