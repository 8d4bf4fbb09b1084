package org.crossboard.session;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * What each audience may see of a session (SPEC.md L6): built from the stored document by taking
 * out what must never be sent, never by trusting the sender to leave it out.
 *
 * <p>Neither audience gets the pseudonym map of an anonymous vote (ever), the ballots of an open
 * vote, or its per-record counts unless the vote shows live counts: facilitators cast secret
 * ballots too. What facilitators alone see is the recap's attendance (who came, from which
 * organisation and country); participants get the rest of the recap. Private notes are not in the
 * session at all: they are board records, redacted by the core.
 */
public final class SessionViews {
  private SessionViews() {}

  public static JsonObject forFacilitators(Session s) {
    return common(s).put("recap", s.recap());
  }

  public static JsonObject forParticipants(Session s) {
    JsonObject recap = s.recap();
    if (recap != null) {
      recap.remove("attendance");
    }
    return common(s).put("recap", recap);
  }

  /**
   * The person's own dots in the current (open or last closed) vote:
   * {@code {"vote":id,"dots":{record:n},"left":k}}, or {@code {"vote":null}}.
   */
  public static JsonObject mine(Session s, String userId) {
    if (s.vote == null) {
      return new JsonObject().put("vote", null);
    }
    JsonObject dots = new JsonObject();
    s.vote.dotsOf(userId).forEach(dots::put);
    return new JsonObject().put("vote", s.vote.id()).put("dots", dots).put("left", s.vote.left(userId));
  }

  /**
   * The ballots of every closed vote of the session, by vote id ({@link DotVote#revealed()}): what
   * anyone needs to recompute a vote's chain and counts (L7).
   */
  public static JsonObject ballots(Session s) {
    JsonObject all = new JsonObject();
    s.votes.forEach(v -> all.put(v.id(), v.revealed()));
    if (s.vote != null && !s.vote.isOpen()) {
      all.put(s.vote.id(), s.vote.revealed());
    }
    return all;
  }

  private static JsonObject common(Session s) {
    JsonObject doc = s.toJson();
    JsonObject view = new JsonObject().put("id", s.id());
    doc.forEach(e -> {
      if (!e.getKey().equals("_id") && !e.getKey().equals("recap")) {
        view.put(e.getKey(), e.getValue());
      }
    });
    // the stored forms of votes hold ballots and pseudonyms: replace them by their public views
    view.put("vote", s.vote == null ? null : s.vote.view());
    // earlier votes as a ranking only: views go out many times a second, and who voted for what in
    // each closed vote (results.voters) is in the recap and the REST answer, not repeated here
    view.put("votes", new JsonArray(s.votes.stream().filter(v -> s.vote == null || !v.id().equals(s.vote.id()))
        .map(v -> {
          JsonObject earlier = v.view();
          earlier.getJsonObject("results").remove("voters");
          return earlier;
        }).toList()));
    return view;
  }
}
