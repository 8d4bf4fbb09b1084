package org.crossboard.session;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.crossboard.access.Role;
import org.crossboard.error.CrossboardException;
import org.crossboard.error.ErrorCode;
import org.crossboard.session.Effect.Audit;
import org.crossboard.session.Session.PhaseLogEntry;
import org.crossboard.session.Session.RaisedHand;
import org.crossboard.session.SessionCommand.TimerAction;

/**
 * Applies session commands and timers' zeros to a session: the one place its state changes. Each
 * refusal is a {@link CrossboardException} (docs/SESSIONS.md codes) thrown before anything is
 * changed, so a refused command leaves the session as it was. Every facilitator command that
 * changes the session yields exactly one {@link Audit} effect; ballots are never audited (that
 * would tell who voted when, defeating anonymous votes).
 */
public final class SessionRules {
  /** Record types a vote on a frame covers: what carries an idea. */
  static final List<String> VOTABLE_TYPES = List.of("note", "text", "shape");

  private SessionRules() {}

  /** Applies {@code cmd} for {@code ctx.actor()}; {@code ERR_NO_SESSION} is the caller's to answer. */
  public static Outcome apply(Session s, SessionCommand cmd, SessionContext ctx) {
    if (cmd.facilitatorOnly() && !ctx.actor().facilitator()) {
      throw CrossboardException.forbidden("only facilitators may do this"); // SPEC.md L1
    }
    if (cmd instanceof SessionCommand.Create) {
      throw state("the board already has a current session");
    } else if (cmd instanceof SessionCommand.Update u) {
      return update(s, u, ctx);
    } else if (cmd instanceof SessionCommand.Start) {
      return start(s, ctx);
    } else if (cmd instanceof SessionCommand.End) {
      return end(s, ctx);
    } else if (cmd instanceof SessionCommand.GoToPhase g) {
      requireLive(s);
      if (g.index() >= s.phases.size()) {
        throw CrossboardException.invalid("index is past the agenda");
      }
      return goTo(s, g.index(), ctx.now());
    } else if (cmd instanceof SessionCommand.Next) {
      requireLive(s);
      if (s.current + 1 >= s.phases.size()) {
        throw state("there is no next phase");
      }
      return goTo(s, s.current + 1, ctx.now());
    } else if (cmd instanceof SessionCommand.Timer t) {
      return timer(s, t, ctx);
    } else if (cmd instanceof SessionCommand.Lock l) {
      return lock(s, l, ctx);
    } else if (cmd instanceof SessionCommand.Private p) {
      return privateMode(s, p);
    } else if (cmd instanceof SessionCommand.VoteOpen v) {
      return voteOpen(s, v, ctx);
    } else if (cmd instanceof SessionCommand.VoteCast c) {
      return voteCast(s, c, ctx);
    } else if (cmd instanceof SessionCommand.VoteClose) {
      DotVote vote = openVote(s);
      closeVote(s, ctx.now());
      return Outcome.changed(List.of(audit("session.vote.close", vote.id(), vote.chain())));
    } else if (cmd instanceof SessionCommand.Hand h) {
      return hand(s, h, ctx);
    } else if (cmd instanceof SessionCommand.Summon m) {
      requireLive(s);
      if (m.group() != null) {
        requireGroup(s, m.group());
      }
      return Outcome.relay(new Effect.SummonAll(m.viewport(), null, m.force(), m.group(), ctx.actor()));
    } else if (cmd instanceof SessionCommand.Spotlight sp) {
      requireLive(s);
      Session.requireFrame(ctx.board(), sp.frame(), "frame");
      return Outcome.relay(new Effect.SummonAll(null, sp.frame(), sp.force(), null, ctx.actor()));
    } else if (cmd instanceof SessionCommand.Follow f) {
      return follow(s, f, ctx);
    } else if (cmd instanceof SessionCommand.Viewport v) {
      if (s.state != SessionState.LIVE || !ctx.actor().userId().equals(s.follow)) {
        throw state("following is not on for you");
      }
      return Outcome.relay(new Effect.RelayViewport(v.viewport()));
    } else if (cmd instanceof SessionCommand.Breakouts b) {
      return breakouts(s, b, ctx);
    }
    throw new IllegalArgumentException("unhandled command " + cmd.type());
  }

  /**
   * The timer {@code key} reached zero. Acts once (SPEC.md L3): only if that timer is still running
   * and due at exactly {@code endsAt} — a timer paused, reset, restarted or already acted on by
   * another node makes this a no-op, so nodes racing on compare-and-set cannot act twice.
   * {@code random} is for actions that need fresh ids; none does today.
   */
  public static Outcome timerZero(Session s, String key, long endsAt, long now, RandomGenerator random) {
    SessionTimer timer = s.timers.get(key);
    if (timer == null || !timer.dueAt(endsAt, now) || s.state != SessionState.LIVE) {
      return Outcome.none();
    }
    s.timers.put(key, timer.done());
    List<Effect> effects = new ArrayList<>();
    String group = Session.ALL.equals(key) ? null : key;
    switch (timer.atZero()) {
      case CLOSE_VOTE -> {
        if (s.vote != null && s.vote.isOpen()) {
          closeVote(s, now);
        }
      }
      case REVEAL -> {
        if (s.privateMode.on()) {
          effects.add(reveal(s));
        }
      }
      case LOCK -> {
        if (group == null) {
          s.boardLocked = true;
        } else {
          // a group without a frame has nothing of its own to lock; the board stays open for the others
          s.group(group).map(BreakoutGroup::frame).ifPresent(s.lockedFrames::add);
        }
      }
      case NEXT -> {
        if (s.current + 1 < s.phases.size()) {
          goTo(s, s.current + 1, now);
        }
      }
      case NONE -> { }
    }
    effects.add(new Effect.Cue("timerZero", group, timer.atZero().wire()));
    effects.add(audit("session.timer.zero", key, new JsonObject().put("action", timer.atZero().wire())));
    return Outcome.changed(effects);
  }

  private static Outcome update(Session s, SessionCommand.Update u, SessionContext ctx) {
    if (s.state == SessionState.ENDED) {
      throw state("the session has ended");
    }
    List<Phase> phases = u.phases() == null ? s.phases : Session.buildPhases(u.phases(), s.phases, ctx);
    int current = s.current;
    if (s.current >= 0) {
      String live = s.phases.get(s.current).id();
      current = indexOf(phases, live);
      if (current < 0) {
        throw CrossboardException.invalid("phases must keep the live phase");
      }
    }
    List<String> fields = new ArrayList<>();
    if (u.title() != null) {
      s.title = u.title();
      fields.add("title");
    }
    if (u.startsAt() != null) {
      s.startsAt = u.startsAt();
      fields.add("startsAt");
    }
    if (u.timeZone() != null) {
      s.timeZone = u.timeZone();
      fields.add("timeZone");
    }
    if (u.phases() != null) {
      s.phases = phases;
      s.current = current;
      fields.add("phases");
    }
    return Outcome.changed(List.of(audit("session.update", s.id(), new JsonObject().put("fields", String.join(",", fields)))));
  }

  private static Outcome start(Session s, SessionContext ctx) {
    if (s.state != SessionState.SCHEDULED) {
      throw state("only a scheduled session can start");
    }
    s.state = SessionState.LIVE;
    s.startedAt = ctx.now();
    if (!s.phases.isEmpty()) {
      s.current = 0;
      s.phaseLog.add(new PhaseLogEntry(s.phases.get(0).id(), ctx.now(), null));
    }
    return Outcome.changed(List.of(audit("session.start", s.id(), new JsonObject())));
  }

  /**
   * Ends a live session, or cancels a scheduled one: the phase log is closed, timers stop, an open
   * vote is closed with its results, private mode reveals, and breakouts, following, hands and
   * locks end with it so the board is everyone's again.
   */
  private static Outcome end(Session s, SessionContext ctx) {
    if (s.state == SessionState.ENDED) {
      throw state("the session has already ended");
    }
    long now = ctx.now();
    List<Effect> effects = new ArrayList<>();
    closeLog(s, now);
    s.timers.clear();
    s.timers.put(Session.ALL, SessionTimer.IDLE);
    if (s.vote != null && s.vote.isOpen()) {
      closeVote(s, now);
    }
    if (s.privateMode.on()) {
      effects.add(reveal(s));
    }
    s.groups = null;
    s.follow = null;
    s.hands.clear();
    s.boardLocked = false;
    s.lockedFrames.clear();
    s.state = SessionState.ENDED;
    s.endedAt = now;
    effects.add(audit("session.end", s.id(), new JsonObject()));
    effects.add(new Effect.Ended());
    return Outcome.changed(effects);
  }

  private static Outcome goTo(Session s, int index, long now) {
    if (index == s.current) {
      return Outcome.none();
    }
    closeLog(s, now);
    s.current = index;
    Phase phase = s.phases.get(index);
    s.phaseLog.add(new PhaseLogEntry(phase.id(), now, null));
    return Outcome.changed(List.of(audit("session.phase", phase.id(), new JsonObject().put("index", index))));
  }

  private static void closeLog(Session s, long now) {
    int last = s.phaseLog.size() - 1;
    if (last >= 0 && s.phaseLog.get(last).endedAt() == null) {
      PhaseLogEntry open = s.phaseLog.get(last);
      s.phaseLog.set(last, new PhaseLogEntry(open.phase(), open.startedAt(), now));
    }
  }

  private static Outcome timer(Session s, SessionCommand.Timer t, SessionContext ctx) {
    requireLive(s);
    String key = t.group() == null ? Session.ALL : t.group();
    if (t.group() != null) {
      requireGroup(s, t.group());
    }
    SessionTimer before = s.timers.getOrDefault(key, SessionTimer.IDLE);
    long now = ctx.now();
    JsonObject details = new JsonObject();
    SessionTimer after = switch (t.action()) {
      case START -> {
        details.put("durationMs", t.durationMs()).put("atZero", t.atZero().wire());
        yield SessionTimer.start(now, t.durationMs(), t.atZero());
      }
      case PAUSE -> before.pause(now);
      case RESUME -> before.resume(now);
      case ADD -> {
        details.put("ms", t.ms());
        yield before.add(now, t.ms());
      }
      case RESET -> SessionTimer.IDLE;
    };
    if (t.action() == TimerAction.RESET && before.state() == SessionTimer.State.IDLE) {
      return Outcome.none();
    }
    s.timers.put(key, after);
    return Outcome.changed(List.of(audit("session.timer." + t.action().name().toLowerCase(Locale.ROOT),
        key, details)));
  }

  private static Outcome lock(Session s, SessionCommand.Lock l, SessionContext ctx) {
    if (s.state == SessionState.ENDED) {
      throw state("the session has ended");
    }
    boolean changed;
    if ("board".equals(l.target())) {
      changed = s.boardLocked != l.locked();
      s.boardLocked = l.locked();
    } else if (l.locked()) {
      Session.requireFrame(ctx.board(), l.target(), "target");
      changed = s.lockedFrames.add(l.target());
    } else {
      changed = s.lockedFrames.remove(l.target()); // its frame may be gone from the board by now
    }
    if (!changed) {
      return Outcome.none();
    }
    return Outcome.changed(List.of(audit(l.locked() ? "session.lock" : "session.unlock", l.target(), new JsonObject())));
  }

  private static Outcome privateMode(Session s, SessionCommand.Private p) {
    requireLive(s);
    if (p.on()) {
      s.privateMode.turnOn(p.facilitatorsSee(), p.anonymous());
      return Outcome.changed(List.of(audit("session.private.on", s.id(), new JsonObject()
          .put("round", s.privateMode.round()).put("facilitatorsSee", p.facilitatorsSee())
          .put("anonymous", p.anonymous()))));
    }
    if (!s.privateMode.on()) {
      throw state("private mode is already off");
    }
    Effect reveal = reveal(s);
    return Outcome.changed(List.of(reveal, audit("session.private.off", s.id(),
        new JsonObject().put("round", s.privateMode.round()))));
  }

  private static Effect.Reveal reveal(Session s) {
    s.privateMode.turnOff();
    int round = s.privateMode.round();
    return new Effect.Reveal(round, s.privateMode.anonymous(round));
  }

  private static Outcome voteOpen(Session s, SessionCommand.VoteOpen v, SessionContext ctx) {
    requireLive(s);
    if (s.vote != null && s.vote.isOpen()) {
      throw state("a vote is already open");
    }
    if (s.votes.size() >= Session.MAX_VOTES) {
      throw state("a session holds at most " + Session.MAX_VOTES + " votes");
    }
    List<String> records;
    if (v.records() != null) {
      records = v.records();
      for (int i = 0; i < records.size(); i++) {
        if (!ctx.board().exists(records.get(i))) {
          throw CrossboardException.invalid("records[" + i + "] is not on this board");
        }
      }
    } else {
      Session.requireFrame(ctx.board(), v.frame(), "frame");
      records = ctx.board().childrenOf(v.frame()).stream()
          .filter(id -> VOTABLE_TYPES.contains(ctx.board().typeOf(id))).toList();
      if (records.isEmpty() || records.size() > CommandDecoder.MAX_VOTE_RECORDS) {
        throw CrossboardException.invalid("frame must hold 1 to " + CommandDecoder.MAX_VOTE_RECORDS
            + " notes, texts or shapes");
      }
    }
    DotVote vote = DotVote.open(Session.newId("v_", ctx.random()), records, v.dots(), v.cap(), v.anonymous(),
        v.liveCounts(), ctx.now());
    s.vote = vote;
    return Outcome.changed(List.of(audit("session.vote.open", vote.id(), new JsonObject()
        .put("records", records.size()).put("dots", v.dots()).put("anonymous", v.anonymous()))));
  }

  /** A participant's dot (SPEC.md L6): commenters and up, while a vote is open and the phase allows voting. */
  private static Outcome voteCast(Session s, SessionCommand.VoteCast c, SessionContext ctx) {
    Actor actor = ctx.actor();
    if (actor.role() == null || !actor.role().atLeast(Role.COMMENTER)) {
      throw CrossboardException.forbidden("viewers cannot vote");
    }
    openVote(s);
    if (!s.currentRules().voting()) {
      throw new CrossboardException(ErrorCode.ERR_PHASE_RULES, "this phase does not allow voting");
    }
    s.vote.cast(actor.userId(), c.record(), c.delta(), Session.hex(ctx.random(), 16));
    return Outcome.changed(List.of(new Effect.BallotCast(actor.userId())));
  }

  private static DotVote openVote(Session s) {
    if (s.vote == null || !s.vote.isOpen()) {
      throw state("no vote is open");
    }
    return s.vote;
  }

  private static void closeVote(Session s, long now) {
    s.vote.close(now);
    s.votes.add(s.vote);
  }

  /** Hands (SPEC.md L8): anyone raises and lowers their own; only facilitators lower someone else's. */
  private static Outcome hand(Session s, SessionCommand.Hand h, SessionContext ctx) {
    Actor actor = ctx.actor();
    String user = h.user() == null ? actor.userId() : h.user();
    boolean own = user.equals(actor.userId());
    if (h.up()) {
      if (!own) {
        throw CrossboardException.invalid("user: only your own hand can be raised");
      }
      requireLive(s);
      if (s.hands.stream().anyMatch(r -> r.user().equals(user))) {
        return Outcome.none();
      }
      s.hands.add(new RaisedHand(user, actor.name(), ctx.now()));
      return Outcome.changed(List.of());
    }
    if (!own && !actor.facilitator()) {
      throw CrossboardException.forbidden("only facilitators may lower someone else's hand");
    }
    if (!s.hands.removeIf(r -> r.user().equals(user))) {
      return Outcome.none();
    }
    return Outcome.changed(own ? List.of() : List.of(audit("session.hand.lower", user, new JsonObject())));
  }

  private static Outcome follow(Session s, SessionCommand.Follow f, SessionContext ctx) {
    requireLive(s);
    String follow = f.on() ? ctx.actor().userId() : null;
    if (Objects.equals(follow, s.follow)) {
      return Outcome.none();
    }
    s.follow = follow;
    return Outcome.changed(List.of(audit(f.on() ? "session.follow.on" : "session.follow.off", s.id(),
        new JsonObject())));
  }

  private static Outcome breakouts(Session s, SessionCommand.Breakouts b, SessionContext ctx) {
    requireLive(s);
    if (b.action() == SessionCommand.BreakoutAction.END) {
      if (s.groups == null) {
        throw state("there are no breakouts");
      }
      dropGroups(s);
      return Outcome.changed(List.of(audit("session.breakouts.end", s.id(), new JsonObject())));
    }
    List<BreakoutGroup> groups = BreakoutPlanner.plan(b, ctx.present(), ctx.board(), ctx.random());
    dropGroups(s);
    s.groups = groups;
    return Outcome.changed(List.of(audit("session.breakouts.split", s.id(), new JsonObject()
        .put("by", b.by().name().toLowerCase(Locale.ROOT)).put("groups", groups.size()))));
  }

  /** Ends breakouts, and the groups' timers with them. */
  private static void dropGroups(Session s) {
    s.groups().forEach(g -> s.timers.remove(g.id()));
    s.groups = null;
  }

  private static int indexOf(List<Phase> phases, String id) {
    for (int i = 0; i < phases.size(); i++) {
      if (phases.get(i).id().equals(id)) {
        return i;
      }
    }
    return -1;
  }

  private static void requireLive(Session s) {
    if (s.state != SessionState.LIVE) {
      throw state("the session is " + s.state.wire() + ", not live");
    }
  }

  private static void requireGroup(Session s, String group) {
    if (s.group(group).isEmpty()) {
      throw CrossboardException.invalid("group is not a breakout group");
    }
  }

  private static Audit audit(String action, String target, JsonObject details) {
    return new Audit(action, target, details);
  }

  private static CrossboardException state(String message) {
    return new CrossboardException(ErrorCode.ERR_SESSION_STATE, message);
  }
}
