package org.crossboard.bench;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * State shared by all clients of one run: send timestamps per (client, clientSeq), the
 * measurement window, latency histograms, counters and samples of unexpected frames.
 */
public final class RunState {

    private static final int MAX_SAMPLES = 20;

    /** Settings of the run. */
    public final BenchConfig config;
    /** Board under test. */
    public final String boardId;
    /** Prefix of every bench clientId; the client index follows it. */
    public final String clientIdPrefix;
    /** Shared frame decoder. */
    public final FrameDecoder decoder;

    // sendTimes[client].get(clientSeq) = System.nanoTime() when the push was written; an
    // array per client is the cheapest "concurrent map" keyed by (clientId, clientSeq).
    private final AtomicLongArray[] sendTimes;
    private final int seqCapacity;

    private volatile long measureStart = Long.MAX_VALUE;
    private volatile long measureEnd = Long.MAX_VALUE;
    private volatile boolean sending;
    private volatile boolean stopped;

    /** Push-to-peer latency: a peer receives the op in a batch, minus the sender's send time. */
    public final LatencyHistogram peerLatency = new LatencyHistogram();
    /** Ack latency: the sender receives the ack, minus its send time. */
    public final LatencyHistogram ackLatency = new LatencyHistogram();
    /** How late the generator's send timers fired (detects a saturated generator). */
    public final LatencyHistogram timerLag = new LatencyHistogram();

    /** Ops received in batches during the window, summed over clients. */
    public final LongAdder opsDeliveredInWindow = new LongAdder();
    /** Batch frames received during the window, summed over clients. */
    public final LongAdder batchFramesInWindow = new LongAdder();
    /** Acks received during the window. */
    public final LongAdder acksInWindow = new LongAdder();
    /** Pushes written during the window. */
    public final LongAdder pushesSentInWindow = new LongAdder();
    /** Highest seq seen anywhere (batches and acks). */
    public final AtomicLong maxSeqSeen = new AtomicLong();
    /** Clients whose setup push was acked. */
    public final AtomicInteger ready = new AtomicInteger();
    /** Clients that failed before being ready. */
    public final AtomicInteger failed = new AtomicInteger();
    /** Error frames by code. */
    public final Map<String, LongAdder> errorsByCode = new ConcurrentHashMap<>();
    /** WebSocket closes by status code. */
    public final Map<String, LongAdder> closesByCode = new ConcurrentHashMap<>();
    /** First unexpected frames / events, verbatim, for the report. */
    public final List<String> samples = new CopyOnWriteArrayList<>();

    /**
     * @param config  settings
     * @param boardId board under test
     * @param runId   unique id of this run, part of every clientId / note id
     */
    public RunState(BenchConfig config, String boardId, String runId) {
        this.config = config;
        this.boardId = boardId;
        this.clientIdPrefix = "bench_" + runId + "_";
        this.decoder = new FrameDecoder(clientIdPrefix, config.decodeCache());
        // room for 3x the expected pushes: Poisson bursts, warm-up and the setup push
        this.seqCapacity = (int) Math.min(1_000_000,
            Math.ceil(config.rate() * (config.duration() + config.warmup()) * 3) + 64);
        this.sendTimes = new AtomicLongArray[config.clients()];
        for (int i = 0; i < sendTimes.length; i++) {
            sendTimes[i] = new AtomicLongArray(seqCapacity);
        }
    }

    /** Highest clientSeq a client may use (its send-time slots). */
    public int seqCapacity() {
        return seqCapacity;
    }

    /** Stores the send time of (client, clientSeq). */
    public void markSent(int client, long clientSeq, long nanos) {
        if (clientSeq <= 0 || clientSeq >= seqCapacity) {
            return;
        }
        sendTimes[client].set((int) clientSeq, nanos);
    }

    /** Send time of (client, clientSeq), 0 when unknown. */
    public long sentAt(int client, long clientSeq) {
        if (client < 0 || client >= sendTimes.length || clientSeq <= 0 || clientSeq >= seqCapacity) {
            return 0;
        }
        return sendTimes[client].get((int) clientSeq);
    }

    /** Opens the send phase with the given measurement window (nanoTime bounds). */
    public void startSending(long windowStart, long windowEnd) {
        measureStart = windowStart;
        measureEnd = windowEnd;
        sending = true;
    }

    /** Stops all clients from scheduling further edits. */
    public void stopSending() {
        stopped = true;
    }

    /** Whether clients may send edits now. */
    public boolean sending() {
        return sending && !stopped;
    }

    /** Whether a nanoTime lies inside the measurement window. */
    public boolean inWindow(long nanos) {
        return nanos >= measureStart && nanos < measureEnd;
    }

    /** Counts an error frame and keeps a sample of it. */
    public void error(String code, String frame) {
        errorsByCode.computeIfAbsent(code == null ? "(none)" : code, k -> new LongAdder()).increment();
        sample("error frame: " + frame);
    }

    /** Counts a WebSocket close. */
    public void closed(Short status, String reason) {
        closesByCode.computeIfAbsent(String.valueOf(status), k -> new LongAdder()).increment();
        if (status == null || status != 1000) {
            sample("close " + status + " " + reason);
        }
    }

    /** Keeps the first few unexpected frames / events verbatim. */
    public void sample(String what) {
        if (samples.size() < MAX_SAMPLES) {
            samples.add(what.length() > 600 ? what.substring(0, 600) + "…" : what);
        }
    }

    /** Raises {@link #maxSeqSeen} to at least {@code seq}. */
    public void seenSeq(long seq) {
        if (seq > maxSeqSeen.get()) {
            maxSeqSeen.accumulateAndGet(seq, Math::max);
        }
    }
}
