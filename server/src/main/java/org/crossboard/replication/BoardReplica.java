package org.crossboard.replication;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.crossboard.access.Principal;
import org.crossboard.room.RoomHandle;
import org.crossboard.room.Sequencer;
import org.crossboard.room.Submission;
import org.crossboard.store.OpLog;

/**
 * One room's part in "one writer per board" (SPEC.md M6–M9): whether this node sequences the board
 * (it holds the lease), forwards to the node that does, or — Redis unreachable, so no lease can be
 * known — sequences its own clients' pushes with the op log's unique index as the only arbiter, as
 * before leases. An explicit state machine, driven by the lease store's answers, a tick every third
 * of the lease's time-to-live and other nodes' announcements:
 *
 * <pre>
 * ACQUIRING  → SEQUENCER  the lease is ours (catch up from the op log, sequence what was pending)
 * ACQUIRING  → FOLLOWER   another node holds it (send it what was pending)
 * any        → DEGRADED   the lease store cannot be reached (sequence here; the index arbitrates)
 * SEQUENCER  → ACQUIRING  renewal refused: the lease expired (we were silent too long) or moved
 * SEQUENCER  → FOLLOWER   another node announced a newer epoch: step down at once
 * FOLLOWER   → ACQUIRING  the lease is free (its holder released it or died)
 * FOLLOWER   → FOLLOWER   another node holds it now (send it what is pending)
 * DEGRADED   → ACQUIRING  every tick, until the lease store answers again
 * any        → CLOSED     the room closes (a lease we hold is released and announced)
 * </pre>
 *
 * Event-loop confined.
 */
final class BoardReplica implements Sequencer.Router {
  /** Named states; see the table above. */
  enum Role { ACQUIRING, SEQUENCER, FOLLOWER, DEGRADED, CLOSED }

  private final RoomHandle room;
  private final String me;
  private final LeaseStore leases;
  private final ReplicationSettings settings;
  private final OpLog log;
  private final Forwarder forwarder;
  private final NodeMailbox mailbox;
  private final ReplicationMetrics metrics;
  private Role role = Role.ACQUIRING;
  /** The lease as this node knows it: its own while SEQUENCER, the holder's while FOLLOWER. */
  private LeaseStore.Lease lease;
  /** While SEQUENCER: until when the lease is surely still ours (renewal time + TTL − a margin). */
  private long safeUntil;
  private boolean asking;

  BoardReplica(RoomHandle room, String me, LeaseStore leases, ReplicationSettings settings, OpLog log,
      NodeMailbox mailbox, ReplicationMetrics metrics) {
    this.room = room;
    this.me = me;
    this.leases = leases;
    this.settings = settings;
    this.log = log;
    this.mailbox = mailbox;
    this.metrics = metrics;
    this.forwarder = new Forwarder(room, mailbox, metrics);
  }

  void start() {
    room.sequencer().router(this);
    room.setPeriodic(settings.leaseTickMs(), t -> tick());
    room.setPeriodic(settings.catchUpCheckMs(), t -> checkOpLog());
    acquire();
  }

  @Override
  public boolean handOff(Submission submission) {
    switch (role) {
      case FOLLOWER -> {
        forwarder.forward(submission, lease.node());
        return true;
      }
      case ACQUIRING -> {
        forwarder.hold(submission); // sent or sequenced once the lease is known
        return true;
      }
      default -> {
        return false;
      }
    }
  }

  @Override
  public int handedOff() {
    return forwarder.pendingCount();
  }

  private void acquire() {
    if (asking || role == Role.CLOSED) {
      return;
    }
    asking = true;
    leases.acquire(room.boardId(), me, settings.leaseTtlMs()).onComplete(ar -> {
      asking = false;
      if (role == Role.CLOSED) {
        if (ar.succeeded() && ar.result().node().equals(me)) {
          leases.release(room.boardId(), ar.result()); // the room closed while we asked
        }
      } else if (ar.failed()) {
        degrade();
      } else if (ar.result().node().equals(me)) {
        sequence(ar.result());
      } else {
        follow(ar.result());
      }
    });
  }

  private void sequence(LeaseStore.Lease mine) {
    boolean already = role == Role.SEQUENCER;
    lease = mine;
    safeUntil = System.currentTimeMillis() + settings.leaseTtlMs() - settings.leaseTickMs();
    role = Role.SEQUENCER;
    if (!already) {
      metrics.leaseTaken();
      room.sequencer().catchUp(); // the previous sequencer may have written what we have not seen
      forwarder.sequenceHere(room.sequencer());
      room.publish(ReplicationFeature.LEASE, new JsonObject().put("epoch", mine.epoch()));
    }
  }

  private void follow(LeaseStore.Lease theirs) {
    boolean changed = role != Role.FOLLOWER || !theirs.equals(lease);
    if (role == Role.SEQUENCER) {
      metrics.steppedDown();
    }
    lease = theirs;
    role = Role.FOLLOWER;
    if (changed) {
      forwarder.sendAll(theirs.node());
    }
  }

  private void degrade() {
    if (role != Role.DEGRADED) {
      role = Role.DEGRADED;
      forwarder.sequenceHere(room.sequencer());
    }
  }

  private void tick() {
    switch (role) {
      case SEQUENCER -> leases.renew(room.boardId(), lease, settings.leaseTtlMs()).onComplete(ar -> {
        if (role != Role.SEQUENCER) {
          return;
        }
        if (ar.succeeded() && ar.result()) {
          safeUntil = System.currentTimeMillis() + settings.leaseTtlMs() - settings.leaseTickMs();
        } else if (ar.succeeded()) {
          metrics.steppedDown();
          role = Role.ACQUIRING; // expired or taken: find out who holds it
          acquire();
        } else if (System.currentTimeMillis() > safeUntil) {
          degrade(); // cannot renew, and it may have expired: nobody can know who holds it
        }
      });
      case FOLLOWER -> {
        forwarder.resendUnanswered(lease.node(), settings.forwardRetryMs());
        leases.current(room.boardId()).onComplete(ar -> {
          if (role != Role.FOLLOWER) {
            return;
          }
          if (ar.failed()) {
            degrade();
          } else if (ar.result() == null) {
            role = Role.ACQUIRING;
            acquire();
          } else if (!ar.result().equals(lease)) {
            if (ar.result().node().equals(me)) {
              sequence(ar.result());
            } else {
              follow(ar.result());
            }
          }
        });
      }
      case ACQUIRING, DEGRADED -> acquire();
      case CLOSED -> { }
    }
  }

  /** Another node announced it took the board's lease, or released it. */
  void announced(String node, JsonObject body) {
    long epoch = body.getLong("epoch", 0L);
    if (body.getBoolean("released", false)) {
      if (role == Role.FOLLOWER && lease.node().equals(node)) {
        role = Role.ACQUIRING; // handed over: take it now rather than at the next tick
        acquire();
      }
    } else if ((role == Role.SEQUENCER || role == Role.FOLLOWER) && epoch > lease.epoch()) {
      follow(new LeaseStore.Lease(node, epoch)); // a newer holder: a sequencer steps down at once
    } else if (role == Role.ACQUIRING || role == Role.DEGRADED) {
      acquire();
    }
  }

  /** A push another node forwarded: sequenced here if this node sequences the board, else refused. */
  void forwarded(String fromNode, JsonObject push) {
    long ref = push.getLong("ref");
    if (role != Role.SEQUENCER) {
      mailbox.send(fromNode, ReplicationFeature.ANSWER, Forwarder.notSequencer(room.boardId(), ref));
      return;
    }
    room.sequencer().submitHere(new Submission(
        Principal.fromForwarded(push.getJsonObject("as")), push.getString("clientId"),
        push.getLong("clientSeq"), push.getJsonArray("changes"),
        outcome -> mailbox.send(fromNode, ReplicationFeature.ANSWER, Forwarder.answer(room.boardId(), ref, outcome))));
  }

  /** The sequencing node's answer to a push this node forwarded. */
  void answered(JsonObject answer) {
    if (!forwarder.answered(answer)) {
      if (role == Role.FOLLOWER) {
        role = Role.ACQUIRING; // it says it is not the sequencer: find out who is
        acquire();
      }
    } else {
      room.sequencer().handedOffAnswered();
    }
  }

  /** Ops reached this room's clients: acknowledgements waiting for them can go. */
  void opsDelivered() {
    if (forwarder.hasAcksWaiting()) {
      room.setTimer(1, t -> forwarder.releaseAcks(room.sequencer().durableSeq())); // after the batch frame
    }
  }

  /** Pub/sub was down: messages may be lost; re-read the op log and the lease, and re-send. */
  void reconnected() {
    room.sequencer().catchUp();
    if (role == Role.FOLLOWER) {
      forwarder.sendAll(lease.node());
    }
    tick();
  }

  /** Pub/sub may drop messages: an idle room asks the op log whether it missed anything (M3). */
  private void checkOpLog() {
    Sequencer sequencer = room.sequencer();
    if (!sequencer.isIdle()) {
      return; // our own write would look like someone else's
    }
    log.lastSeq(room.boardId()).onSuccess(last -> {
      if (sequencer.isIdle() && last > sequencer.durableSeq()) {
        sequencer.catchUp();
      }
    });
  }

  /**
   * The room closes: a lease we hold is released at once and announced, so another node takes
   * over now instead of after the lease's time-to-live. Completes once released.
   */
  Future<Void> close() {
    Role was = role;
    role = Role.CLOSED;
    forwarder.close();
    if (was != Role.SEQUENCER) {
      return Future.succeededFuture();
    }
    room.publish(ReplicationFeature.LEASE, new JsonObject().put("epoch", lease.epoch()).put("released", true));
    return leases.release(room.boardId(), lease).otherwiseEmpty();
  }
}
