package org.crossboard.session;

import static org.crossboard.session.Fixture.ANA;
import static org.crossboard.session.Fixture.BEN;
import static org.crossboard.session.Fixture.CAT;
import static org.crossboard.session.Fixture.FAC;
import static org.crossboard.session.Fixture.VIC;
import static org.crossboard.session.Fixture.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.crossboard.error.ErrorCode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DotVoteTest {
  final Fixture fx = new Fixture();

  private Session openVote(JsonObject open) {
    Session s = fx.live();
    fx.apply(s, FAC, "session.vote.open", open);
    return s;
  }

  private Outcome cast(Session s, Actor who, String record, int delta) {
    return fx.apply(s, who, "session.vote.cast", new JsonObject().put("record", record).put("delta", delta));
  }

  private static JsonObject records(String... ids) {
    return new JsonObject().put("records", new JsonArray(List.of(ids)));
  }

  @Test
  @DisplayName("[L6] open: live only, one at a time, records on the board or a frame's notes, texts and shapes")
  void open() {
    Session scheduled = fx.scheduled();
    refused(ErrorCode.ERR_SESSION_STATE, () -> fx.apply(scheduled, FAC, "session.vote.open", records("n_1").put("dots", 1)));
    Session s = fx.live();
    refused(ErrorCode.ERR_INVALID, () -> fx.apply(s, FAC, "session.vote.open", records("n_1", "gone").put("dots", 1)));
    refused(ErrorCode.ERR_INVALID, () -> fx.apply(s, FAC, "session.vote.open", new JsonObject().put("frame", "n_1").put("dots", 1)));
    refused(ErrorCode.ERR_INVALID, () -> fx.apply(s, FAC, "session.vote.open", new JsonObject().put("frame", "f_2").put("dots", 1)));
    Outcome o = fx.apply(s, FAC, "session.vote.open", new JsonObject().put("frame", "f_1").put("dots", 3).put("cap", 2));
    DotVote v = s.vote().orElseThrow();
    assertEquals(List.of("n_1", "n_2", "t_1"), v.records()); // the connector is left out
    assertTrue(v.id().startsWith("v_"));
    assertEquals("session.vote.open", ((Effect.Audit) o.effects().get(0)).action());
    refused(ErrorCode.ERR_SESSION_STATE, () -> fx.apply(s, FAC, "session.vote.open", records("n_1").put("dots", 1)));
  }

  @Test
  @DisplayName("[L6] cast limits: dots, cap, own dots only, records of the vote, commenters and up, phase rules")
  void limits() {
    Session s = openVote(records("n_1", "n_2", "n_3").put("dots", 3).put("cap", 2));
    Outcome first = cast(s, ANA, "n_1", 1);
    assertEquals(List.of(new Effect.BallotCast("u_ana")), first.effects());
    cast(s, ANA, "n_1", 1);
    refused(ErrorCode.ERR_VOTE_LIMIT, () -> cast(s, ANA, "n_1", 1)); // cap
    cast(s, ANA, "n_2", 1);
    refused(ErrorCode.ERR_VOTE_LIMIT, () -> cast(s, ANA, "n_3", 1)); // no dots left
    refused(ErrorCode.ERR_VOTE_LIMIT, () -> cast(s, ANA, "n_3", -1)); // none of hers there
    refused(ErrorCode.ERR_INVALID, () -> cast(s, ANA, "f_1", 1));
    refused(ErrorCode.ERR_FORBIDDEN, () -> cast(s, VIC, "n_1", 1));
    cast(s, ANA, "n_1", -1);
    cast(s, ANA, "n_3", 1);
    assertEquals(new JsonObject().put("vote", s.vote().orElseThrow().id())
        .put("dots", new JsonObject().put("n_1", 1).put("n_2", 1).put("n_3", 1)).put("left", 0),
        SessionViews.mine(s, "u_ana"));
    assertEquals(new JsonObject().put("vote", s.vote().orElseThrow().id()).put("dots", new JsonObject()).put("left", 3),
        SessionViews.mine(s, "u_ben"));

    fx.apply(s, FAC, "session.next", new JsonObject()); // phase 2 forbids voting
    refused(ErrorCode.ERR_PHASE_RULES, () -> cast(s, BEN, "n_1", 1));
    fx.apply(s, FAC, "session.vote.close", new JsonObject());
    refused(ErrorCode.ERR_SESSION_STATE, () -> cast(s, BEN, "n_1", 1));
    refused(ErrorCode.ERR_SESSION_STATE, () -> fx.apply(s, FAC, "session.vote.close", new JsonObject()));
    assertEquals(new JsonObject().put("vote", null), SessionViews.mine(fx.live(), "u_ana"));
  }

  @Test
  @DisplayName("[L6] while open no view holds ballots, nonces, pseudonyms or counts; live counts show counts only")
  void secretWhileOpen() {
    Session s = openVote(records("n_1", "n_2").put("dots", 2).put("anonymous", true));
    cast(s, ANA, "n_1", 1);
    cast(s, BEN, "n_2", 1);
    String stored = s.toJson().encode();
    assertTrue(stored.contains("\"nonce\"") && stored.contains("u_ana") && stored.contains("voter-1"));
    for (JsonObject view : List.of(SessionViews.forFacilitators(s), SessionViews.forParticipants(s),
        SessionViews.ballots(s))) {
      String text = view.encode();
      assertFalse(text.contains("ballots"), text);
      assertFalse(text.contains("nonce"), text);
      assertFalse(text.contains("pseudonyms"), text);
      assertFalse(text.contains("voter-"), text);
      assertFalse(text.contains("counts"), text);
      assertFalse(text.contains("results"), text);
    }
    JsonObject vote = SessionViews.forParticipants(s).getJsonObject("vote");
    assertEquals(2, vote.getJsonObject("chain").getInteger("count"));
    assertEquals(s.vote().orElseThrow().head(), vote.getJsonObject("chain").getString("hash"));

    Session live = openVote(records("n_1", "n_2").put("dots", 2).put("liveCounts", true));
    cast(live, ANA, "n_1", 1);
    JsonObject counts = new JsonObject().put("n_1", 1).put("n_2", 0);
    assertEquals(counts, SessionViews.forParticipants(live).getJsonObject("vote").getJsonObject("counts"));
    assertFalse(SessionViews.forParticipants(live).encode().contains("nonce"));
  }

  @Test
  @DisplayName("[L6][L7] at close the ballots are revealed; the chain and the counts recompute from them")
  void closeAndVerify() {
    Session s = openVote(records("n_1", "n_2", "n_3").put("dots", 3));
    cast(s, ANA, "n_2", 1);
    cast(s, ANA, "n_2", 1);
    cast(s, BEN, "n_1", 1);
    cast(s, CAT, "n_2", 1);
    cast(s, BEN, "n_3", 1);
    cast(s, BEN, "n_3", -1);
    String openHead = SessionViews.forParticipants(s).getJsonObject("vote").getJsonObject("chain").getString("hash");
    Outcome closed = fx.apply(s, FAC, "session.vote.close", new JsonObject());
    assertEquals("session.vote.close", ((Effect.Audit) closed.effects().get(0)).action());

    for (JsonObject view : List.of(SessionViews.forParticipants(s), SessionViews.forFacilitators(s))) {
      JsonObject vote = view.getJsonObject("vote");
      assertEquals("closed", vote.getString("state"));
      assertFalse(vote.containsKey("ballots"), "[L7] views never carry ballots; they are revealed once");
      JsonObject revealed = SessionViews.ballots(s).getJsonObject(vote.getString("id"));
      assertEquals(vote.getJsonObject("chain"), revealed.getJsonObject("chain"));
      List<JsonObject> ballots = revealed.getJsonArray("ballots").stream().map(JsonObject.class::cast).toList();
      assertEquals(6, ballots.size());
      assertEquals(vote.getJsonObject("chain").getString("hash"), BallotChain.headOf(ballots));
      assertEquals(openHead, BallotChain.headOf(ballots));
      Map<String, Integer> counts = new HashMap<>();
      ballots.forEach(b -> counts.merge(b.getString("record"), b.getInteger("delta"), Integer::sum));
      JsonArray ranking = vote.getJsonObject("results").getJsonArray("ranking");
      assertEquals(new JsonArray().add(new JsonObject().put("record", "n_2").put("count", 3))
          .add(new JsonObject().put("record", "n_1").put("count", 1))
          .add(new JsonObject().put("record", "n_3").put("count", 0)), ranking);
      ranking.forEach(r -> assertEquals(((JsonObject) r).getInteger("count"),
          counts.getOrDefault(((JsonObject) r).getString("record"), 0)));
      assertEquals(new JsonArray().add("u_ana").add("u_cat"),
          vote.getJsonObject("results").getJsonObject("voters").getJsonArray("n_2"));
      assertEquals(new JsonArray(), vote.getJsonObject("results").getJsonObject("voters").getJsonArray("n_3"));
      assertEquals(0, view.getJsonArray("votes").size(), "the closed vote is the current one, not repeated among the earlier");
    }
  }

  @Test
  @DisplayName("[L6][L7] an anonymous vote reveals pseudonyms fixed per person, never who is who")
  void anonymous() {
    Session s = openVote(records("n_1", "n_2").put("dots", 2).put("anonymous", true));
    cast(s, BEN, "n_1", 1);
    cast(s, ANA, "n_1", 1);
    cast(s, BEN, "n_2", 1);
    fx.apply(s, FAC, "session.vote.close", new JsonObject());
    JsonObject vote = SessionViews.forParticipants(s).getJsonObject("vote");
    List<String> voters = SessionViews.ballots(s).getJsonObject(vote.getString("id")).getJsonArray("ballots").stream()
        .map(b -> ((JsonObject) b).getString("voter")).toList();
    assertEquals(List.of("voter-1", "voter-2", "voter-1"), voters);
    assertNull(vote.getJsonObject("results").getValue("voters"));
    for (JsonObject view : List.of(SessionViews.forParticipants(s), SessionViews.forFacilitators(s), SessionViews.ballots(s))) {
      assertFalse(view.encode().contains("u_ben"), view.encode());
      assertFalse(view.encode().contains("pseudonyms"));
    }
    assertEquals(new JsonObject().put("n_1", 1).put("n_2", 1), SessionViews.mine(s, "u_ben").getJsonObject("dots"));
  }

  @Test
  @DisplayName("[L7] the chain: genesis is 64 zeros, fixed canonical form, any change to a ballot breaks it")
  void chain() {
    assertEquals("0".repeat(64), BallotChain.headOf(List.of()));
    JsonObject b = new JsonObject().put("nonce", "ab").put("delta", 1).put("record", "n_1").put("voter", "u_1").put("n", 1);
    assertEquals("{\"n\":1,\"voter\":\"u_1\",\"record\":\"n_1\",\"delta\":1,\"nonce\":\"ab\"}", BallotChain.canonical(b));
    // sha256 of 64 zeros, a newline and that canonical text, computed independently with sha256sum
    assertEquals("ee897bd9d35cb0297b281481b1c2c206036a9bac6a7c06a7b4816cd4525fc773", BallotChain.headOf(List.of(b)));
    assertEquals(64, BallotChain.next(BallotChain.GENESIS, b).length());
    assertNotEquals(BallotChain.headOf(List.of(b)), BallotChain.headOf(List.of(b.copy().put("delta", -1))));
    Session s = openVote(records("n_1").put("dots", 2));
    cast(s, ANA, "n_1", 1);
    cast(s, ANA, "n_1", 1);
    List<JsonObject> ballots = s.vote().orElseThrow().ballots();
    assertNotEquals(ballots.get(0).getString("nonce"), ballots.get(1).getString("nonce"));
    assertEquals(32, ballots.get(0).getString("nonce").length());
    assertNotEquals(s.vote().orElseThrow().head(), BallotChain.headOf(List.of(ballots.get(1), ballots.get(0))));
  }

  @Test
  @DisplayName("[L6] ending the session closes an open vote with its results")
  void endCloses() {
    Session s = openVote(records("n_1").put("dots", 1));
    cast(s, ANA, "n_1", 1);
    fx.apply(s, FAC, "session.end", new JsonObject());
    DotVote v = s.vote().orElseThrow();
    assertFalse(v.isOpen());
    assertEquals(List.of(v.id()), s.votes().stream().map(DotVote::id).toList());
    assertTrue(SessionViews.forParticipants(s).getJsonObject("vote").containsKey("results"));
  }
}
