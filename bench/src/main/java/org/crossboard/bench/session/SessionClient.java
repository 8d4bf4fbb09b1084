package org.crossboard.bench.session;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One person in the session: the facilitator (index -1, the board's owner) or a participant (a
 * guest). All state is confined to the client's own Vert.x context; the coordinator reads it
 * through {@link #snapshot()} and sends it work through {@link #request} and {@link #castAt}.
 *
 * <p>Arrival times are taken first thing in the text handler, before any parsing. Participants do
 * not parse {@code session} or {@code session.ballots} frames (the ballots frame of a closed vote
 * holds all its ballots, about 85 KB at 600, and 200 parses of it on the generator's one core would
 * delay the later receivers' handlers): the current vote's id and state are read from the text
 * around {@code "vote":{"id":"…","state":"…"}}, the ballots frame's vote from {@code "vote":"…"},
 * and the texts of the first closed view and of the ballots frame are kept for the coordinator to
 * verify after the round (docs/SESSIONS.md "Dot voting": views never carry ballots; a closed
 * vote's ballots come once, in {@code session.ballots}, before the view that shows it closed).
 */
final class SessionClient {

    /** What a client saw of one vote, copied out for the coordinator. */
    record VoteSeen(long openAtMicros, long closedAtMicros, String closedText, JsonObject mine,
                    Map<String, Integer> castByRecord, long ballotsAtMicros, String ballotsText, int ballotsFrames,
                    boolean ballotsBeforeClosed) {
    }

    /** Everything the coordinator reads after a round. */
    record Snapshot(Map<String, VoteSeen> votes, List<long[]> cues, long headFrames, long sessionFrames,
                    int castsOutstanding, boolean closed, Map<String, Long> otherFrames, long charsReceived,
                    long sessionChars, long ballotsFrames, long ballotsChars) {
    }

    private static final String VOTE_KEY = "\"vote\":{\"id\":\"";
    private static final String BALLOTS_VOTE_KEY = "\"vote\":\"";

    private final Vertx vertx;
    private final Context ctx;
    private final WebSocketClient wsClient;
    private final SessionRun run;
    private final int index;
    private final int node;
    private final String token;
    private final String clientId;

    private WebSocket ws;
    private long pingTimer = -1;
    private long nextRequest = 1;
    private boolean closedFlag;
    private boolean closing;
    private final Promise<JsonObject> welcome = Promise.promise();
    private final Map<String, Promise<JsonObject>> requests = new HashMap<>();
    private final Map<String, Long> castsSent = new HashMap<>();
    private final Map<String, String> castVote = new HashMap<>();
    private final Map<String, long[]> seen = new LinkedHashMap<>();        // vote -> {openAt, closedAt}
    private final Map<String, String> closedTexts = new HashMap<>();
    private final Map<String, String> ballotsTexts = new HashMap<>();      // vote -> first session.ballots text
    private final Map<String, long[]> ballotsSeen = new HashMap<>();       // vote -> {arrival µs, frames, before closed view 1/0}
    private final Map<String, JsonObject> mine = new HashMap<>();
    private final Map<String, Map<String, Integer>> cast = new HashMap<>(); // vote -> record -> dots acked
    private final List<long[]> cues = new ArrayList<>();                  // {arrival µs, 0}
    private final Map<String, Long> otherFrames = new HashMap<>();
    private long headFrames;
    private long sessionFrames;
    private long charsReceived;
    private long sessionChars;
    private long ballotsFrames;
    private long ballotsChars;
    /** The facilitator's latest session view (parsed), read by the coordinator. */
    private volatile JsonObject latestSession;

    SessionClient(Vertx vertx, WebSocketClient wsClient, SessionRun run, int index, int node, String token,
                  String clientId) {
        this.vertx = vertx;
        this.ctx = vertx.getOrCreateContext();
        this.wsClient = wsClient;
        this.run = run;
        this.index = index;
        this.node = node;
        this.token = token;
        this.clientId = clientId;
    }

    boolean facilitator() {
        return index < 0;
    }

    int index() {
        return index;
    }

    /** Connects and says hello; completes with the welcome frame. */
    Future<JsonObject> connect() {
        ctx.runOnContext(v -> {
            WebSocketConnectOptions o = new WebSocketConnectOptions()
                .setHost(run.config.host(node)).setPort(run.config.port(node)).setURI("/ws");
            wsClient.connect(o).onComplete(ar -> {
                if (ar.failed()) {
                    welcome.tryFail(ar.cause());
                    return;
                }
                ws = ar.result();
                ws.textMessageHandler(this::onText);
                ws.exceptionHandler(e -> run.sample(name() + " socket exception: " + e));
                ws.closeHandler(x -> onClose());
                send(new JsonObject().put("t", "hello").put("protocol", 1).put("board", run.board)
                    .put("clientId", clientId).put("token", token).encode());
                // the server closes sockets that receive nothing for 60 s (P5)
                pingTimer = vertx.setPeriodic(20_000, id -> send("{\"t\":\"ping\",\"id\":\"p\"}"));
            });
        });
        return welcome.future();
    }

    /**
     * Sends a request with a fresh id ({@code f…} for {@code session.*}, {@code r<clientSeq>} for a
     * push) and completes with the answer: {@code session.ok}, {@code ack} or {@code error}.
     */
    Future<JsonObject> request(JsonObject message) {
        Promise<JsonObject> p = Promise.promise();
        ctx.runOnContext(v -> {
            long n = nextRequest++;
            String id;
            if ("push".equals(message.getString("t"))) {
                id = "r" + n;
                message.put("clientSeq", n);
            } else {
                id = "f" + n;
            }
            message.put("id", id);
            requests.put(id, p);
            send(message.encode());
        });
        return p.future();
    }

    /** Casts one dot ({@code delta} 1) on {@code record} in {@code delayMs} (0: now), timing it to its {@code session.ok}. */
    void castAt(long plannedNanos, String vote, String record) {
        ctx.runOnContext(v -> {
            long delayMs = (plannedNanos - System.nanoTime()) / 1_000_000;
            if (delayMs < 1) {
                castNow(plannedNanos, vote, record);
            } else {
                vertx.setTimer(delayMs, t -> castNow(plannedNanos, vote, record));
            }
        });
    }

    private void castNow(long plannedNanos, String vote, String record) {
        if (closedFlag) {
            run.castsNotSent.increment();
            return;
        }
        long now = System.nanoTime();
        run.castTimerLag.record(Math.max(0, now - plannedNanos) / 1000);
        String id = "c" + nextRequest++;
        castsSent.put(id, now);
        castVote.put(id, vote + "\n" + record);
        run.castsSent.increment();
        run.noteCastSent(now);
        send("{\"t\":\"session.vote.cast\",\"id\":\"" + id + "\",\"record\":\"" + record + "\",\"delta\":1}");
    }

    /** The facilitator's latest parsed session view, or null. */
    JsonObject latestSession() {
        return latestSession;
    }

    /** A copy of what this client saw, taken on its context. */
    Future<Snapshot> snapshot() {
        Promise<Snapshot> p = Promise.promise();
        ctx.runOnContext(v -> {
            Map<String, VoteSeen> votes = new HashMap<>();
            java.util.Set<String> all = new java.util.LinkedHashSet<>(seen.keySet());
            all.addAll(ballotsSeen.keySet());
            all.addAll(cast.keySet()); // votes this client cast in but never saw (should not happen)
            for (String vote : all) {
                long[] t = seen.getOrDefault(vote, new long[] {-1, -1});
                long[] b = ballotsSeen.getOrDefault(vote, new long[] {-1, 0, 0});
                votes.put(vote, new VoteSeen(t[0], t[1], closedTexts.get(vote),
                    mine.get(vote) == null ? null : mine.get(vote).copy(), new HashMap<>(cast.getOrDefault(vote, Map.of())),
                    b[0], ballotsTexts.get(vote), (int) b[1], b[2] == 1));
            }
            p.complete(new Snapshot(votes, new ArrayList<>(cues), headFrames, sessionFrames, castsSent.size(),
                closedFlag, new HashMap<>(otherFrames), charsReceived, sessionChars, ballotsFrames, ballotsChars));
        });
        return p.future();
    }

    void close() {
        ctx.runOnContext(v -> {
            vertx.cancelTimer(pingTimer);
            closing = true;
            if (ws != null && !closedFlag) {
                ws.close((short) 1000, "bench done");
            }
        });
    }

    // ---- frames ---------------------------------------------------------------------------

    private void onText(String text) {
        long nanos = System.nanoTime();
        long micros = nowMicros();
        String t = typeOf(text);
        charsReceived += text.length();
        switch (t) {
            case "session" -> onSession(text, micros);
            case "session.ballots" -> onBallots(text, micros);
            case "session.ok" -> onOk(text, nanos);
            case "session.head" -> headFrames++;
            case "session.cue" -> {
                cues.add(new long[] {micros, 0});
                if (!text.contains("\"kind\":\"timerZero\"")) {
                    run.sample(name() + " unexpected cue: " + text);
                }
            }
            case "session.mine" -> {
                JsonObject m = new JsonObject(text).getJsonObject("vote");
                if (m != null && m.getString("vote") != null) {
                    mine.put(m.getString("vote"), m);
                }
            }
            case "welcome" -> {
                JsonObject w = new JsonObject(text);
                if (w.getValue("session") instanceof JsonObject s && facilitator()) {
                    latestSession = s;
                }
                welcome.tryComplete(w);
            }
            case "ack" -> {
                JsonObject a = new JsonObject(text);
                Promise<JsonObject> p = requests.remove(a.getString("id"));
                if (p != null) {
                    p.complete(a);
                }
            }
            case "error" -> onError(text);
            case "pong", "batch" -> { }
            default -> otherFrames.merge(t, 1L, Long::sum);
        }
    }

    private void onSession(String text, long micros) {
        sessionFrames++;
        sessionChars += text.length();
        int at = text.indexOf(VOTE_KEY);
        if (at >= 0) {
            int from = at + VOTE_KEY.length();
            int to = text.indexOf('"', from);
            String vote = text.substring(from, to);
            long[] times = seen.computeIfAbsent(vote, k -> new long[] {-1, -1});
            if (text.startsWith(",\"state\":\"open\"", to + 1)) {
                if (times[0] < 0) {
                    times[0] = micros;
                }
            } else if (text.startsWith(",\"state\":\"closed\"", to + 1)) {
                if (times[1] < 0) {
                    times[1] = micros;
                    closedTexts.put(vote, text);
                }
            } else {
                run.sample(name() + " vote in an unknown state: "
                    + text.substring(at, Math.min(text.length(), at + 120)));
            }
        }
        if (facilitator()) {
            latestSession = new JsonObject(text).getJsonObject("session");
        }
    }

    /**
     * A closed vote's ballots ({@code {"vote":"v_…","chain":{…},"ballots":[…]}} with its {@code t}):
     * the text is kept, not parsed, with its arrival, how many came for the vote (one is expected)
     * and whether it came before this client's first view showing the vote closed (it should).
     */
    private void onBallots(String text, long micros) {
        ballotsFrames++;
        ballotsChars += text.length();
        int at = text.indexOf(BALLOTS_VOTE_KEY);
        if (at < 0) {
            run.sample(name() + " session.ballots without a vote: " + text.substring(0, Math.min(120, text.length())));
            return;
        }
        int from = at + BALLOTS_VOTE_KEY.length();
        String vote = text.substring(from, text.indexOf('"', from));
        long[] b = ballotsSeen.computeIfAbsent(vote, k -> new long[] {-1, 0, 0});
        b[1]++;
        if (b[0] < 0) {
            b[0] = micros;
            long[] times = seen.get(vote);
            b[2] = times == null || times[1] < 0 ? 1 : 0;
            ballotsTexts.put(vote, text);
        }
    }

    private void onOk(String text, long nanos) {
        String id = idOf(text);
        Long sent = castsSent.remove(id);
        if (sent != null) {
            run.voteToAck.record((nanos - sent) / 1000);
            run.roundVoteToAck.record((nanos - sent) / 1000);
            run.castsAcked.increment();
            run.noteCastAcked(nanos);
            String[] vr = castVote.remove(id).split("\n", 2);
            cast.computeIfAbsent(vr[0], k -> new HashMap<>()).merge(vr[1], 1, Integer::sum);
            return;
        }
        Promise<JsonObject> p = requests.remove(id);
        if (p != null) {
            p.complete(new JsonObject(text));
        } else {
            run.sample(name() + " session.ok for an unknown request: " + text);
        }
    }

    private void onError(String text) {
        JsonObject e = new JsonObject(text);
        String id = e.getString("id");
        String code = String.valueOf(e.getValue("code"));
        if (id != null && castsSent.remove(id) != null) {
            castVote.remove(id);
            run.castRefused(code, name() + ": " + text);
            return;
        }
        Promise<JsonObject> p = id == null ? null : requests.remove(id);
        if (p != null) {
            p.complete(e);
        } else {
            run.error(code, name() + ": " + text);
        }
    }

    private void onClose() {
        closedFlag = true;
        vertx.cancelTimer(pingTimer);
        if (!closing) {
            run.closed(ws.closeStatusCode(), name() + ": " + ws.closeReason());
        }
        welcome.tryFail("closed before welcome: " + ws.closeStatusCode() + " " + ws.closeReason());
        requests.values().forEach(p -> p.tryFail("socket closed"));
        requests.clear();
    }

    private void send(String frame) {
        if (ws != null && !closedFlag) {
            ws.writeTextMessage(frame);
        }
    }

    private String name() {
        return facilitator() ? "facilitator" : "participant " + index;
    }

    /** {@code t} of a server frame: every frame starts {@code {"t":"…"}; anything else is parsed. */
    static String typeOf(String text) {
        if (text.startsWith("{\"t\":\"")) {
            int end = text.indexOf('"', 6);
            if (end > 6) {
                return text.substring(6, end);
            }
        }
        try {
            return String.valueOf(new JsonObject(text).getValue("t"));
        } catch (RuntimeException e) {
            return "undecodable";
        }
    }

    /** The request id of a small answer such as {@code {"t":"session.ok","id":"c12"}}. */
    private static String idOf(String text) {
        int at = text.indexOf("\"id\":\"");
        if (at < 0) {
            return null;
        }
        int end = text.indexOf('"', at + 6);
        return text.substring(at + 6, end);
    }

    static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }
}
