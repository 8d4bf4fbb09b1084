package org.crossboard.bench;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;

import java.util.concurrent.ThreadLocalRandom;

/**
 * One simulated user: connects (to node {@code index % nodes}), says hello, creates its own
 * note, then patches it at a Poisson rate, moves its cursor ({@link ClientCursors}) and checks
 * every frame it receives. All its state is confined to its own Vert.x context; other threads
 * only read the few volatile progress fields.
 */
public final class BenchClient {

    /** Final figures of one client, computed on its own context. */
    public record Result(boolean ready, long expected, long received, long lost, long duplicates,
                         long gapOps, long backwards, long stale, long sent, long acked,
                         long errored, long ownSeen) {
    }

    private final Vertx vertx;
    private final Context ctx;
    private final WebSocketClient wsClient;
    private final RunState run;
    private final int index;
    private final String clientId;
    private final String noteId;
    private final Runnable onSetupDone;
    private final ClientCursors cursors;

    private WebSocket ws;
    private boolean setupDone;
    private final SeqChecker seqs = new SeqChecker();
    private long nextClientSeq = 1;
    private long acked;
    private long errored;
    private long ownSeen;
    private long pingTimer = -1;
    private long plannedNanos;

    /** Highest seq this client has seen (read by the drain loop). */
    private volatile long lastSeq = -1;
    /** Pushes written but neither acked nor rejected (single writer: this context). */
    private volatile long outstanding;
    private volatile boolean readyFlag;
    private volatile boolean closedFlag;

    /**
     * @param vertx       the generator's Vert.x
     * @param wsClient    shared WebSocket client
     * @param run         shared run state
     * @param index       client number, 0-based
     * @param onSetupDone called once (on this client's context) when ready or failed
     */
    public BenchClient(Vertx vertx, WebSocketClient wsClient, RunState run, int index, Runnable onSetupDone) {
        this.vertx = vertx;
        this.ctx = vertx.getOrCreateContext();
        this.wsClient = wsClient;
        this.run = run;
        this.index = index;
        this.clientId = run.clientIdPrefix + index;
        this.noteId = "n_" + run.clientIdPrefix.substring(6) + index;
        this.onSetupDone = onSetupDone;
        this.cursors = new ClientCursors(vertx, run, index, this::send, () -> !closedFlag);
    }

    /** Connects and runs the setup (hello, welcome, create note) on this client's context. */
    public void start() {
        ctx.runOnContext(v -> connect());
    }

    /** Starts the edit loop and the cursor moves; call once every client is ready. */
    public void startEditing() {
        ctx.runOnContext(v -> {
            if (readyFlag && !closedFlag) {
                plannedNanos = System.nanoTime();
                scheduleNext();
                cursors.start();
            }
        });
    }

    /** Highest seq seen so far. */
    public long lastSeq() { return lastSeq; }

    /** Pushes in flight. */
    public long outstanding() { return outstanding; }

    /** Whether the client finished setup and its socket is still open (for the drain loop). */
    public boolean live() {
        return readyFlag && !closedFlag;
    }

    /** Computes the final figures against {@code finalSeq}, on this client's context. */
    public Future<Result> result(long finalSeq) {
        Promise<Result> p = Promise.promise();
        ctx.runOnContext(v -> {
            long expected = seqs.expected(finalSeq);
            long got = seqs.received(finalSeq);
            p.complete(new Result(readyFlag, expected, got, expected - got, seqs.duplicates(),
                seqs.gapOps(), seqs.backwards(), seqs.stale(), nextClientSeq - 1, acked, errored, ownSeen));
        });
        return p.future();
    }

    /** Closes the socket normally. */
    public void close() {
        ctx.runOnContext(v -> {
            vertx.cancelTimer(pingTimer);
            if (ws != null && !closedFlag) {
                ws.close((short) 1000, "bench done");
            }
        });
    }

    private void connect() {
        int node = run.config.nodeOf(index);
        WebSocketConnectOptions o = new WebSocketConnectOptions()
            .setHost(run.config.host(node)).setPort(run.config.port(node)).setURI("/ws");
        wsClient.connect(o).onComplete(ar -> {
            if (ar.failed()) {
                run.sample("client " + index + " connect failed: " + ar.cause());
                failSetup();
                return;
            }
            ws = ar.result();
            ws.textMessageHandler(this::onText);
            ws.exceptionHandler(e -> run.sample("client " + index + " socket exception: " + e));
            ws.closeHandler(v -> onClose());
            send(Messages.hello(run.boardId, clientId, run.tokens[index]));
            // the server closes sockets that receive nothing for 60 s (P5)
            pingTimer = vertx.setPeriodic(20_000, id -> send(Messages.ping()));
        });
    }

    private void onText(String text) {
        long now = System.nanoTime();
        FrameDecoder.Frame f;
        try {
            f = run.decoder(run.config.nodeOf(index)).decode(text);
        } catch (RuntimeException e) {
            run.sample("client " + index + " undecodable frame: " + text);
            return;
        }
        switch (f.t()) {
            case "batch" -> onBatch(f, now);
            case "ack" -> onAck(f, text, now);
            case "welcome" -> onWelcome(f);
            case "error" -> onError(f, text);
            case "pong" -> { }
            default -> run.sample("client " + index + " unexpected frame: " + text);
        }
    }

    private void onWelcome(FrameDecoder.Frame f) {
        if (seqs.welcomed()) {
            run.sample("client " + index + " second welcome");
            return;
        }
        seqs.welcome(f.seq());
        lastSeq = f.seq();
        run.seenSeq(f.seq());
        if (f.applied() != 0) {
            run.sample("client " + index + " fresh clientId but welcome.applied=" + f.applied());
        }
        String runId = run.clientIdPrefix.substring(6, run.clientIdPrefix.length() - 1);
        push(Messages.putNote(noteId, "a" + runId + "x" + index, (index % 40) * 220, (index / 40) * 220));
    }

    private void onBatch(FrameDecoder.Frame f, long now) {
        boolean window = run.inWindow(now);
        long[] opSeqs = f.opSeq();
        if (window) {
            run.batchFramesInWindow.increment();
            run.opsDeliveredInWindow.add(opSeqs.length);
        }
        for (int i = 0; i < opSeqs.length; i++) {
            long skipped = seqs.accept(opSeqs[i]);
            if (skipped > 0) {
                run.sample("client " + index + " seq gap: " + skipped + " missing before " + opSeqs[i]);
            }
            int from = f.opClient()[i];
            long cseq = f.opClientSeq()[i];
            if (from == index) {
                ownSeen++;
            } else if (from >= 0) {
                run.recordPeer(from, index, cseq, now);
            }
        }
        if (opSeqs.length > 0) {
            long top = opSeqs[opSeqs.length - 1];
            lastSeq = Math.max(lastSeq, top);
            run.seenSeq(top);
        }
        if (f.presence() != null) {
            cursors.onPresence(f.presence(), now);
        }
    }

    private void onAck(FrameDecoder.Frame f, String text, long now) {
        long cseq = Messages.clientSeqOf(f.id());
        if (cseq < 0) {
            run.sample("client " + index + " ack with unknown id: " + text);
            return;
        }
        acked++;
        outstanding--;
        if (f.duplicate()) {
            run.sample("client " + index + " unexpected duplicate ack: " + text);
        }
        if (f.seq() > 0) {
            run.seenSeq(f.seq());
        }
        run.recordAck(index, cseq, now);
        if (cseq == 1 && !setupDone) {
            setupDone = true;
            readyFlag = true;
            run.ready.incrementAndGet();
            onSetupDone.run();
        }
    }

    private void onError(FrameDecoder.Frame f, String text) {
        run.error(f.code(), text);
        long cseq = Messages.clientSeqOf(f.id());
        if (cseq > 0) {
            errored++;
            outstanding--;
            if (cseq == 1) {
                failSetup();
            }
        }
    }

    private void onClose() {
        closedFlag = true;
        vertx.cancelTimer(pingTimer);
        run.closed(ws.closeStatusCode(), ws.closeReason());
        failSetup();
    }

    private void failSetup() {
        if (!setupDone) {
            setupDone = true; // "done" in the sense of no longer pending; not counted ready
            run.failed.incrementAndGet();
            onSetupDone.run();
        }
    }

    private void scheduleNext() {
        // exponential inter-arrival times (a Poisson process) so clients never fire in sync;
        // scheduled from the planned time, not "now", so late timers do not lower the rate
        double u = 1.0 - ThreadLocalRandom.current().nextDouble();
        plannedNanos += (long) (-Math.log(u) / run.config.rate() * 1e9);
        long delayMs = Math.max(1, (plannedNanos - System.nanoTime()) / 1_000_000);
        vertx.setTimer(delayMs, id -> fire());
    }

    private void fire() {
        if (closedFlag || !run.sending()) {
            return;
        }
        long now = System.nanoTime();
        if (run.inWindow(now)) {
            run.timerLag.record(Math.max(0, now - plannedNanos) / 1000);
        }
        if (nextClientSeq < run.seqCapacity()) {
            int x = ThreadLocalRandom.current().nextInt(0, 10_000);
            push(Messages.patchNote(noteId, x, "edit " + nextClientSeq + " by bench-" + index));
        }
        scheduleNext();
    }

    private void push(String change) {
        long cseq = nextClientSeq++;
        String frame = Messages.push(cseq, change);
        long now = System.nanoTime();
        run.markSent(index, cseq, now);
        if (run.inWindow(now)) {
            run.pushesSentInWindow.increment();
        }
        outstanding++;
        send(frame);
    }

    private void send(String frame) {
        if (ws != null && !closedFlag) {
            ws.writeTextMessage(frame);
        }
    }
}
