package org.crossboard.bench.session;

import org.crossboard.bench.LatencyHistogram;

import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** State shared by the coordinator and every client: settings, histograms, counters. Thread-safe. */
final class SessionRun {

    private static final int MAX_SAMPLES = 20;

    final SessionConfig config;
    final String board;

    /** Send of {@code session.vote.cast} to its {@code session.ok} (µs), every round. */
    final LatencyHistogram voteToAck = new LatencyHistogram();
    /** The same, of the current round only (replaced by the coordinator at each round's start). */
    volatile LatencyHistogram roundVoteToAck = new LatencyHistogram();
    /** How late the generator fired a planned cast (µs). */
    final LatencyHistogram castTimerLag = new LatencyHistogram();

    final LongAdder castsSent = new LongAdder();
    final LongAdder castsAcked = new LongAdder();
    final LongAdder castsRefused = new LongAdder();
    final LongAdder castsNotSent = new LongAdder();
    final Map<String, LongAdder> refusalsByCode = new ConcurrentHashMap<>();
    final Map<String, LongAdder> errorsByCode = new ConcurrentHashMap<>();
    final Map<String, LongAdder> closesByCode = new ConcurrentHashMap<>();
    final Queue<String> samples = new ConcurrentLinkedQueue<>();
    private final AtomicInteger sampleCount = new AtomicInteger();

    /** First cast sent and last cast acked of the current round (nanoTime), for throughput. */
    final AtomicLong firstCastSent = new AtomicLong(Long.MAX_VALUE);
    final AtomicLong lastCastAcked = new AtomicLong(Long.MIN_VALUE);

    SessionRun(SessionConfig config, String board) {
        this.config = config;
        this.board = board;
    }

    void noteCastSent(long nanos) {
        firstCastSent.accumulateAndGet(nanos, Math::min);
    }

    void noteCastAcked(long nanos) {
        lastCastAcked.accumulateAndGet(nanos, Math::max);
    }

    void castRefused(String code, String text) {
        castsRefused.increment();
        refusalsByCode.computeIfAbsent(code, k -> new LongAdder()).increment();
        sample("cast refused: " + text);
    }

    void error(String code, String text) {
        errorsByCode.computeIfAbsent(code, k -> new LongAdder()).increment();
        sample("error: " + text);
    }

    void closed(short code, String text) {
        closesByCode.computeIfAbsent(String.valueOf(code), k -> new LongAdder()).increment();
        sample("closed: " + code + " " + text);
    }

    /** Keeps the first few unexpected events for the report. */
    void sample(String s) {
        if (sampleCount.incrementAndGet() <= MAX_SAMPLES) {
            samples.add(s.length() > 400 ? s.substring(0, 400) + "…" : s);
        }
    }
}
