package org.crossboard.session;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crossboard.error.CrossboardException;
import org.crossboard.error.ErrorCode;

/**
 * A dot vote (SPEC.md L6, L7): each person spends up to {@code dots} dots on the vote's records, at
 * most {@code cap} on one. Every cast, +1 or −1, appends a ballot to a {@link BallotChain}; while the
 * vote is open only the chain's count and head are public, at close the ballots are revealed with
 * the results. In an anonymous vote a ballot names a pseudonym ({@code voter-1}, … in the order of
 * first ballots); which pseudonym is whose stays in the stored document only, for good.
 */
public final class DotVote {
  /** Bounds the session document: a ballot is about 150 bytes. */
  public static final int MAX_BALLOTS = 2_000;
  private final String id;
  private final List<String> records;
  private final int dots;
  private final Integer cap;
  private final boolean anonymous;
  private final boolean liveCounts;
  private final long openedAt;
  private final List<JsonObject> ballots;
  private final Map<String, String> pseudonyms;
  private boolean open;
  private Long closedAt;
  private String head;
  private JsonObject results;

  private DotVote(String id, List<String> records, int dots, Integer cap, boolean anonymous, boolean liveCounts,
      long openedAt, boolean open, Long closedAt, List<JsonObject> ballots, Map<String, String> pseudonyms,
      String head, JsonObject results) {
    this.id = id;
    this.records = List.copyOf(records);
    this.dots = dots;
    this.cap = cap;
    this.anonymous = anonymous;
    this.liveCounts = liveCounts;
    this.openedAt = openedAt;
    this.open = open;
    this.closedAt = closedAt;
    this.ballots = ballots;
    this.pseudonyms = pseudonyms;
    this.head = head;
    this.results = results;
  }

  /** A new open vote with no ballots. */
  static DotVote open(String id, List<String> records, int dots, Integer cap, boolean anonymous,
      boolean liveCounts, long now) {
    return new DotVote(id, records, dots, cap, anonymous, liveCounts, now, true, null, new ArrayList<>(),
        new LinkedHashMap<>(), BallotChain.GENESIS, null);
  }

  public String id() {
    return id;
  }

  public boolean isOpen() {
    return open;
  }

  public boolean anonymous() {
    return anonymous;
  }

  public boolean liveCounts() {
    return liveCounts;
  }

  public List<String> records() {
    return records;
  }

  /** Ballots cast so far (secret while open). */
  public List<JsonObject> ballots() {
    return List.copyOf(ballots);
  }

  public String head() {
    return head;
  }

  /**
   * Casts one dot ({@code delta} +1) or takes one back (−1) for {@code userId}. Refuses a record not
   * in the vote ({@code ERR_INVALID}), a dot beyond the person's {@code dots} or the record's cap,
   * or taking back a dot that is not there ({@code ERR_VOTE_LIMIT}).
   */
  void cast(String userId, String record, int delta, String nonce) {
    if (!open) {
      throw new CrossboardException(ErrorCode.ERR_SESSION_STATE, "the vote is closed");
    }
    if (!records.contains(record)) {
      throw CrossboardException.invalid("record is not in the vote");
    }
    if (ballots.size() >= MAX_BALLOTS) {
      throw new CrossboardException(ErrorCode.ERR_VOTE_LIMIT, "the vote holds no more ballots");
    }
    Map<String, Integer> mine = dotsOf(userId);
    int here = mine.getOrDefault(record, 0);
    if (delta > 0) {
      if (used(mine) >= dots) {
        throw new CrossboardException(ErrorCode.ERR_VOTE_LIMIT, "no dots left");
      }
      if (cap != null && here >= cap) {
        throw new CrossboardException(ErrorCode.ERR_VOTE_LIMIT, "this record has its cap of your dots");
      }
    } else if (here <= 0) {
      throw new CrossboardException(ErrorCode.ERR_VOTE_LIMIT, "no dot of yours on this record");
    }
    String voter = anonymous ? pseudonyms.computeIfAbsent(userId, u -> "voter-" + (pseudonyms.size() + 1)) : userId;
    JsonObject ballot = new JsonObject().put("n", ballots.size() + 1).put("voter", voter).put("record", record)
        .put("delta", delta).put("nonce", nonce);
    ballots.add(ballot);
    head = BallotChain.next(head, ballot);
  }

  /**
   * Closes the vote and computes its results: every record ranked by count (ties by record id),
   * and unless anonymous who put dots on each.
   */
  void close(long now) {
    open = false;
    closedAt = now;
    Map<String, Integer> counts = counts();
    JsonArray ranking = new JsonArray();
    counts.entrySet().stream()
        .sorted(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue).reversed()
            .thenComparing(Map.Entry::getKey))
        .forEach(e -> ranking.add(new JsonObject().put("record", e.getKey()).put("count", e.getValue())));
    results = new JsonObject().put("ranking", ranking);
    if (!anonymous) {
      Map<String, Map<String, Integer>> byVoter = new LinkedHashMap<>(); // voters in the order of their first ballot
      for (JsonObject b : ballots) {
        byVoter.computeIfAbsent(b.getString("voter"), v -> new LinkedHashMap<>())
            .merge(b.getString("record"), b.getInteger("delta"), Integer::sum);
      }
      JsonObject voters = new JsonObject();
      for (String record : records) {
        JsonArray who = new JsonArray();
        byVoter.forEach((voter, mine) -> {
          if (mine.getOrDefault(record, 0) > 0) {
            who.add(voter);
          }
        });
        voters.put(record, who);
      }
      results.put("voters", voters);
    }
  }

  /** Dots per record, every record of the vote in its order, recomputed from the ballots. */
  public Map<String, Integer> counts() {
    Map<String, Integer> counts = new LinkedHashMap<>();
    records.forEach(r -> counts.put(r, 0));
    for (JsonObject b : ballots) {
      counts.merge(b.getString("record"), b.getInteger("delta"), Integer::sum);
    }
    return counts;
  }

  /** The person's dots per record (records with none left out). */
  public Map<String, Integer> dotsOf(String userId) {
    String voter = anonymous ? pseudonyms.get(userId) : userId;
    return voter == null ? Map.of() : dotsOfVoter(voter);
  }

  /** Dots the person may still cast. */
  public int left(String userId) {
    return dots - used(dotsOf(userId));
  }

  private Map<String, Integer> dotsOfVoter(String voter) {
    Map<String, Integer> mine = new LinkedHashMap<>();
    for (JsonObject b : ballots) {
      if (voter.equals(b.getString("voter"))) {
        mine.merge(b.getString("record"), b.getInteger("delta"), Integer::sum);
      }
    }
    mine.values().removeIf(n -> n == 0);
    return mine;
  }

  private static int used(Map<String, Integer> mine) {
    return mine.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** {@code {count, hash}}: public at all times. */
  public JsonObject chain() {
    return new JsonObject().put("count", ballots.size()).put("hash", head);
  }

  /** The stored form, secrets included (ballots, pseudonym map). */
  public JsonObject toJson() {
    JsonObject pseudonymMap = new JsonObject();
    pseudonyms.forEach(pseudonymMap::put);
    return publicFields().put("ballots", new JsonArray(ballots.stream().map(JsonObject::copy).toList()))
        .put("pseudonyms", pseudonymMap).put("results", results == null ? null : results.copy());
  }

  /**
   * What anyone may see: never the pseudonym map or a ballot ({@link #revealed()}); the results
   * once closed; the per-record counts of an open vote only with live counts.
   */
  public JsonObject view() {
    JsonObject view = publicFields();
    if (open) {
      if (liveCounts) {
        view.put("counts", countsJson());
      }
    } else {
      view.put("results", results.copy());
    }
    return view;
  }

  /**
   * A closed vote's ballots, to check it (L7): {@code {"vote","chain","ballots"}}; null while open.
   * Not part of {@link #view()}: views go out many times a second for the rest of the session, the
   * ballots once, when the vote closes (and over REST on demand).
   */
  public JsonObject revealed() {
    return open ? null : new JsonObject().put("vote", id).put("chain", chain())
        .put("ballots", new JsonArray(ballots.stream().map(JsonObject::copy).toList()));
  }

  /** Per-record counts as JSON. */
  public JsonObject countsJson() {
    JsonObject json = new JsonObject();
    counts().forEach(json::put);
    return json;
  }

  private JsonObject publicFields() {
    return new JsonObject().put("id", id).put("state", open ? "open" : "closed").put("records", new JsonArray(records))
        .put("dots", dots).put("cap", cap).put("anonymous", anonymous).put("liveCounts", liveCounts)
        .put("openedAt", openedAt).put("closedAt", closedAt).put("chain", chain());
  }

  public static DotVote fromJson(JsonObject json) {
    Map<String, String> pseudonyms = new LinkedHashMap<>();
    json.getJsonObject("pseudonyms").forEach(e -> pseudonyms.put(e.getKey(), (String) e.getValue()));
    List<JsonObject> ballots = new ArrayList<>();
    json.getJsonArray("ballots").forEach(b -> ballots.add(((JsonObject) b).copy()));
    JsonObject results = json.getJsonObject("results");
    return new DotVote(json.getString("id"), json.getJsonArray("records").stream().map(String.class::cast).toList(),
        json.getInteger("dots"), json.getInteger("cap"), json.getBoolean("anonymous"), json.getBoolean("liveCounts"),
        json.getLong("openedAt"), "open".equals(json.getString("state")), json.getLong("closedAt"), ballots,
        pseudonyms, json.getJsonObject("chain").getString("hash"), results == null ? null : results.copy());
  }
}
