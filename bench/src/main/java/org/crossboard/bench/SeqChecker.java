package org.crossboard.bench;

import java.util.BitSet;

/**
 * Per-client delivery check: seq must grow by exactly one from the welcome seq, and every
 * seq after it must arrive exactly once. Not thread-safe; owned by one client's context.
 */
public final class SeqChecker {

    private long welcomeSeq = -1;
    private long expectedNext;
    private final BitSet received = new BitSet();
    private long duplicates;
    private long gapOps;
    private long backwards;
    private long stale;

    /** Starts checking after the welcome's {@code seq}. */
    public void welcome(long seq) {
        welcomeSeq = seq;
        expectedNext = seq + 1;
    }

    /** Whether a welcome was seen. */
    public boolean welcomed() {
        return welcomeSeq >= 0;
    }

    /**
     * Checks one delivered op.
     *
     * @return the number of seqs skipped before it (0 when contiguous)
     */
    public long accept(long seq) {
        long skipped = 0;
        if (seq <= welcomeSeq) {
            // already in the welcome snapshot: a client ignores it, so it is not an error
            stale++;
            return 0;
        }
        if (seq == expectedNext) {
            expectedNext++;
        } else if (seq > expectedNext) {
            skipped = seq - expectedNext;
            gapOps += skipped;
            expectedNext = seq + 1;
        } else {
            backwards++;
        }
        long rel = seq - welcomeSeq - 1;
        if (rel >= 0 && rel < Integer.MAX_VALUE) {
            if (received.get((int) rel)) {
                duplicates++;
            } else {
                received.set((int) rel);
            }
        }
        return skipped;
    }

    /** Ops this client must have received when the board ends at {@code finalSeq}. */
    public long expected(long finalSeq) {
        return welcomeSeq < 0 ? 0 : Math.max(0, finalSeq - welcomeSeq);
    }

    /** Distinct ops received with welcomeSeq &lt; seq ≤ finalSeq. */
    public long received(long finalSeq) {
        long expected = expected(finalSeq);
        return expected == 0 ? 0 : received.get(0, (int) expected).cardinality();
    }

    /** Ops received more than once. */
    public long duplicates() {
        return duplicates;
    }

    /** Seqs skipped over (seq jumped by more than one). */
    public long gapOps() {
        return gapOps;
    }

    /** Ops at or below the welcome seq (already contained in the snapshot). */
    public long stale() {
        return stale;
    }

    /** Ops after the welcome seq whose seq was not above the previous one. */
    public long backwards() {
        return backwards;
    }
}
