package org.crossboard.room;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.function.Supplier;
import org.crossboard.access.Principal;

/**
 * All a feature may do to a room. Every frame goes through the room's outbox; every change to the
 * board goes through its validated, durable write pipeline; timers end with the room.
 */
public interface RoomHandle {
  String boardId();

  /** The members in the room now, in join order (an unmodifiable snapshot). */
  List<? extends Member> members();

  /** One frame to one member (dropped if it has left). */
  void send(Member to, JsonObject frame);

  /** One frame to everyone in {@code audience}, encoded once for all of them. */
  void broadcast(JsonObject frame, Audience audience);

  /** A message to this board's rooms on other nodes (nothing is sent when there are none). */
  void publish(String kind, JsonObject body);

  /** Whether other nodes may have this board open (pub/sub between nodes is configured). */
  boolean clustered();

  /**
   * Writes changes as {@code as} through the same pipeline as client pushes: validated against the
   * board and the person's role, sequenced, durable, broadcast. Completes with the op's seq, or
   * fails with the refusal ({@code ERR_INVALID_CHANGE}, {@code ERR_FORBIDDEN}, …) or {@code ERR_UNAVAILABLE}.
   */
  Future<Long> write(Principal as, JsonArray changes);

  /**
   * A durable record of the board as this node has it now, or null. Read-only: features change the
   * board only through {@link #write}.
   */
  JsonObject record(String id);

  /** Every durable record of the board as this node has it now; read-only, and not to be kept. */
  Iterable<JsonObject> records();

  /** This room's instance of a feature's state, made by {@code init} on first use; dropped with the room. */
  <S> S state(Class<S> key, Supplier<S> init);

  /** A one-shot timer on the room's event loop, cancelled if the room closes first. */
  long setTimer(long delayMs, Handler<Long> handler);

  /** A periodic timer on the room's event loop, cancelled when the room closes. */
  long setPeriodic(long periodMs, Handler<Long> handler);

  void cancelTimer(long id);

  /** How this room sequences ops; for the replication feature, which keeps nodes in step. */
  Sequencer sequencer();
}
