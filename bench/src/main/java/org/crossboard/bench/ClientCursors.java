package org.crossboard.bench;

import io.vertx.core.Vertx;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The cursor side of one simulated user. As a sender it moves its cursor {@code --cursors}
 * times a second to {@code {x: its own counter 1, 2, …, y: its index}} and stores each send
 * time in {@link RunState}; as a receiver it turns the cursors of other bench clients in
 * {@code batch} frames into cursor-to-peer latency. Confined to the owning client's context.
 *
 * <p>The server coalesces presence (latest value wins per flush), so most intermediate
 * positions are never delivered; that is by design and not counted as loss. A receiver counts
 * a position as delivered when its counter is above the last one it has for that peer.
 */
public final class ClientCursors {

    // protocol: clients send presence at most every 50 ms
    private static final long MIN_GAP_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    private static final double JITTER = 0.2;

    private final Vertx vertx;
    private final RunState run;
    private final int index;
    private final Consumer<String> sender;
    private final BooleanSupplier open;
    private final long periodNanos;

    private long counter;
    private long gridNanos;
    private long plannedNanos;
    private long lastSentNanos;
    private int[] lastSeen;

    /**
     * @param vertx  the generator's Vert.x (timers)
     * @param run    shared run state
     * @param index  the owning client's index
     * @param sender writes a frame on the owning client's socket
     * @param open   whether the owning client's socket is still open
     */
    public ClientCursors(Vertx vertx, RunState run, int index, Consumer<String> sender, BooleanSupplier open) {
        this.vertx = vertx;
        this.run = run;
        this.index = index;
        this.sender = sender;
        this.open = open;
        double rate = run.config.cursors();
        this.periodNanos = rate > 0 ? (long) (1e9 / rate) : 0;
    }

    /** Starts moving the cursor (no-op with {@code --cursors 0}); call on the client's context. */
    public void start() {
        if (periodNanos == 0) {
            return;
        }
        // a random phase per client, so clients never move in step
        gridNanos = System.nanoTime() + (long) (ThreadLocalRandom.current().nextDouble() * periodNanos);
        lastSentNanos = gridNanos - MIN_GAP_NANOS;
        plan();
    }

    private void plan() {
        // a jittered grid: grid point + up to 20 % of the period, never sooner than 50 ms after the
        // previous send; planned from the grid, not "now", so late timers do not lower the rate
        long jitter = (long) (ThreadLocalRandom.current().nextDouble() * JITTER * periodNanos);
        plannedNanos = Math.max(gridNanos + jitter, lastSentNanos + MIN_GAP_NANOS);
        gridNanos += periodNanos;
        long delayMs = Math.max(1, (plannedNanos - System.nanoTime()) / 1_000_000);
        vertx.setTimer(delayMs, id -> fire());
    }

    private void fire() {
        if (!open.getAsBoolean() || !run.sending()) {
            return;
        }
        long now = System.nanoTime();
        boolean window = run.inWindow(now);
        if (window) {
            run.timerLag.record(Math.max(0, now - plannedNanos) / 1000);
            run.cursorsSentInWindow.increment();
        }
        counter++;
        run.markCursor(index, counter, now);
        lastSentNanos = now;
        sender.accept(Messages.cursor(counter, index));
        plan();
    }

    /** Checks the cursors of one batch frame's presence entries; call on the client's context. */
    public void onPresence(FrameDecoder.Presence p, long now) {
        if (p.left() > 0 && run.sending()) {
            run.peersLeft.add(p.left());
        }
        int n = p.client().length;
        if (n == 0) {
            return;
        }
        if (lastSeen == null) {
            lastSeen = new int[run.config.clients()];
        }
        boolean window = run.inWindow(now);
        int delivered = 0;
        for (int i = 0; i < n; i++) {
            int from = p.client()[i];
            long x = p.x()[i];
            if (from == index || from >= lastSeen.length) {
                continue; // the frame is the same for everyone, so it holds our own entry too
            }
            if (p.y()[i] != from) {
                run.cursorMismatched.increment();
                continue;
            }
            if (x <= lastSeen[from]) {
                // a whole-state re-announcement (other node's heartbeat) repeats a position
                (x == lastSeen[from] ? run.cursorRepeats : run.cursorBackwards).increment();
                continue;
            }
            lastSeen[from] = (int) x;
            delivered++;
            long sentAt = run.cursorSentAt(from, x);
            if (sentAt == 0) {
                run.cursorUnmatched.increment();
            } else if (run.inWindow(sentAt)) {
                run.recordCursor(from, index, (now - sentAt) / 1000);
            }
        }
        if (window && delivered > 0) {
            run.cursorsDeliveredInWindow.add(delivered);
        }
    }
}
