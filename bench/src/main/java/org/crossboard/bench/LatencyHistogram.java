package org.crossboard.bench;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Thread-safe log-linear histogram of microsecond values, in the spirit of HdrHistogram:
 * values below 256 µs are exact, larger values fall into buckets whose width is at most
 * 1/128 of their value (relative error below 0.8 %). The maximum is kept exactly.
 */
public final class LatencyHistogram {

    private static final int SUB_BITS = 7;
    private static final int SUB = 1 << SUB_BITS;           // 128 sub-buckets per power of two
    private static final int LINEAR = 2 * SUB;               // 0..255 stored exactly
    private static final int MAX_EXP = 40;                   // 2^40 µs ≈ 12.7 days: plenty
    private static final int BUCKETS = LINEAR + (MAX_EXP - 8 + 1) * SUB;

    // one atomic increment per value on the hot path (millions per second at 1,000
    // clients); count and mean are derived from the buckets when reading
    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);
    private final AtomicLong max = new AtomicLong();

    /** Records one value in microseconds; negative values are clamped to 0. */
    public void record(long micros) {
        long v = Math.max(0, micros);
        counts.incrementAndGet(index(v));
        if (v > max.get()) {
            max.accumulateAndGet(v, Math::max);
        }
    }

    /** Number of recorded values. */
    public long count() {
        long n = 0;
        for (int i = 0; i < BUCKETS; i++) {
            n += counts.get(i);
        }
        return n;
    }

    /** Largest recorded value in microseconds (exact). */
    public long maxMicros() {
        return max.get();
    }

    /** Mean in microseconds (from bucket midpoints), 0 when empty. */
    public double meanMicros() {
        long n = 0;
        double sum = 0;
        for (int i = 0; i < BUCKETS; i++) {
            long c = counts.get(i);
            n += c;
            sum += (double) c * midpoint(i);
        }
        return n == 0 ? 0 : sum / n;
    }

    /**
     * Value at the given percentile (0–100) in microseconds: the midpoint of the bucket
     * that holds the rank, capped at the exact maximum. 0 when empty.
     */
    public long percentileMicros(double percentile) {
        long n = count();
        if (n == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(percentile / 100.0 * n));
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts.get(i);
            if (seen >= rank) {
                return Math.min(midpoint(i), max.get());
            }
        }
        return max.get();
    }

    /** A copy of the bucket counts, for interval figures via {@link #percentileMicros(long[], double)}. */
    public long[] snapshot() {
        long[] c = new long[BUCKETS];
        for (int i = 0; i < BUCKETS; i++) {
            c[i] = counts.get(i);
        }
        return c;
    }

    /** Percentile (bucket midpoint, µs) of the values recorded between two snapshots; -1 if none. */
    public static long percentileMicros(long[] before, long[] after, double percentile) {
        long n = 0;
        for (int i = 0; i < BUCKETS; i++) {
            n += after[i] - before[i];
        }
        long rank = Math.max(1, (long) Math.ceil(percentile / 100.0 * n));
        long seen = 0;
        for (int i = 0; i < BUCKETS && n > 0; i++) {
            seen += after[i] - before[i];
            if (seen >= rank) {
                return midpoint(i);
            }
        }
        return -1;
    }

    static int index(long v) {
        if (v < LINEAR) {
            return (int) v;
        }
        int exp = 63 - Long.numberOfLeadingZeros(v);   // >= 8
        if (exp > MAX_EXP) {
            return BUCKETS - 1;
        }
        int shift = exp - SUB_BITS;
        int mantissa = (int) (v >>> shift);             // in [128, 255]
        return LINEAR + (exp - 8) * SUB + (mantissa - SUB);
    }

    static long midpoint(int index) {
        if (index < LINEAR) {
            return index;
        }
        int rel = index - LINEAR;
        int exp = 8 + rel / SUB;
        int mantissa = SUB + rel % SUB;
        int shift = exp - SUB_BITS;
        long low = (long) mantissa << shift;
        return low + ((1L << shift) >>> 1);
    }
}
