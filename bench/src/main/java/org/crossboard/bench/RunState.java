package org.crossboard.bench;

import java.util.Arrays;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * State shared by all clients of one run: send timestamps per (client, clientSeq) and per
 * (client, cursor counter), the measurement window, latency histograms, counters and samples
 * of unexpected frames.
 */
public final class RunState {

    private static final int MAX_SAMPLES = 20;
    // cursor moves: a ring per client of (counter, send time); the server coalesces, so only
    // recent counters can still arrive, and one slot per 50 ms send covers 12.8 s
    private static final int CURSOR_RING = 256;

    /** Settings of the run. */
    public final BenchConfig config;
    /** Board under test. */
    public final String boardId;
    /** Each client's guest token (from one editor invitation), by client index. */
    public final String[] tokens;
    /** Prefix of every bench clientId; the client index follows it. */
    public final String clientIdPrefix;
    /**
     * One frame decoder per node: a node encodes each frame once for all its sockets (SPEC B1),
     * but two nodes frame the same ops with different presence, so their frames never share a cache.
     */
    private final FrameDecoder[] decoders;

    // sendTimes[client].get(clientSeq) = System.nanoTime() when the push was written; an
    // array per client is the cheapest "concurrent map" keyed by (clientId, clientSeq).
    private final AtomicLongArray[] sendTimes;
    private final int seqCapacity;
    private final AtomicLongArray cursorCounters;
    private final AtomicLongArray cursorTimes;

    private volatile long measureStart = Long.MAX_VALUE;
    private volatile long measureEnd = Long.MAX_VALUE;
    private volatile boolean sending;
    private volatile boolean stopped;

    /** Push-to-peer latency: a peer receives the op in a batch, minus the sender's send time. */
    public final LatencyHistogram peerLatency = new LatencyHistogram();
    /** Ack latency: the sender receives the ack, minus its send time. */
    public final LatencyHistogram ackLatency = new LatencyHistogram();
    /** How late the generator's send timers (edits and cursor moves) fired (detects a saturated generator). */
    public final LatencyHistogram timerLag = new LatencyHistogram();
    /** Cursor-to-peer latency: a peer receives a presence entry with the cursor, minus its send time. */
    public final LatencyHistogram cursorLatency = new LatencyHistogram();
    /** Push-to-peer latency for sender and receiver on different nodes (only with several nodes). */
    public final LatencyHistogram peerLatencyCrossNode = new LatencyHistogram();
    /** Cursor-to-peer latency for sender and receiver on different nodes (only with several nodes). */
    public final LatencyHistogram cursorLatencyCrossNode = new LatencyHistogram();

    /** Presence frames with a cursor written during the window. */
    public final LongAdder cursorsSentInWindow = new LongAdder();
    /** Cursor positions newer than the receiver's last one for that peer, received in the window. */
    public final LongAdder cursorsDeliveredInWindow = new LongAdder();
    /** Cursor positions received again (same counter as before for that peer): not new, not counted. */
    public final LongAdder cursorRepeats = new LongAdder();
    /** Cursor positions older than one already received from that peer (out of order). */
    public final LongAdder cursorBackwards = new LongAdder();
    /** Cursors whose y was not the sender's index (corrupted or misattributed). */
    public final LongAdder cursorMismatched = new LongAdder();
    /** New cursor positions whose send time was no longer (or never) in the sender's ring. */
    public final LongAdder cursorUnmatched = new LongAdder();
    /** Bench clients reported in {@code left} while every client was still connected. */
    public final LongAdder peersLeft = new LongAdder();

    /** Ops received in batches during the window, summed over clients. */
    public final LongAdder opsDeliveredInWindow = new LongAdder();
    /** Batch frames received during the window, summed over clients. */
    public final LongAdder batchFramesInWindow = new LongAdder();
    /** Acks received during the window. */
    public final LongAdder acksInWindow = new LongAdder();
    /** Ack latency of the clients of each node (node index as in {@link BenchConfig#nodeOf}). */
    public final LatencyHistogram[] ackLatencyByNode;
    /** Acks received during the window by the clients of each node. */
    public final LongAdder[] acksInWindowByNode;
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
     * @param tokens  each client's token
     */
    public RunState(BenchConfig config, String boardId, String runId, String[] tokens) {
        this.config = config;
        this.boardId = boardId;
        this.tokens = tokens;
        this.clientIdPrefix = "bench_" + runId + "_";
        this.ackLatencyByNode = new LatencyHistogram[config.nodes()];
        this.acksInWindowByNode = new LongAdder[config.nodes()];
        for (int n = 0; n < config.nodes(); n++) {
            ackLatencyByNode[n] = new LatencyHistogram();
            acksInWindowByNode[n] = new LongAdder();
        }
        this.decoders = new FrameDecoder[config.nodes()];
        for (int n = 0; n < decoders.length; n++) {
            decoders[n] = new FrameDecoder(clientIdPrefix, config.decodeCache());
        }
        // room for 3x the expected pushes: Poisson bursts, warm-up and the setup push
        this.seqCapacity = (int) Math.min(1_000_000,
            Math.ceil(config.rate() * (config.duration() + config.warmup()) * 3) + 64);
        this.sendTimes = new AtomicLongArray[config.clients()];
        for (int i = 0; i < sendTimes.length; i++) {
            sendTimes[i] = new AtomicLongArray(seqCapacity);
        }
        int ring = config.cursors() > 0 ? config.clients() * CURSOR_RING : 0;
        this.cursorCounters = new AtomicLongArray(ring);
        this.cursorTimes = new AtomicLongArray(ring);
    }

    /** Stores the send time of cursor move {@code counter} (from 1) of {@code client}. */
    public void markCursor(int client, long counter, long nanos) {
        int slot = client * CURSOR_RING + (int) (counter % CURSOR_RING);
        cursorTimes.set(slot, nanos);
        cursorCounters.set(slot, counter);
    }

    /** Send time of cursor move {@code counter} of {@code client}; 0 when unknown or overwritten. */
    public long cursorSentAt(int client, long counter) {
        if (client < 0 || client >= config.clients() || counter <= 0 || cursorTimes.length() == 0) {
            return 0;
        }
        int slot = client * CURSOR_RING + (int) (counter % CURSOR_RING);
        if (cursorCounters.get(slot) != counter) {
            return 0;
        }
        long t = cursorTimes.get(slot);
        // re-check: the slot may have been reused between the two reads
        return cursorCounters.get(slot) == counter ? t : 0;
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

    /**
     * A peer received (sender, clientSeq) at {@code now}: records push-to-peer latency for pushes
     * sent in the window, also as cross-node when sender and receiver are on different nodes.
     */
    public void recordPeer(int sender, int receiver, long clientSeq, long now) {
        long sentAt = sentAt(sender, clientSeq);
        if (sentAt == 0 || !inWindow(sentAt)) {
            return;
        }
        long micros = (now - sentAt) / 1000;
        peerLatency.record(micros);
        if (config.nodeOf(sender) != config.nodeOf(receiver)) {
            peerLatencyCrossNode.record(micros);
        }
    }

    /** The sender got the ack of its clientSeq at {@code now}: ack latency and acks in the window. */
    public void recordAck(int client, long clientSeq, long now) {
        long sentAt = sentAt(client, clientSeq);
        int node = config.nodeOf(client);
        if (sentAt != 0 && inWindow(sentAt)) {
            ackLatency.record((now - sentAt) / 1000);
            ackLatencyByNode[node].record((now - sentAt) / 1000);
        }
        if (inWindow(now)) {
            acksInWindow.increment();
            acksInWindowByNode[node].increment();
        }
    }

    /** Records a cursor-to-peer latency, also as cross-node when sender and receiver are on different nodes. */
    public void recordCursor(int sender, int receiver, long micros) {
        cursorLatency.record(micros);
        if (config.nodeOf(sender) != config.nodeOf(receiver)) {
            cursorLatencyCrossNode.record(micros);
        }
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

    /** The decoder of the frames node {@code node} sends. */
    public FrameDecoder decoder(int node) {
        return decoders[node];
    }

    /** Decode-cache hits checked against the whole frame, over all nodes. */
    public long decodeCacheVerified() {
        return Arrays.stream(decoders).mapToLong(d -> d.verified.sum()).sum();
    }

    /** Checked decode-cache hits that were a different frame, over all nodes (should stay 0). */
    public long decodeCacheMismatches() {
        return Arrays.stream(decoders).mapToLong(d -> d.mismatches.sum()).sum();
    }
}
