package org.crossboard.session;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.crossboard.error.CrossboardException;
import org.crossboard.session.SessionCommand.PhaseSpec;

/**
 * A live facilitated session on a board (docs/SESSIONS.md): agenda, timers, locks, private mode,
 * votes, hands, breakouts and, once ended, its recap. Mutable, and stored as one document
 * ({@link #toJson}) replaced compare-and-set on {@link #version}; only {@link SessionRules} changes
 * it, so every change is a command or a timer's zero. The document holds every secret (ballots,
 * pseudonyms); what each audience may see is {@link SessionViews}'s business.
 */
public final class Session {
  /** The key of the timer everyone sees; breakout groups' timers are keyed by group id. */
  public static final String ALL = "all";
  /** Keeps the document bounded (closed votes keep their ballots so they stay verifiable). */
  public static final int MAX_VOTES = 20;

  private final String id;
  private final String boardId;
  private final String workspaceId;
  private long version;
  String title;
  long startsAt;
  String timeZone;
  SessionState state;
  private final String createdBy;
  private final long createdAt;
  Long startedAt;
  Long endedAt;
  List<Phase> phases;
  int current;
  final List<PhaseLogEntry> phaseLog;
  final Map<String, SessionTimer> timers;
  boolean boardLocked;
  final Set<String> lockedFrames;
  final PrivateMode privateMode;
  DotVote vote;
  final List<DotVote> votes;
  final List<RaisedHand> hands;
  List<BreakoutGroup> groups;
  String follow;
  private JsonObject recap;

  /** One stretch of a phase being live; a phase gone back to has several. */
  public record PhaseLogEntry(String phase, long startedAt, Long endedAt) {}

  /** A raised hand, in the order raised. */
  public record RaisedHand(String user, String name, long at) {}

  private Session(JsonObject doc) {
    id = doc.getString("_id");
    boardId = doc.getString("board");
    workspaceId = doc.getString("workspace");
    version = doc.getLong("version");
    title = doc.getString("title");
    startsAt = doc.getLong("startsAt");
    timeZone = doc.getString("timeZone");
    state = SessionState.parse(doc.getString("state"));
    createdBy = doc.getString("createdBy");
    createdAt = doc.getLong("createdAt");
    startedAt = doc.getLong("startedAt");
    endedAt = doc.getLong("endedAt");
    phases = objects(doc.getJsonArray("phases")).stream().map(Phase::fromJson).toList();
    current = doc.getInteger("current");
    phaseLog = new ArrayList<>(objects(doc.getJsonArray("phaseLog")).stream()
        .map(e -> new PhaseLogEntry(e.getString("phase"), e.getLong("startedAt"), e.getLong("endedAt"))).toList());
    timers = new LinkedHashMap<>();
    doc.getJsonObject("timers").forEach(e -> timers.put(e.getKey(), SessionTimer.fromJson((JsonObject) e.getValue())));
    JsonObject locks = doc.getJsonObject("locks");
    boardLocked = locks.getBoolean("board");
    lockedFrames = new LinkedHashSet<>();
    locks.getJsonArray("frames").forEach(f -> lockedFrames.add((String) f));
    privateMode = PrivateMode.fromJson(doc.getJsonObject("privateMode"));
    JsonObject voteJson = doc.getJsonObject("vote");
    vote = voteJson == null ? null : DotVote.fromJson(voteJson);
    votes = new ArrayList<>(objects(doc.getJsonArray("votes")).stream().map(DotVote::fromJson).toList());
    hands = new ArrayList<>(objects(doc.getJsonArray("hands")).stream()
        .map(h -> new RaisedHand(h.getString("user"), h.getString("name"), h.getLong("at"))).toList());
    JsonObject breakouts = doc.getJsonObject("breakouts");
    groups = breakouts == null ? null
        : objects(breakouts.getJsonArray("groups")).stream().map(BreakoutGroup::fromJson).toList();
    follow = doc.getString("follow");
    JsonObject recapJson = doc.getJsonObject("recap");
    recap = recapJson == null ? null : recapJson.copy();
  }

  /**
   * A new scheduled session from a validated {@code session.create}; checks what needs the board
   * (each phase's frame exists and is a frame). Version 0: not yet stored.
   */
  public static Session create(String id, String boardId, String workspaceId, SessionCommand.Create cmd,
      SessionContext ctx) {
    JsonObject doc = new JsonObject().put("_id", id).put("board", boardId).put("workspace", workspaceId)
        .put("version", 0L).put("title", cmd.title()).put("startsAt", cmd.startsAt()).put("timeZone", cmd.timeZone())
        .put("state", SessionState.SCHEDULED.wire()).put("createdBy", ctx.actor().userId()).put("createdAt", ctx.now())
        .put("startedAt", null).put("endedAt", null)
        .put("phases", new JsonArray(buildPhases(cmd.phases(), List.of(), ctx).stream().map(Phase::toJson).toList()))
        .put("current", -1).put("phaseLog", new JsonArray())
        .put("timers", new JsonObject().put(ALL, SessionTimer.IDLE.toJson()))
        .put("locks", new JsonObject().put("board", false).put("frames", new JsonArray()))
        .put("privateMode", PrivateMode.initial().toJson()).put("vote", null).put("votes", new JsonArray())
        .put("hands", new JsonArray()).put("breakouts", null).put("follow", null).put("recap", null);
    return new Session(doc);
  }

  /** The session of a stored document; the exact inverse of {@link #toJson}. */
  public static Session fromJson(JsonObject doc) {
    return new Session(doc);
  }

  /** The stored document, every secret included. */
  public JsonObject toJson() {
    JsonObject timersJson = new JsonObject();
    timers.forEach((k, t) -> timersJson.put(k, t.toJson()));
    return new JsonObject().put("_id", id).put("board", boardId).put("workspace", workspaceId).put("version", version)
        .put("title", title).put("startsAt", startsAt).put("timeZone", timeZone).put("state", state.wire())
        .put("createdBy", createdBy).put("createdAt", createdAt).put("startedAt", startedAt).put("endedAt", endedAt)
        .put("phases", new JsonArray(phases.stream().map(Phase::toJson).toList()))
        .put("current", current)
        .put("phaseLog", new JsonArray(phaseLog.stream().map(e -> new JsonObject().put("phase", e.phase())
            .put("startedAt", e.startedAt()).put("endedAt", e.endedAt())).toList()))
        .put("timers", timersJson)
        .put("locks", new JsonObject().put("board", boardLocked).put("frames", new JsonArray(new ArrayList<>(lockedFrames))))
        .put("privateMode", privateMode.toJson())
        .put("vote", vote == null ? null : vote.toJson())
        .put("votes", new JsonArray(votes.stream().map(DotVote::toJson).toList()))
        .put("hands", new JsonArray(hands.stream().map(h -> new JsonObject().put("user", h.user()).put("name", h.name())
            .put("at", h.at())).toList()))
        .put("breakouts", groups == null ? null
            : new JsonObject().put("groups", new JsonArray(groups.stream().map(BreakoutGroup::toJson).toList())))
        .put("follow", follow)
        .put("recap", recap == null ? null : recap.copy());
  }

  /** A deep copy, to apply a command to without touching this one until the store accepts it. */
  public Session copy() {
    return new Session(toJson());
  }

  public String id() {
    return id;
  }

  public String boardId() {
    return boardId;
  }

  public String workspaceId() {
    return workspaceId;
  }

  public long version() {
    return version;
  }

  public void version(long v) {
    version = v;
  }

  public String title() {
    return title;
  }

  public long startsAt() {
    return startsAt;
  }

  public String timeZone() {
    return timeZone;
  }

  public SessionState state() {
    return state;
  }

  public Long startedAt() {
    return startedAt;
  }

  public Long endedAt() {
    return endedAt;
  }

  public List<Phase> phases() {
    return phases;
  }

  /** Index of the live phase, -1 before start or with no agenda. */
  public int current() {
    return current;
  }

  public Optional<Phase> currentPhase() {
    return current >= 0 && current < phases.size() ? Optional.of(phases.get(current)) : Optional.empty();
  }

  public List<PhaseLogEntry> phaseLog() {
    return Collections.unmodifiableList(phaseLog);
  }

  /** The rules of the live phase; everything open when no phase is live. */
  public PhaseRules currentRules() {
    return currentPhase().map(Phase::rules).orElse(PhaseRules.OPEN);
  }

  /** Timers by key: {@link #ALL} or a breakout group's id. */
  public Map<String, SessionTimer> timers() {
    return Collections.unmodifiableMap(timers);
  }

  public boolean boardLocked() {
    return boardLocked;
  }

  public Set<String> lockedFrames() {
    return Collections.unmodifiableSet(lockedFrames);
  }

  public boolean privateModeOn() {
    return privateMode.on();
  }

  /** The current round while private mode is on, else the last one (0 before any). */
  public int privateRound() {
    return privateMode.round();
  }

  public boolean facilitatorsSee() {
    return privateMode.facilitatorsSee();
  }

  public boolean roundRevealed(int round) {
    return privateMode.revealed(round);
  }

  public boolean roundAnonymous(int round) {
    return privateMode.anonymous(round);
  }

  /** The open vote or the last closed one. */
  public Optional<DotVote> vote() {
    return Optional.ofNullable(vote);
  }

  /** Closed votes, oldest first. */
  public List<DotVote> votes() {
    return Collections.unmodifiableList(votes);
  }

  public List<RaisedHand> hands() {
    return Collections.unmodifiableList(hands);
  }

  /** The breakout groups; empty when there are no breakouts. */
  public List<BreakoutGroup> groups() {
    return groups == null ? List.of() : groups;
  }

  public Optional<BreakoutGroup> groupOf(String userId) {
    return groups().stream().filter(g -> g.members().contains(userId)).findFirst();
  }

  public Optional<BreakoutGroup> group(String groupId) {
    return groups().stream().filter(g -> g.id().equals(groupId)).findFirst();
  }

  /** The facilitator everyone follows, or null. */
  public String follow() {
    return follow;
  }

  /** The recap, once built at the end; null before. */
  public JsonObject recap() {
    return recap == null ? null : recap.copy();
  }

  /** Stores the recap the room built from {@link Recap#build} after the session {@link Effect.Ended ended}. */
  public void recap(JsonObject recap) {
    this.recap = recap.copy();
  }

  /**
   * The agenda from a client's phases: a phase naming the id of one of {@code existing} keeps it
   * (so its log stays its own), others get new ids; every frame must be a frame on the board.
   */
  static List<Phase> buildPhases(List<PhaseSpec> specs, List<Phase> existing, SessionContext ctx) {
    List<Phase> out = new ArrayList<>();
    Set<String> ids = new LinkedHashSet<>();
    for (int i = 0; i < specs.size(); i++) {
      PhaseSpec p = specs.get(i);
      if (p.id() != null && existing.stream().noneMatch(e -> e.id().equals(p.id()))) {
        throw CrossboardException.invalid("phases[" + i + "].id is not a phase of this session");
      }
      String phaseId = p.id() != null ? p.id() : newId("p_", ctx.random());
      if (!ids.add(phaseId)) {
        throw CrossboardException.invalid("phases[" + i + "].id names a phase twice");
      }
      if (p.frame() != null) {
        requireFrame(ctx.board(), p.frame(), "phases[" + i + "].frame");
      }
      out.add(new Phase(phaseId, p.title(), p.minutes(), p.frame(), p.rules()));
    }
    return out;
  }

  /** Refuses ({@code ERR_INVALID}, naming {@code field}) an id that is not a frame on the board. */
  static void requireFrame(BoardLookup board, String id, String field) {
    if (!"frame".equals(board.typeOf(id))) {
      throw CrossboardException.invalid(field + " is not a frame on this board");
    }
  }

  /** A fresh id: the prefix and 16 hex digits. */
  static String newId(String prefix, RandomGenerator random) {
    return prefix + hex(random, 8);
  }

  /** Hex of {@code bytes} random bytes. */
  static String hex(RandomGenerator random, int bytes) {
    byte[] b = new byte[bytes];
    random.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  private static List<JsonObject> objects(JsonArray array) {
    List<JsonObject> out = new ArrayList<>();
    array.forEach(o -> out.add((JsonObject) o));
    return out;
  }
}
