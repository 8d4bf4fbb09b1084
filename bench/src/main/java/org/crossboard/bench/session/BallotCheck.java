package org.crossboard.bench.session;

import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a revealed vote from the outside, as any participant could (docs/SESSIONS.md "Dot
 * voting"): the ballots come from the {@code session.ballots} frame (views never carry them), the
 * chain head is recomputed here from them with its own SHA-256 code, not the server's
 * {@code BallotChain} (a shared bug would otherwise check itself), and must equal both the ballots
 * frame's {@code chain} and the closed view's {@code vote.chain}; the view's {@code results} must
 * equal the tallies of the ballots.
 */
final class BallotCheck {

    static final String GENESIS = "0".repeat(64);

    private BallotCheck() {
    }

    /**
     * Problems with the closed vote {@code voteId} (none: empty).
     *
     * @param ballotsText    the text of the {@code session.ballots} frame for the vote
     * @param closedText     the text of the first {@code session} frame showing the vote closed
     * @param expectedVoters each voter's user id and how many dots they got {@code session.ok} for
     * @param dots           dots per person
     */
    static List<String> check(String ballotsText, String closedText, String voteId, Map<String, Integer> expectedVoters,
                              int dots) {
        List<String> problems = new ArrayList<>();
        JsonObject revealed = new JsonObject(ballotsText);
        if (!"session.ballots".equals(revealed.getString("t")) || !voteId.equals(revealed.getString("vote"))) {
            problems.add("ballots frame is " + revealed.getString("t") + " of vote " + revealed.getString("vote"));
            return problems;
        }
        JsonObject session = new JsonObject(closedText).getJsonObject("session");
        JsonObject vote = session == null ? null : session.getJsonObject("vote");
        if (vote == null || !voteId.equals(vote.getString("id"))) {
            problems.add("the closed view's current vote is not " + voteId);
            return problems;
        }
        if (!"closed".equals(vote.getString("state"))) {
            problems.add("vote state " + vote.getString("state"));
        }
        if (vote.containsKey("ballots")) {
            problems.add("the closed view carries ballots (views never should)");
        }
        JsonArray ballots = revealed.getJsonArray("ballots");
        JsonObject revealedChain = revealed.getJsonObject("chain");
        JsonObject chain = vote.getJsonObject("chain");
        JsonObject results = vote.getJsonObject("results");
        if (ballots == null || revealedChain == null || chain == null || results == null) {
            problems.add("ballots frame without ballots or chain, or closed view without chain or results");
            return problems;
        }
        int expectedBallots = expectedVoters.values().stream().mapToInt(Integer::intValue).sum();
        if (ballots.size() != expectedBallots) {
            problems.add("ballots " + ballots.size() + ", acked casts " + expectedBallots);
        }
        if (expectedBallots != expectedVoters.size() * dots) {
            problems.add("acked casts " + expectedBallots + ", expected " + expectedVoters.size() + " x " + dots);
        }
        if (revealedChain.getLong("count") != ballots.size()) {
            problems.add("ballots frame chain.count " + revealedChain.getLong("count") + " but " + ballots.size() + " ballots");
        }
        if (chain.getLong("count") != ballots.size()) {
            problems.add("closed view chain.count " + chain.getLong("count") + " but " + ballots.size() + " ballots");
        }
        String head = GENESIS;
        Map<String, Integer> tally = new HashMap<>();
        Map<String, Integer> byVoter = new HashMap<>();
        for (int i = 0; i < ballots.size(); i++) {
            JsonObject b = ballots.getJsonObject(i);
            if (b.getLong("n") != i + 1) {
                problems.add("ballot " + i + " has n " + b.getLong("n"));
            }
            head = next(head, b);
            tally.merge(b.getString("record"), b.getInteger("delta"), Integer::sum);
            byVoter.merge(b.getString("voter"), b.getInteger("delta"), Integer::sum);
            if (b.getInteger("delta") != 1) {
                problems.add("ballot " + (i + 1) + " has delta " + b.getInteger("delta"));
            }
        }
        if (!head.equals(revealedChain.getString("hash"))) {
            problems.add("recomputed head " + head + " != ballots frame chain.hash " + revealedChain.getString("hash"));
        }
        if (!head.equals(chain.getString("hash"))) {
            problems.add("recomputed head " + head + " != closed view chain.hash " + chain.getString("hash"));
        }
        JsonArray ranking = results.getJsonArray("ranking");
        int sum = 0;
        Set<String> records = Set.copyOf(vote.getJsonArray("records").stream().map(String::valueOf).toList());
        for (int i = 0; i < ranking.size(); i++) {
            JsonObject r = ranking.getJsonObject(i);
            int count = r.getInteger("count");
            sum += count;
            if (count != tally.getOrDefault(r.getString("record"), 0)) {
                problems.add("results count " + count + " for " + r.getString("record") + ", ballots say "
                    + tally.getOrDefault(r.getString("record"), 0));
            }
            if (i > 0 && count > ranking.getJsonObject(i - 1).getInteger("count")) {
                problems.add("ranking out of order at " + i);
            }
        }
        if (ranking.size() != records.size()) {
            problems.add("ranking has " + ranking.size() + " of " + records.size() + " records");
        }
        if (sum != ballots.size()) {
            problems.add("results counts sum to " + sum + ", ballots " + ballots.size());
        }
        if (!byVoter.keySet().equals(expectedVoters.keySet())) {
            problems.add("voters in the ballots (" + byVoter.size() + ") are not the participants who cast ("
                + expectedVoters.size() + ")");
        }
        expectedVoters.forEach((voter, n) -> {
            if (!n.equals(byVoter.get(voter))) {
                problems.add("voter " + voter + " acked " + n + " dots, ballots hold " + byVoter.get(voter));
            }
            if (n != dots) {
                problems.add("voter " + voter + " cast " + n + " of " + dots + " dots");
            }
        });
        JsonObject voters = results.getJsonObject("voters");
        if (voters != null) {
            for (String record : records) {
                JsonArray who = voters.getJsonArray(record, new JsonArray());
                long withDots = byVoterOn(ballots, record);
                if (who.size() != withDots) {
                    problems.add("results.voters lists " + who.size() + " for " + record + ", ballots " + withDots);
                }
            }
        }
        return problems.size() > 20 ? problems.subList(0, 20) : problems;
    }

    private static long byVoterOn(JsonArray ballots, String record) {
        Map<String, Integer> n = new HashMap<>();
        for (int i = 0; i < ballots.size(); i++) {
            JsonObject b = ballots.getJsonObject(i);
            if (record.equals(b.getString("record"))) {
                n.merge(b.getString("voter"), b.getInteger("delta"), Integer::sum);
            }
        }
        return n.values().stream().filter(v -> v > 0).count();
    }

    /** {@code sha256hex(previous + "\n" + canonical ballot)}, canonical keys in the order n, voter, record, delta, nonce. */
    static String next(String previous, JsonObject ballot) {
        String canonical = "{\"n\":" + ballot.getLong("n") + ",\"voter\":" + Json.encode(ballot.getString("voter"))
            + ",\"record\":" + Json.encode(ballot.getString("record")) + ",\"delta\":" + ballot.getLong("delta")
            + ",\"nonce\":" + Json.encode(ballot.getString("nonce")) + "}";
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest((previous + "\n" + canonical).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
