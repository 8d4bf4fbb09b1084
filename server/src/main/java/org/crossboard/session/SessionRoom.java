package org.crossboard.session;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.crossboard.access.Ids;
import org.crossboard.access.Principal;
import org.crossboard.audit.AuditLog;
import org.crossboard.board.PrivateRecords;
import org.crossboard.error.CrossboardException;
import org.crossboard.error.ErrorCode;
import org.crossboard.protocol.ServerMessages;
import org.crossboard.room.Member;
import org.crossboard.room.RoomHandle;
import org.crossboard.session.SessionBroadcast.Target;
import org.crossboard.store.DuplicateKeyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One room's live session on this node (SPEC.md L1–L10). Every change — a person's command, a
 * timer reaching zero, the recap — is a {@link Step}; steps wait in one queue and are applied in
 * batches to a copy of the session, which is stored with compare-and-set on its version. So the
 * store orders every change, whichever node makes it: a node that loses the race reloads and
 * applies the batch again on top of the winner (a vote burst of hundreds of ballots costs a few
 * writes, not hundreds). Only after the store took it are commands answered, effects performed
 * and views sent ({@link SessionBroadcast}); other nodes hear "version n" and reload.
 * Event-loop confined.
 */
final class SessionRoom {
  /** Between nodes: the session changed (reload it), and a frame for the people on every node. */
  static final String CHANGED = "session";
  static final String RELAY = "session.relay";
  private static final Logger LOG = LoggerFactory.getLogger(SessionRoom.class);
  private static final int MAX_BATCH = 512;
  private static final int MAX_ATTEMPTS = 10;
  /** The reveal runs again after this long, for records that were still on their way (SessionReveal). */
  private static final long SECOND_SWEEP_MS = 2_000;

  /** A change to apply: a person's command, a timer at zero, or the recap. */
  private sealed interface Step {
    /** The member to answer, or null. */
    default Member from() {
      return null;
    }
  }

  private record Command(Member from, String requestId, SessionCommand command) implements Step {}

  private record TimerZero(String key, long endsAt) implements Step {}

  private record StoreRecap(String sessionId, JsonObject recap) implements Step {}

  /** What came of a step in a batch: its outcome, or its refusal. */
  private record Result(Step step, Outcome outcome, CrossboardException refusal) {}

  private final RoomHandle room;
  private final SessionFeature.Dependencies deps;
  private final RandomGenerator random;
  private final ArrayDeque<Step> queue = new ArrayDeque<>();
  private final Map<String, Long> armed = new HashMap<>();
  /** The last zero cued to this node's people, per timer key: its {@code endsAt}. */
  private final Map<String, Long> cued = new HashMap<>();
  private final SessionAttendance attendance;
  private final SessionBroadcast broadcast;
  private Session current;
  private boolean loaded;
  private boolean writing;

  SessionRoom(RoomHandle room, SessionFeature.Dependencies deps) {
    this.room = room;
    this.deps = deps;
    this.random = deps.random();
    this.attendance = new SessionAttendance(room.boardId(), deps.attendance());
    this.broadcast = new SessionBroadcast(room, () -> current);
  }

  /** The session now (null when the board never had one); its changes happen only here. */
  Session session() {
    return current;
  }

  /** Loads the board's session: the current one, else the last ended one (shown with its recap). */
  void open() {
    deps.store().current(room.boardId())
        .compose(doc -> doc != null ? Future.succeededFuture(doc)
            : deps.store().listForBoard(room.boardId()).map(all -> all.isEmpty() ? null : all.get(0)))
        .onComplete(ar -> {
          if (ar.failed()) {
            LOG.warn("session of board {} could not be loaded; retrying", room.boardId(), ar.cause());
            room.setTimer(1_000, t -> open());
            return;
          }
          loaded = true;
          if (ar.result() != null) {
            adopt(Session.fromJson(ar.result())); // the people already here join a live session's attendance
          }
          if (current != null) {
            SessionReveal.sweep(room, current);
          }
          drain();
        });
  }

  /** A person's command: applied in turn, answered {@code session.ok} once stored, or refused. */
  void submit(Member from, String requestId, SessionCommand command) {
    queue.add(new Command(from, requestId, command));
    drain();
  }

  void joined(Member member, JsonObject welcome) {
    broadcast.welcome(member, welcome);
    attendance.arrived(member, live() ? current : null);
  }

  void left(Member member) {
    if (attendance.departed(member, live() ? current : null)) {
      broadcast.forget(member.principal().userId());
    }
  }

  /** Another node stored a change: reload it (the store has it; the message says only which version). */
  void changedElsewhere(JsonObject body) {
    if (current != null && current.id().equals(body.getString("id")) && current.version() >= body.getLong("version", 0L)) {
      return;
    }
    deps.store().get(body.getString("id")).onSuccess(doc -> {
      if (doc != null && (current == null || !current.id().equals(doc.getString("_id"))
          || doc.getLong("version", 0L) > current.version())) {
        adopt(Session.fromJson(doc));
      }
    }).onFailure(e -> LOG.warn("session {} could not be reloaded", body.getString("id"), e));
  }

  /**
   * Shows a session read from the store (another node's change, or the winner of a race this node
   * lost): attendance follows its state, timers are re-armed, views go out.
   */
  private void adopt(Session fresh) {
    boolean same = current != null && current.id().equals(fresh.id());
    if (same && current.version() == fresh.version()) {
      return;
    }
    SessionState before = same ? current.state() : null;
    current = fresh;
    attendance.transition(before, current);
    afterChange();
  }

  /** Durable ops are going out: the private count with them when it moved (L5). */
  void batchGoingOut() {
    broadcast.batchGoingOut();
  }

  /** A frame another node's session change sends to the people here too. */
  void relayed(JsonObject body) {
    JsonObject frame = body.getJsonObject("frame");
    Target to = Target.fromJson(body.getJsonObject("to"));
    JsonObject zero = body.getJsonObject("zero");
    if (zero != null) {
      cueOnce(zero.getString("key"), zero.getLong("endsAt"), frame, to); // this node's own timer may have told them
    } else {
      broadcast.deliver(frame, to);
    }
  }

  void close() {
    armed.clear();
  }

  private boolean live() {
    return current != null && current.state() == SessionState.LIVE;
  }

  // ---- applying steps ----------------------------------------------------------------------

  private void drain() {
    if (writing || !loaded || queue.isEmpty()) {
      return;
    }
    writing = true;
    List<Step> batch = new ArrayList<>();
    while (!queue.isEmpty() && batch.size() < MAX_BATCH) {
      batch.add(queue.poll());
    }
    attempt(batch, 1);
  }

  private void attempt(List<Step> batch, int attempt) {
    Session base = current;
    Session working = base == null ? null : base.copy();
    List<Result> results = new ArrayList<>(batch.size());
    boolean created = false;
    boolean changed = false;
    for (Step step : batch) {
      try {
        if (step instanceof Command c && c.command() instanceof SessionCommand.Create create) {
          if (working != null && working.state() != SessionState.ENDED) {
            throw new CrossboardException(ErrorCode.ERR_SESSION_STATE,
                "this board already has a session that has not ended");
          }
          working = Session.create("s" + Ids.random(deps.random(), 21), room.boardId(),
              c.from().principal().workspace(), create, context(c));
          created = true;
          changed = true;
          results.add(new Result(step, Outcome.changed(List.of(new Effect.Audit("session.created", working.id(),
              new JsonObject().put("title", working.title())))), null));
          continue;
        }
        Outcome outcome = apply(working, step);
        changed |= outcome.changed();
        results.add(new Result(step, outcome, null));
      } catch (CrossboardException refused) {
        results.add(new Result(step, null, refused));
      } catch (RuntimeException bug) { // one faulty step must not stop the room's session for good
        LOG.error("session step {} failed on board {}", step.getClass().getSimpleName(), room.boardId(), bug);
        results.add(new Result(step, null, new CrossboardException(ErrorCode.ERR_INTERNAL, "internal error")));
      }
    }
    if (!changed) {
      finish(results, base, false);
      return;
    }
    long expected = base == null || created ? 0 : base.version();
    working.version(created ? 1 : expected + 1);
    Session next = working;
    Future<Boolean> stored = created
        ? deps.store().insert(next.toJson()).map(true)
            .recover(e -> e instanceof DuplicateKeyException ? Future.succeededFuture(false) : Future.failedFuture(e))
        : deps.store().replace(next.toJson(), expected);
    boolean isNew = created;
    stored.onComplete(ar -> {
      if (ar.succeeded() && ar.result()) {
        current = next;
        finish(results, base, true);
        room.publish(CHANGED, new JsonObject().put("id", next.id()).put("version", next.version()));
        if (isNew || base == null || base.state() != next.state()) {
          attendance.transition(base == null || isNew ? null : base.state(), current);
        }
      } else if (ar.succeeded() && attempt < MAX_ATTEMPTS) {
        reload().onComplete(r -> attempt(batch, attempt + 1)); // another node stored first: on top of theirs
      } else {
        LOG.warn("session change on board {} not stored", room.boardId(), ar.cause());
        List<Result> failed = new ArrayList<>();
        batch.forEach(step -> failed.add(new Result(step, null,
            new CrossboardException(ErrorCode.ERR_UNAVAILABLE, "the session could not be stored; send again"))));
        finish(failed, base, false);
      }
    });
  }

  private Outcome apply(Session working, Step step) {
    if (step instanceof StoreRecap r) {
      if (working == null || !working.id().equals(r.sessionId())) {
        return Outcome.none();
      }
      working.recap(r.recap());
      return Outcome.changed(List.of());
    }
    if (working == null) {
      throw new CrossboardException(ErrorCode.ERR_NO_SESSION, "this board has no session; a facilitator creates one");
    }
    if (step instanceof TimerZero t) {
      return SessionRules.timerZero(working, t.key(), t.endsAt(), System.currentTimeMillis(), random);
    }
    Command c = (Command) step;
    return SessionRules.apply(working, c.command(), context(c));
  }

  /**
   * Reloads the session this room shows (after losing a compare-and-set): the same session, or —
   * when it has ended — a newer one created meanwhile.
   */
  private Future<Void> reload() {
    Future<JsonObject> doc = current == null ? deps.store().current(room.boardId()) : deps.store().get(current.id());
    return doc.compose(d -> {
      if (d != null) {
        adopt(Session.fromJson(d));
      }
      if (current == null || current.state() != SessionState.ENDED) {
        return Future.succeededFuture();
      }
      return deps.store().current(room.boardId()).map(newer -> {
        if (newer != null) {
          adopt(Session.fromJson(newer));
        }
        return null;
      });
    }).mapEmpty();
  }

  private SessionContext context(Command c) {
    Principal p = c.from().principal();
    return new SessionContext(System.currentTimeMillis(), actor(p), presentActors(), new BoardRecords(room), random);
  }

  private static Actor actor(Principal p) {
    return new Actor(p.userId(), p.name(), p.org(), p.country(), p.role());
  }

  /** The people in the room on this node, once each. */
  private List<Actor> presentActors() {
    Map<String, Actor> people = new LinkedHashMap<>();
    room.members().forEach(m -> people.putIfAbsent(m.principal().userId(), actor(m.principal())));
    return new ArrayList<>(people.values());
  }

  /** Answers the batch's commands, then does what their outcomes call for. */
  private void finish(List<Result> results, Session before, boolean stored) {
    for (Result r : results) {
      if (r.step() instanceof Command c) {
        room.send(c.from(), r.refusal() == null
            ? new JsonObject().put("t", "session.ok").put("id", c.requestId())
            : ServerMessages.error(c.requestId(), r.refusal().code(), r.refusal().getMessage(), null));
      }
    }
    for (Result r : results) {
      if (r.outcome() != null) {
        r.outcome().effects().forEach(effect -> perform(effect, r.step()));
      }
    }
    writing = false;
    if (stored) {
      revealClosedVote(before, current); // before the views that show it closed
      afterChange();
    }
    drain();
  }

  private void perform(Effect effect, Step step) {
    if (effect instanceof Effect.Cue cue) {
      JsonObject frame = cueFrame(cue.kind(), cue.group(), cue.action());
      Target to = Target.groupOrEveryone(cue.group());
      if (step instanceof TimerZero t) {
        // for a node whose own timer did not fire (the room opened there at that moment)
        cueOnce(t.key(), t.endsAt(), frame, to);
        room.publish(RELAY, SessionBroadcast.relay(frame, to)
            .put("zero", new JsonObject().put("key", t.key()).put("endsAt", t.endsAt())));
      } else {
        broadcast.everywhere(frame, to);
      }
    } else if (effect instanceof Effect.SummonAll summon) {
      broadcast.everywhere(new JsonObject().put("t", "session.summon").put("viewport", summon.viewport())
          .put("frame", summon.frame()).put("force", summon.force()).put("group", summon.group())
          .put("by", summon.by().ref()), Target.groupOrEveryone(summon.group()));
    } else if (effect instanceof Effect.RelayViewport relay) {
      broadcast.everywhere(new JsonObject().put("t", "session.viewport").put("viewport", relay.viewport()), Target.PARTICIPANTS);
    } else if (effect instanceof Effect.Reveal) {
      SessionReveal.sweep(room, current);
      room.setTimer(SECOND_SWEEP_MS, t -> SessionReveal.sweep(room, current));
    } else if (effect instanceof Effect.BallotCast ballot) {
      broadcast.sendMine(ballot.voterUserId());
    } else if (effect instanceof Effect.Audit audit) {
      JsonObject actor = step instanceof Command c ? actor(c.from().principal()).ref()
          : new JsonObject().put("id", SessionReveal.WRITER_ID).put("name", "Session timer");
      deps.audit().record(AuditLog.workspaceChain(current.workspaceId()), actor, audit.action(),
          audit.target() == null ? current.id() : audit.target(), audit.details(), null);
    } else if (effect instanceof Effect.Ended) {
      buildRecap(current);
    }
  }

  /**
   * A vote this change closed (by a command, a timer or the end): its ballots go to everyone once,
   * so anyone can recompute its chain and counts (L7). Views never carry them.
   */
  private void revealClosedVote(Session before, Session after) {
    DotVote was = before == null ? null : before.vote().orElse(null);
    DotVote now = after.vote().orElse(null);
    if (was != null && was.isOpen() && now != null && now.id().equals(was.id()) && !now.isOpen()) {
      broadcast.everywhere(new JsonObject().put("t", "session.ballots").mergeIn(now.revealed()), Target.EVERYONE);
    }
  }

  /** The recap of an ended session, from its board's public records and its attendance, stored with it. */
  private void buildRecap(Session ended) {
    deps.attendance().list(ended.id()).onComplete(ar -> {
      List<JsonObject> events = ar.succeeded() ? ar.result() : List.of();
      List<JsonObject> records = new ArrayList<>();
      PrivateRecords.Viewer nobody = new PrivateRecords.Viewer("", false);
      for (JsonObject record : room.records()) {
        if (PrivateRecords.visibleTo(PrivateRecords.markOf(record), nobody)) {
          records.add(record);
        }
      }
      queue.add(new StoreRecap(ended.id(), Recap.build(ended, records, events)));
      drain();
    });
  }

  /** After the session changed here or elsewhere: timers re-armed, views sent (coalesced). */
  private void afterChange() {
    arm();
    broadcast.changed();
  }

  // ---- timers ----------------------------------------------------------------------------------

  /**
   * One room timer per running session timer, at its {@code endsAt} on the server's clock (at once
   * if that has passed: a room opened after the end acts then). Every node with the room open arms
   * its own; the compare-and-set lets exactly one act.
   */
  private void arm() {
    armed.values().forEach(room::cancelTimer);
    armed.clear();
    if (current == null || current.state() != SessionState.LIVE) {
      return;
    }
    current.timers().forEach((key, timer) -> {
      if (timer.state() == SessionTimer.State.RUNNING && timer.endsAt() != null) {
        long endsAt = timer.endsAt();
        long delay = Math.max(1, endsAt - System.currentTimeMillis());
        armed.put(key, room.setTimer(delay, id -> {
          armed.remove(key);
          cueAtZero(key, endsAt);
          queue.addFirst(new TimerZero(key, endsAt)); // zero does not wait behind a burst of ballots
          drain();
        }));
      }
    });
  }

  /**
   * A timer's zero, told to this node's people the moment it fires, before the step that acts on it
   * is stored (SPEC.md L3): the cue then costs no store write, on whichever node wins the
   * compare-and-set; the action itself (a lock, a reveal) is in force once stored. Every node with
   * the room open does this from its own timer; the winner's relay reaches a node whose timer did
   * not fire, and each zero is cued once per node. A pause or reset stored elsewhere in the last
   * milliseconds before zero, not yet seen here, can let this node cue a zero that does not act.
   */
  private void cueAtZero(String key, long endsAt) {
    SessionTimer timer = current == null || current.state() != SessionState.LIVE ? null : current.timers().get(key);
    if (timer == null || timer.state() != SessionTimer.State.RUNNING || timer.endsAt() == null
        || timer.endsAt() != endsAt) {
      return;
    }
    String group = Session.ALL.equals(key) ? null : key;
    cueOnce(key, endsAt, cueFrame("timerZero", group, timer.atZero().wire()), Target.groupOrEveryone(group));
  }

  /** Delivers a zero's cue to this node's people unless they had it. */
  private void cueOnce(String key, long endsAt, JsonObject frame, Target to) {
    Long before = cued.put(key, endsAt);
    if (before == null || before != endsAt) {
      broadcast.deliver(frame, to);
    }
  }

  private static JsonObject cueFrame(String kind, String group, String action) {
    return new JsonObject().put("t", "session.cue").put("kind", kind).put("group", group).put("action", action);
  }

  /** The board as the session domain asks about it: public records only (a vote never lists a hidden note). */
  private record BoardRecords(RoomHandle room) implements BoardLookup {
    @Override
    public boolean exists(String recordId) {
      return room.record(recordId) != null;
    }

    @Override
    public String typeOf(String recordId) {
      JsonObject record = room.record(recordId);
      return record == null ? null : record.getString("type");
    }

    @Override
    public List<String> childrenOf(String frameId) {
      List<JsonObject> children = new ArrayList<>();
      for (JsonObject record : room.records()) {
        if (frameId.equals(record.getString("parent")) && PrivateRecords.markOf(record) == null) {
          children.add(record);
        }
      }
      children.sort(java.util.Comparator.comparing((JsonObject r) -> r.getString("order", ""))
          .thenComparing(r -> r.getString("id")));
      return children.stream().map(r -> r.getString("id")).toList();
    }
  }
}
