package org.crossboard.lifecycle;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import org.crossboard.pubsub.PubSub;

/**
 * Tells every node — this one included — about a board's lifecycle, on channel
 * {@code crossboard:boards}: a deleted board's connections close on every node (SPEC.md P9).
 */
public final class BoardEvents {
  public static final String CHANNEL = PubSub.CHANNEL_PREFIX + "boards";
  private final PubSub pubsub;

  public BoardEvents(PubSub pubsub) {
    this.pubsub = pubsub;
  }

  /** The board was deleted. */
  public Future<Void> deleted(String board) {
    return pubsub.publish(CHANNEL, new JsonObject().put("kind", "deleted").put("board", board).encode());
  }

  /** Delivers every event to {@code handler}. */
  public Future<PubSub.Subscription> subscribe(Handler<JsonObject> handler) {
    return pubsub.subscribe(CHANNEL, message -> handler.handle(new JsonObject(message)));
  }
}
