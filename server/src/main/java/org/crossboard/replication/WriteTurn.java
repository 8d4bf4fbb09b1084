package org.crossboard.replication;

import io.vertx.core.json.JsonObject;
import org.crossboard.room.RoomHandle;
import org.crossboard.room.Sequencer;

/**
 * Turn-taking between nodes that write the same board. When another node loses a seq race it asks
 * for a turn, and this node holds its writes for {@link #HOLD_MS} or until that node's ops arrive.
 * Without it the faster node wins every race and the other one's pushes starve — a liveness
 * matter only: the op log's unique index already decides every race. Event-loop confined.
 */
final class WriteTurn implements Sequencer.WriteGate {
  static final long HOLD_MS = 100;
  private final RoomHandle room;
  private long holdUntil;
  private long timer = -1;

  WriteTurn(RoomHandle room) {
    this.room = room;
  }

  /** Another node asked for a turn. */
  void give() {
    holdUntil = System.currentTimeMillis() + HOLD_MS;
  }

  /** The other node has written (its ops arrived): writing may resume. */
  void taken() {
    holdUntil = 0;
  }

  @Override
  public boolean holds(Runnable resume) {
    long wait = holdUntil - System.currentTimeMillis();
    if (wait <= 0) {
      return false;
    }
    if (timer < 0) {
      timer = room.setTimer(wait, t -> {
        timer = -1;
        resume.run();
      });
    }
    return true;
  }

  @Override
  public void lostRace() {
    room.publish(ReplicationFeature.YIELD, new JsonObject()); // ask the others to hold their writes briefly
  }
}
