package org.crossboard.bench.session;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.crossboard.bench.BenchAccess;
import org.crossboard.bench.BenchConfig;
import org.crossboard.bench.LatencyHistogram;
import org.crossboard.bench.ServerProbe;

import java.lang.management.ManagementFactory;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * The live-session benchmark (docs/BENCHMARKS.md "Live session: 200 voters"): a facilitator (the
 * board's owner) and N participants (guests through an editor invitation) on one board with a few
 * dozen notes. The facilitator creates a session with one phase, starts it, opens a dot vote on
 * ten notes and right after it starts a timer that closes the vote at zero. Every participant
 * casts all its dots at uniformly random moments within {@code spreadMs} of the vote opening.
 *
 * <p>Measures vote-to-ack (cast sent → {@code session.ok} with its id), open-to-everyone (vote.open
 * sent → each person's first {@code session} frame with the vote open), reveal-to-everyone (the
 * timer's {@code endsAt} on the server's clock → each person's {@code session} frame with the vote
 * closed), ballots-to-everyone ({@code endsAt} → each person's {@code session.ballots}) and cue
 * lateness ({@code endsAt} → {@code session.cue}); server and generator on the same machine, so
 * epoch clocks agree. Then checks the revealed vote: exactly one {@code session.ballots} per person,
 * before the view showing the vote closed; its ballots = acked casts, the chain head recomputed
 * independently = its chain = the view's {@code vote.chain}, results = tallies, everyone's
 * {@code session.mine} spent.
 * Exits 0 when every check passed, 1 otherwise, 2 on a setup failure.
 */
public final class SessionBench {

    private static final int MAX_CONCURRENT_CONNECTS = 50;

    private SessionBench() {
    }

    /** Entry point; see {@link SessionConfig#usage()}. */
    public static void main(String[] args) throws Exception {
        SessionConfig cfg;
        try {
            cfg = SessionConfig.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(cfg.loops())
            .setBlockedThreadCheckInterval(10_000));
        int code;
        try {
            code = run(vertx, cfg);
        } catch (SetupFailed e) {
            System.err.println("setup failed: " + e.getMessage());
            code = 2;
        } finally {
            await(vertx.close(), 10);
        }
        System.exit(code);
    }

    private static final class SetupFailed extends Exception {
        SetupFailed(String message) {
            super(message);
        }
    }

    private static int run(Vertx vertx, SessionConfig cfg) throws Exception {
        BenchConfig probeCfg = BenchConfig.parse(new String[] {"--urls", String.join(",", cfg.urls()),
            "--clients", String.valueOf(cfg.participants())});
        ServerProbe probe = new ServerProbe(vertx.createHttpClient(), probeCfg);
        long t0 = System.nanoTime();
        BenchAccess.Setup access;
        try {
            access = BenchAccess.prepare(probe, probeCfg);
        } catch (IllegalStateException e) {
            throw new SetupFailed(e.getMessage());
        }
        String runId = runId();
        SessionRun run = new SessionRun(cfg, access.board());
        System.out.printf("board %s, run %s: 1 facilitator + %d participants (guests), %d notes, vote on %d with"
                + " %d dots each, casts within %d ms of the opening, timer %d ms closes the vote, %d round(s),"
                + " nodes %s; accounts in %d ms%n", access.board(), runId, cfg.participants(), cfg.notes(),
            cfg.voteRecords(), cfg.dots(), cfg.spreadMs(), cfg.timerMs(), cfg.rounds(), String.join(" ", cfg.urls()),
            (System.nanoTime() - t0) / 1_000_000);
        WebSocketClient ws = vertx.createWebSocketClient(new WebSocketClientOptions()
            .setMaxConnections(cfg.participants() + 16)
            .setMaxFrameSize(64 << 20).setMaxMessageSize(64 << 20).setConnectTimeout(10_000));

        // the facilitator and the notes
        SessionClient fac = new SessionClient(vertx, ws, run, -1, 0, access.ownerToken(), "sb_" + runId + "_f");
        await(fac.connect(), 30);
        JsonArray changes = new JsonArray();
        List<String> notes = new ArrayList<>();
        for (int k = 0; k < cfg.notes(); k++) {
            String id = "n_" + runId + "_" + k;
            notes.add(id);
            changes.add(new JsonObject().put("op", "put").put("record", new JsonObject().put("id", id)
                .put("type", "note").put("order", "a" + runId + "x" + String.format("%03d", k))
                .put("x", (k % 8) * 220).put("y", (k / 8) * 220).put("w", 200).put("h", 200)
                .put("text", "Idea " + (k + 1))));
        }
        expect(await(fac.request(new JsonObject().put("t", "push").put("changes", changes)), 30), "ack", "put notes");

        // the participants, at most 50 connecting at a time
        long setupStart = System.nanoTime();
        List<SessionClient> people = new ArrayList<>();
        List<Future<JsonObject>> welcomes = new ArrayList<>();
        LongAdder inFlight = new LongAdder();
        for (int i = 0; i < cfg.participants(); i++) {
            while (inFlight.sum() >= MAX_CONCURRENT_CONNECTS) {
                Thread.sleep(1);
            }
            SessionClient c = new SessionClient(vertx, ws, run, i, i % cfg.urls().size(), access.tokens()[i],
                "sb_" + runId + "_" + i);
            people.add(c);
            inFlight.increment();
            welcomes.add(c.connect().onComplete(ar -> inFlight.decrement()));
        }
        int ready = 0;
        long setupDeadline = setupStart + TimeUnit.SECONDS.toNanos(cfg.setupLimit());
        for (Future<JsonObject> w : welcomes) {
            try {
                await(w, Math.max(1, (setupDeadline - System.nanoTime()) / 1_000_000_000L));
                ready++;
            } catch (Exception e) {
                run.sample("participant not welcomed: " + e);
            }
        }
        System.out.printf("setup: facilitator + %d of %d participants welcomed in %d ms%n", ready,
            cfg.participants(), (System.nanoTime() - setupStart) / 1_000_000);
        if (ready < cfg.participants()) {
            run.samples.forEach(s -> System.out.println("  " + s));
            throw new SetupFailed("not every participant got in");
        }

        // the session: one phase, started
        long now = System.currentTimeMillis();
        expectOk(fac, new JsonObject().put("t", "session.create").put("title", "Bench session " + runId)
            .put("startsAt", now).put("timeZone", "Europe/Tallinn")
            .put("phases", new JsonArray().add(new JsonObject().put("title", "Dot vote").put("minutes", 30))),
            "session.create");
        expectOk(fac, new JsonObject().put("t", "session.start"), "session.start");
        Thread.sleep(1_000);

        Random random = new Random();
        List<String> voteRecords = notes.subList(0, cfg.voteRecords());
        RoundFigures all = new RoundFigures();
        List<JsonObject> rounds = new ArrayList<>();
        boolean ok = true;
        for (int r = 1; r <= cfg.rounds(); r++) {
            JsonObject round = round(r, cfg, run, probe, fac, people, access.users(), voteRecords, random, all);
            rounds.add(round);
            ok &= round.getBoolean("ok");
            if (r < cfg.rounds()) {
                Thread.sleep(2_000);
            }
        }
        JsonObject[] endMetrics = probe.metrics("end, clients still connected");
        Map<String, Long> otherFrames = new TreeMap<>();
        long closedSockets = 0;
        for (SessionClient c : people) {
            SessionClient.Snapshot s = await(c.snapshot(), 10);
            s.otherFrames().forEach((k, v) -> otherFrames.merge(k, v, Long::sum));
            closedSockets += s.closed() ? 1 : 0;
        }
        fac.close();
        people.forEach(SessionClient::close);
        Thread.sleep(300);

        JsonObject result = new JsonObject().put("participants", cfg.participants()).put("notes", cfg.notes())
            .put("voteRecords", cfg.voteRecords()).put("dots", cfg.dots()).put("spreadMs", cfg.spreadMs())
            .put("timerMs", cfg.timerMs()).put("rounds", rounds).put("nodes", new JsonArray(cfg.urls()))
            .put("voteToAckMs", hist(run.voteToAck)).put("openToEveryoneMs", hist(all.openToEveryone))
            .put("revealToEveryoneMs", hist(all.revealToEveryone))
            .put("ballotsToEveryoneMs", hist(all.ballotsToEveryone)).put("cueLatenessMs", hist(all.cueLateness))
            .put("castTimerLagMs", hist(run.castTimerLag))
            .put("castsSent", run.castsSent.sum()).put("castsAcked", run.castsAcked.sum())
            .put("castsRefused", run.castsRefused.sum()).put("castsNotSent", run.castsNotSent.sum())
            .put("refusalsByCode", counts(run.refusalsByCode)).put("errorsByCode", counts(run.errorsByCode))
            .put("closesByCode", counts(run.closesByCode)).put("socketsClosedByServer", closedSockets)
            .put("otherFrames", new JsonObject(new HashMap<>(otherFrames)))
            .put("serverMetricsEnd", endMetrics[0]);
        boolean allOk = ok && run.castsRefused.sum() == 0 && run.errorsByCode.isEmpty() && closedSockets == 0
            && run.closesByCode.isEmpty()
            && run.castsNotSent.sum() == 0;
        result.put("ok", allOk);
        if (!run.samples.isEmpty()) {
            System.out.println("first unexpected events:");
            run.samples.forEach(s -> System.out.println("  " + s));
        }
        System.out.println(text(result));
        System.out.println("RESULT_JSON " + result.encode());
        return allOk ? 0 : 1;
    }

    /** Figures over every round. */
    private static final class RoundFigures {
        final LatencyHistogram openToEveryone = new LatencyHistogram();
        final LatencyHistogram revealToEveryone = new LatencyHistogram();
        final LatencyHistogram ballotsToEveryone = new LatencyHistogram();
        final LatencyHistogram cueLateness = new LatencyHistogram();
    }

    private static JsonObject round(int r, SessionConfig cfg, SessionRun run, ServerProbe probe, SessionClient fac,
                                    List<SessionClient> people, String[] users, List<String> voteRecords,
                                    Random random, RoundFigures all) throws Exception {
        LatencyHistogram ackRound = new LatencyHistogram();
        run.roundVoteToAck = ackRound;
        long sentBefore = run.castsSent.sum(), ackedBefore = run.castsAcked.sum(), refusedBefore = run.castsRefused.sum();
        run.firstCastSent.set(Long.MAX_VALUE);
        run.lastCastAcked.set(Long.MIN_VALUE);
        List<SessionClient> everyone = new ArrayList<>(people);
        everyone.add(fac);
        Map<SessionClient, SessionClient.Snapshot> startSnaps = new HashMap<>();
        for (SessionClient c : everyone) {
            startSnaps.put(c, await(c.snapshot(), 10));
        }
        JsonObject[] atStart = probe.metrics("round " + r + " start");
        long cpu0 = processCpuNanos();
        long[] cores0 = coreTicks();
        long wall0 = System.nanoTime();

        // open the vote, and right after its session.ok start the timer
        long openSentMicros = SessionClient.nowMicros();
        JsonObject opened = await(fac.request(new JsonObject().put("t", "session.vote.open")
            .put("records", new JsonArray(voteRecords)).put("dots", cfg.dots())), 30);
        long openOkMicros = SessionClient.nowMicros();
        expect(opened, "session.ok", "session.vote.open");
        Future<JsonObject> timer = fac.request(new JsonObject().put("t", "session.timer").put("action", "start")
            .put("durationMs", cfg.timerMs()).put("atZero", "closeVote"));

        // the vote's id, from the first view showing it open; casts are planned from then on
        String voteId = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (voteId == null && System.nanoTime() < deadline) {
            JsonObject s = fac.latestSession();
            JsonObject v = s == null ? null : s.getJsonObject("vote");
            if (v != null && "open".equals(v.getString("state"))) {
                voteId = v.getString("id");
            } else {
                Thread.sleep(1);
            }
        }
        if (voteId == null) {
            throw new SetupFailed("round " + r + ": the facilitator never saw the vote open");
        }
        long base = System.nanoTime();
        for (SessionClient c : people) {
            for (int d = 0; d < cfg.dots(); d++) {
                long at = base + (long) (random.nextDouble() * cfg.spreadMs() * 1_000_000L);
                c.castAt(at, voteId, voteRecords.get(random.nextInt(voteRecords.size())));
            }
        }
        expect(await(timer, 30), "session.ok", "session.timer start");
        long timerOkMicros = SessionClient.nowMicros();

        // endsAt, from the facilitator's view of the running timer
        long endsAt = -1;
        deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (endsAt < 0 && System.nanoTime() < deadline) {
            JsonObject s = fac.latestSession();
            JsonObject t = s == null ? null : s.getJsonObject("timers", new JsonObject()).getJsonObject("all");
            if (t != null && "running".equals(t.getString("state")) && t.getValue("endsAt") instanceof Number n) {
                endsAt = n.longValue();
            } else {
                Thread.sleep(1);
            }
        }
        if (endsAt < 0) {
            throw new SetupFailed("round " + r + ": the facilitator never saw the timer running");
        }

        // wait for everyone's reveal and cue (or revealWait seconds after zero)
        long waitUntilMs = endsAt + cfg.revealWait() * 1_000L;
        Map<SessionClient, SessionClient.Snapshot> snaps = new HashMap<>();
        while (true) {
            Thread.sleep(200);
            if (System.currentTimeMillis() < endsAt) {
                continue;
            }
            snaps.clear();
            boolean done = true;
            for (SessionClient c : everyone) {
                SessionClient.Snapshot s = await(c.snapshot(), 10);
                snaps.put(c, s);
                SessionClient.VoteSeen v = s.votes().get(voteId);
                long cueAfter = s.cues().stream().filter(x -> x[0] >= openSentMicros).count();
                if (v == null || v.closedAtMicros() < 0 || v.ballotsAtMicros() < 0 || cueAfter == 0
                    || s.castsOutstanding() > 0) {
                    done = false;
                }
            }
            if (done || System.currentTimeMillis() > waitUntilMs) {
                break;
            }
        }
        long wall1 = System.nanoTime();
        long cpu1 = processCpuNanos();
        long[] cores1 = coreTicks();
        JsonObject[] atEnd = probe.metrics("round " + r + " end");

        // figures of the round
        LatencyHistogram open = new LatencyHistogram(), reveal = new LatencyHistogram(), cue = new LatencyHistogram();
        LatencyHistogram ballotsLate = new LatencyHistogram();
        int gotBallots = 0;
        long facBallots = -1;
        long endsAtMicros = endsAt * 1_000;
        int revealed = 0, cued = 0;
        long facReveal = -1;
        List<String> problems = new ArrayList<>();
        Map<String, Integer> expectedVoters = new HashMap<>();
        // frames are encoded once per audience: verify each distinct (ballots frame, closed view) pair once
        Map<String, String[]> pairs = new java.util.LinkedHashMap<>();
        java.util.Set<String> closedKeys = new java.util.LinkedHashSet<>(), ballotsKeys = new java.util.LinkedHashSet<>();
        List<Integer> closedSizes = new ArrayList<>(), ballotsSizes = new ArrayList<>();
        long headFrames = 0, sessionFrames = 0, chars = 0, sessionChars = 0, ballotsFrames = 0, ballotsChars = 0;
        for (SessionClient c : everyone) {
            SessionClient.Snapshot s = snaps.get(c);
            SessionClient.VoteSeen v = s.votes().get(voteId);
            SessionClient.Snapshot before = startSnaps.get(c);
            headFrames += s.headFrames() - before.headFrames();
            sessionFrames += s.sessionFrames() - before.sessionFrames();
            chars += s.charsReceived() - before.charsReceived();
            sessionChars += s.sessionChars() - before.sessionChars();
            ballotsFrames += s.ballotsFrames() - before.ballotsFrames();
            ballotsChars += s.ballotsChars() - before.ballotsChars();
            String who = c.facilitator() ? "facilitator" : "participant " + c.index();
            if (v != null && v.openAtMicros() >= 0) {
                open.record(v.openAtMicros() - openSentMicros);
                all.openToEveryone.record(v.openAtMicros() - openSentMicros);
            }
            if (v != null && v.closedAtMicros() >= 0) {
                revealed++;
                long late = v.closedAtMicros() - endsAtMicros;
                if (c.facilitator()) {
                    facReveal = late;
                }
                reveal.record(late);
                all.revealToEveryone.record(late);
            } else {
                problems.add(who + " never saw the vote closed");
            }
            if (v != null && v.ballotsAtMicros() >= 0) {
                gotBallots++;
                long late = v.ballotsAtMicros() - endsAtMicros;
                if (c.facilitator()) {
                    facBallots = late;
                }
                ballotsLate.record(late);
                all.ballotsToEveryone.record(late);
                if (v.ballotsFrames() != 1) {
                    problems.add(who + " got " + v.ballotsFrames() + " session.ballots frames for the vote");
                }
                if (!v.ballotsBeforeClosed()) {
                    problems.add(who + " got session.ballots after the view showing the vote closed");
                }
            } else {
                problems.add(who + " never got session.ballots");
            }
            if (v != null && v.closedText() != null && v.ballotsText() != null) {
                String ck = v.closedText().length() + ":" + v.closedText().hashCode();
                String bk = v.ballotsText().length() + ":" + v.ballotsText().hashCode();
                if (closedKeys.add(ck)) {
                    closedSizes.add(v.closedText().length());
                }
                if (ballotsKeys.add(bk)) {
                    ballotsSizes.add(v.ballotsText().length());
                }
                pairs.putIfAbsent(bk + "|" + ck, new String[] {v.ballotsText(), v.closedText()});
            }
            s.cues().stream().filter(x -> x[0] >= openSentMicros).findFirst().ifPresent(x -> {
                cue.record(x[0] - endsAtMicros);
                all.cueLateness.record(x[0] - endsAtMicros);
            });
            cued += s.cues().stream().anyMatch(x -> x[0] >= openSentMicros) ? 1 : 0;
            if (!c.facilitator()) {
                Map<String, Integer> mineCast = v == null ? Map.of() : v.castByRecord();
                int n = mineCast.values().stream().mapToInt(Integer::intValue).sum();
                expectedVoters.put(users[c.index()], n);
                JsonObject mine = v == null ? null : v.mine();
                if (mine == null || mine.getInteger("left", -1) != cfg.dots() - n
                    || !new JsonObject(new HashMap<>(mineCast)).equals(mine.getJsonObject("dots"))) {
                    problems.add("participant " + c.index() + ": session.mine " + mine + " after acked casts " + mineCast);
                }
            }
        }
        for (String[] pair : pairs.values()) {
            BallotCheck.check(pair[0], pair[1], voteId, expectedVoters, cfg.dots())
                .forEach(p -> problems.add("revealed vote: " + p));
        }
        long sent = run.castsSent.sum() - sentBefore, acked = run.castsAcked.sum() - ackedBefore;
        long refused = run.castsRefused.sum() - refusedBefore;
        double castSeconds = (run.lastCastAcked.get() - run.firstCastSent.get()) / 1e9;
        double wallSec = (wall1 - wall0) / 1e9;
        JsonObject round = new JsonObject().put("round", r).put("vote", voteId).put("endsAt", endsAt)
            .put("openAckMs", ms(openOkMicros - openSentMicros))
            .put("timerAckAfterOpenMs", ms(timerOkMicros - openOkMicros))
            .put("timerEndsAfterOpenSentMs", ms(endsAtMicros - openSentMicros))
            .put("castsSent", sent).put("castsAcked", acked).put("castsRefused", refused)
            .put("castsPerSecond", castSeconds > 0 ? round1(acked / castSeconds) : 0)
            .put("castSpanSec", round1(castSeconds))
            .put("voteToAckMs", histOf(ackRound)).put("openToEveryoneMs", histOf(open))
            .put("revealToEveryoneMs", histOf(reveal)).put("ballotsToEveryoneMs", histOf(ballotsLate))
            .put("cueLatenessMs", histOf(cue))
            .put("facilitatorRevealMs", facReveal == -1 ? null : ms(facReveal))
            .put("facilitatorBallotsMs", facBallots == -1 ? null : ms(facBallots))
            .put("revealed", revealed).put("gotBallots", gotBallots).put("cued", cued).put("people", everyone.size())
            .put("distinctClosedFrames", closedSizes.size()).put("closedFrameBytes", new JsonArray(closedSizes))
            .put("distinctBallotsFrames", ballotsSizes.size()).put("ballotsFrameBytes", new JsonArray(ballotsSizes))
            .put("headFrames", headFrames).put("sessionFrames", sessionFrames)
            .put("charsReceived", chars).put("sessionFrameChars", sessionChars)
            .put("ballotsFrames", ballotsFrames).put("ballotsFrameChars", ballotsChars)
            .put("sessionFrameCharsPerPerson", sessionChars / everyone.size())
            .put("ballotsFrameCharsPerPerson", ballotsChars / everyone.size())
            .put("charsReceivedPerPerson", chars / everyone.size())
            .put("problems", new JsonArray(problems)).put("windowSec", round1(wallSec))
            .put("generatorCpuPercentOfOneCore", cpu0 < 0 ? null : round1((cpu1 - cpu0) / (wallSec * 1e7)))
            .put("cpu0BusyPercent", busy(cores0, cores1, 0)).put("cpu1BusyPercent", busy(cores0, cores1, 1));
        if (atStart[0] != null && atEnd[0] != null && atStart[0].getValue("cpuTimeMs") instanceof Number c0
            && atEnd[0].getValue("cpuTimeMs") instanceof Number c1) {
            round.put("serverCpuPercentOfOneCore", round1((c1.longValue() - c0.longValue()) / (wallSec * 10)));
        }
        if (atEnd[0] != null) {
            round.put("serverHeapUsedBytes", atEnd[0].getValue("heapUsedBytes"))
                .put("serverRssBytes", atEnd[0].getValue("rssBytes"));
        }
        round.put("ok", problems.isEmpty() && refused == 0 && sent == acked
            && sent == (long) cfg.dots() * cfg.participants());
        System.out.println(roundLine(round));
        return round;
    }

    // ---- report --------------------------------------------------------------------------

    private static String roundLine(JsonObject r) {
        StringBuilder b = new StringBuilder();
        b.append(String.format("round %d (vote %s): casts sent %d, acked %d, refused %d, %.1f casts/s over %.1f s;"
                + " revealed to %d of %d, session.ballots to %d (%d frames), cue to %d; closed view %s bytes, %d distinct;"
                + " ballots frame %s bytes, %d distinct; per person %.1f KB of session frames (%d frames in all)"
                + " + %.1f KB of session.ballots, %.1f KB received in all; %d head frames;"
                + " vote.open ok %.1f ms, timer ok %.1f ms after; endsAt %.0f ms after open sent;"
                + " server CPU %s %% of one core over %.1f s, heap %s, RSS %s; generator %s %%; cores busy: cpu0 %s %%, cpu1 %s %%%n",
            r.getInteger("round"), r.getString("vote"), r.getLong("castsSent"), r.getLong("castsAcked"),
            r.getLong("castsRefused"), r.getDouble("castsPerSecond"), r.getDouble("castSpanSec"),
            r.getInteger("revealed"), r.getInteger("people"), r.getInteger("gotBallots"), r.getLong("ballotsFrames"),
            r.getInteger("cued"),
            r.getJsonArray("closedFrameBytes").encode(), r.getInteger("distinctClosedFrames"),
            r.getJsonArray("ballotsFrameBytes").encode(), r.getInteger("distinctBallotsFrames"),
            r.getLong("sessionFrameCharsPerPerson") / 1e3, r.getLong("sessionFrames"),
            r.getLong("ballotsFrameCharsPerPerson") / 1e3, r.getLong("charsReceivedPerPerson") / 1e3,
            r.getLong("headFrames"), r.getDouble("openAckMs"),
            r.getDouble("timerAckAfterOpenMs"), r.getDouble("timerEndsAfterOpenSentMs"),
            r.getValue("serverCpuPercentOfOneCore", "n/a"), r.getDouble("windowSec"),
            mib(r.getValue("serverHeapUsedBytes")), mib(r.getValue("serverRssBytes")),
            r.getValue("generatorCpuPercentOfOneCore", "n/a"), r.getValue("cpu0BusyPercent", "n/a"),
            r.getValue("cpu1BusyPercent", "n/a")));
        line(b, "  vote-to-ack", r.getJsonObject("voteToAckMs"));
        line(b, "  open-to-everyone", r.getJsonObject("openToEveryoneMs"));
        line(b, "  reveal-to-everyone", r.getJsonObject("revealToEveryoneMs"));
        line(b, "  ballots-to-everyone", r.getJsonObject("ballotsToEveryoneMs"));
        line(b, "  cue lateness", r.getJsonObject("cueLatenessMs"));
        JsonArray problems = r.getJsonArray("problems");
        b.append("  checks: ").append(problems.isEmpty() ? "OK (one session.ballots each, before the closed view;"
            + " ballots = acked casts, chain head recomputed = ballots frame chain = view chain, results = tallies,"
            + " every session.mine spent)" : "FAILED").append('\n');
        problems.forEach(p -> b.append("    ").append(p).append('\n'));
        return b.toString().stripTrailing();
    }

    private static String text(JsonObject j) {
        StringBuilder b = new StringBuilder();
        b.append("==================== Crossboard live-session benchmark ====================\n");
        b.append(String.format("1 facilitator + %d participants, vote on %d of %d notes, %d dots each within %d ms,"
                + " timer %d ms (atZero closeVote), %d round(s)%n", j.getInteger("participants"),
            j.getInteger("voteRecords"), j.getInteger("notes"), j.getInteger("dots"), j.getInteger("spreadMs"),
            j.getInteger("timerMs"), j.getJsonArray("rounds").size()));
        b.append(String.format("%-26s %9s %9s %9s %9s %9s %8s%n", "latency (ms)", "p50", "p95", "p99", "max", "mean",
            "samples"));
        line(b, "vote-to-ack", j.getJsonObject("voteToAckMs"));
        line(b, "open-to-everyone", j.getJsonObject("openToEveryoneMs"));
        line(b, "reveal-to-everyone", j.getJsonObject("revealToEveryoneMs"));
        line(b, "ballots-to-everyone", j.getJsonObject("ballotsToEveryoneMs"));
        line(b, "cue lateness (after zero)", j.getJsonObject("cueLatenessMs"));
        line(b, "generator cast-timer lag", j.getJsonObject("castTimerLagMs"));
        JsonArray rounds = j.getJsonArray("rounds");
        for (int i = 0; i < rounds.size(); i++) {
            JsonObject r = rounds.getJsonObject(i);
            b.append(String.format("round %d: %.1f casts/s acked (%d in %.1f s); server CPU %s %% of one core over"
                    + " %.1f s, heap %s, RSS %s at round end; generator %s %% of its core; cores busy cpu0 %s %%,"
                + " cpu1 %s %% (anything above server + generator is someone else)%n", r.getInteger("round"),
                r.getDouble("castsPerSecond"), r.getLong("castsAcked"), r.getDouble("castSpanSec"),
                r.getValue("serverCpuPercentOfOneCore", "n/a"), r.getDouble("windowSec"),
                mib(r.getValue("serverHeapUsedBytes")), mib(r.getValue("serverRssBytes")),
                r.getValue("generatorCpuPercentOfOneCore", "n/a"), r.getValue("cpu0BusyPercent", "n/a"),
                r.getValue("cpu1BusyPercent", "n/a")));
        }
        b.append(String.format("casts: sent %d, acked %d, REFUSED %d %s, not sent %d; errors %s; unexpected closes %s;"
                + " sockets closed by the server %d%n", j.getLong("castsSent"), j.getLong("castsAcked"),
            j.getLong("castsRefused"), j.getJsonObject("refusalsByCode").encode(), j.getLong("castsNotSent"),
            j.getJsonObject("errorsByCode").encode(), j.getJsonObject("closesByCode").encode(),
            j.getLong("socketsClosedByServer")));
        b.append("other frame types received: ").append(j.getJsonObject("otherFrames").encode()).append('\n');
        b.append("result: ").append(j.getBoolean("ok") ? "OK" : "FAILED").append('\n');
        b.append("===========================================================================");
        return b.toString();
    }

    private static void line(StringBuilder b, String name, JsonObject h) {
        b.append(String.format("%-26s %9.1f %9.1f %9.1f %9.1f %9.1f %8d%n", name, h.getDouble("p50"),
            h.getDouble("p95"), h.getDouble("p99"), h.getDouble("max"), h.getDouble("mean"), h.getLong("count")));
    }

    // ---- helpers -------------------------------------------------------------------------

    private static void expectOk(SessionClient fac, JsonObject message, String what) throws Exception {
        expect(await(fac.request(message), 30), "session.ok", what);
    }

    private static void expect(JsonObject answer, String t, String what) throws SetupFailed {
        if (!t.equals(answer.getString("t"))) {
            throw new SetupFailed(what + " answered " + answer.encode());
        }
    }

    private static JsonObject hist(LatencyHistogram h) {
        return histOf(h);
    }

    private static JsonObject histOf(LatencyHistogram h) {
        return new JsonObject().put("p50", ms(h.percentileMicros(50))).put("p95", ms(h.percentileMicros(95)))
            .put("p99", ms(h.percentileMicros(99))).put("max", ms(h.maxMicros()))
            .put("mean", round1(h.meanMicros() / 1000.0)).put("count", h.count());
    }

    private static JsonObject counts(Map<String, LongAdder> m) {
        JsonObject o = new JsonObject();
        new TreeMap<>(m).forEach((k, v) -> o.put(k, v.sum()));
        return o;
    }

    private static double ms(long micros) {
        return Math.round(micros / 100.0) / 10.0;
    }

    private static double round1(double v) {
        return Double.isFinite(v) ? Math.round(v * 10) / 10.0 : 0;
    }

    private static String mib(Object bytes) {
        return bytes instanceof Number n ? String.format("%.1f MiB", n.doubleValue() / (1 << 20)) : "n/a";
    }

    // {busy, total} jiffies of cpu0 and cpu1 from /proc/stat (as LoadGenerator), to show whether
    // anything besides the server and the generator competed for the cores; empty when unavailable
    private static long[] coreTicks() {
        long[] t = new long[4];
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/stat"))) {
                if (line.startsWith("cpu0 ") || line.startsWith("cpu1 ")) {
                    String[] f = line.trim().split("\\s+");
                    long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
                    long total = 0;
                    for (int i = 1; i <= 8; i++) {
                        total += Long.parseLong(f[i]);
                    }
                    int k = line.charAt(3) == '0' ? 0 : 2;
                    t[k] = total - idle;
                    t[k + 1] = total;
                }
            }
            return t;
        } catch (java.io.IOException | RuntimeException e) {
            return new long[0];
        }
    }

    private static Long busy(long[] before, long[] after, int core) {
        if (before.length < 4 || after.length < 4 || after[core * 2 + 1] == before[core * 2 + 1]) {
            return null;
        }
        return Math.round(100.0 * (after[core * 2] - before[core * 2]) / (after[core * 2 + 1] - before[core * 2 + 1]));
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    private static <T> T await(Future<T> f, long seconds) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get(seconds, TimeUnit.SECONDS);
    }

    private static String runId() {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        SecureRandom r = new SecureRandom();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            b.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return b.toString();
    }
}
