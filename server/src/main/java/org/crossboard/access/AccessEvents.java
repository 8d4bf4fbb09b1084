package org.crossboard.access;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import org.crossboard.pubsub.PubSub;

/**
 * Tells every node that someone's access changed, so open connections are re-checked at once
 * (SPEC.md A5): on channel {@code crossboard:access}, including this node. The event only says
 * whose access to re-check; each node reads the current roles from the store, so a lost or
 * reordered event can never grant anything.
 */
public final class AccessEvents {
  public static final String CHANNEL = PubSub.CHANNEL_PREFIX + "access";
  private final PubSub pubsub;

  public AccessEvents(PubSub pubsub) {
    this.pubsub = pubsub;
  }

  /** A person's role on a workspace (and so on all its boards) changed or was removed. */
  public Future<Void> memberChanged(String workspace, String userId) {
    return publish(new JsonObject().put("kind", "member").put("workspace", workspace).put("user", userId));
  }

  /** A person's role on one board changed or was removed. */
  public Future<Void> boardRoleChanged(String board, String userId) {
    return publish(new JsonObject().put("kind", "board").put("board", board).put("user", userId));
  }

  /** A session ended (sign-out): its connections close. */
  public Future<Void> sessionEnded(String session) {
    return publish(new JsonObject().put("kind", "session").put("session", session));
  }

  /** An invitation was revoked: guests who came through it lose access. */
  public Future<Void> inviteRevoked(String invite) {
    return publish(new JsonObject().put("kind", "invite").put("invite", invite));
  }

  private Future<Void> publish(JsonObject event) {
    return pubsub.publish(CHANNEL, event.encode());
  }

  /** Delivers every event (as published) to {@code handler}. */
  public Future<PubSub.Subscription> subscribe(Handler<JsonObject> handler) {
    return pubsub.subscribe(CHANNEL, message -> handler.handle(new JsonObject(message)));
  }

  /** Whether an event may concern a connection of {@code principal} on {@code board}. */
  public static boolean concerns(JsonObject event, Principal principal, String board) {
    return switch (event.getString("kind", "")) {
      case "member" -> principal.userId().equals(event.getString("user"))
          && event.getString("workspace", "").equals(principal.workspace());
      case "board" -> principal.userId().equals(event.getString("user")) && board.equals(event.getString("board"));
      case "session" -> principal.session() != null && principal.session().equals(event.getString("session"));
      case "invite" -> principal.invite() != null && principal.invite().equals(event.getString("invite"));
      default -> false;
    };
  }
}
