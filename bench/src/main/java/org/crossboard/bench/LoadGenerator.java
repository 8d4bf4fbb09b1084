package org.crossboard.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Load generator for Crossboard: N WebSocket clients on one board in one JVM, spread over one
 * or more server nodes, each creating a note and patching it at a Poisson rate and optionally
 * moving its cursor. Measures push-to-peer, ack and cursor-to-peer latency, throughput and
 * server CPU / memory per node, and checks that every client receives every op exactly once.
 * Exits 0 when nothing was lost or duplicated, 1 otherwise, 2 on a setup failure.
 */
public final class LoadGenerator {

    private static final int MAX_CONCURRENT_SETUPS = 50;

    private LoadGenerator() {
    }

    /** Entry point; see {@link BenchConfig#usage()}. */
    public static void main(String[] args) throws Exception {
        BenchConfig cfg;
        try {
            cfg = BenchConfig.parse(args);
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
        } finally {
            await(vertx.close(), 10);
        }
        System.exit(code);
    }

    private static int run(Vertx vertx, BenchConfig cfg) throws Exception {
        ServerProbe probe = new ServerProbe(vertx.createHttpClient(), cfg);
        BenchAccess.Setup access;
        try {
            access = BenchAccess.prepare(probe, cfg);
        } catch (IllegalStateException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        String board = access.board();
        String runId = runId();
        System.out.printf("permessage-deflate offered: %s%n", "1".equals(System.getenv("BENCH_DEFLATE")));
        System.out.printf("board %s, run %s, %d clients x %.2f edits/s and %.2f cursor moves/s,"
                + " %d s warm-up + %d s measured, nodes %s%n", board, runId, cfg.clients(), cfg.rate(),
            cfg.cursors(), cfg.warmup(), cfg.duration(), String.join(" ", cfg.urls()));
        RunState run = new RunState(cfg, board, runId, access.tokens());
        WebSocketClient ws = vertx.createWebSocketClient(new WebSocketClientOptions()
            .setMaxConnections(cfg.clients() + 16)
            .setMaxFrameSize(64 << 20).setMaxMessageSize(64 << 20).setConnectTimeout(10_000)
            // BENCH_DEFLATE=1: offer permessage-deflate as browsers do (the server's compression CPU)
            .setTryUsePerMessageCompression("1".equals(System.getenv("BENCH_DEFLATE"))));

        // setup: connect + hello + welcome + create note, at most 50 clients at a time
        long setupStart = System.nanoTime();
        long setupDeadline = setupStart + TimeUnit.SECONDS.toNanos(cfg.setupLimit());
        AtomicInteger inFlight = new AtomicInteger();
        List<BenchClient> clients = new ArrayList<>(cfg.clients());
        for (int i = 0; i < cfg.clients() && System.nanoTime() < setupDeadline; i++) {
            while (inFlight.get() >= MAX_CONCURRENT_SETUPS && System.nanoTime() < setupDeadline) {
                Thread.sleep(1);
            }
            inFlight.incrementAndGet();
            BenchClient c = new BenchClient(vertx, ws, run, i, inFlight::decrementAndGet);
            clients.add(c);
            c.start();
        }
        while (run.ready.get() + run.failed.get() < clients.size() && System.nanoTime() < setupDeadline) {
            Thread.sleep(10);
        }
        long setupMs = (System.nanoTime() - setupStart) / 1_000_000;
        System.out.printf("setup: %d ready, %d failed in %d ms%n", run.ready.get(), run.failed.get(), setupMs);
        if (run.ready.get() == 0) {
            System.err.println("no client got ready; first events: " + run.samples);
            clients.forEach(BenchClient::close);
            return 2;
        }

        // run: warm-up, then the measurement window
        long start = System.nanoTime();
        long windowStart = start + TimeUnit.SECONDS.toNanos(cfg.warmup());
        long windowEnd = windowStart + TimeUnit.SECONDS.toNanos(cfg.duration());
        run.startSending(windowStart, windowEnd);
        clients.forEach(BenchClient::startEditing);
        sleepUntil(windowStart, run, start);
        long cpu0 = processCpuNanos();
        long gc0 = gcMillis();
        JsonObject[] serverAtStart = probe.metrics("window start");
        sleepUntil(windowEnd, run, start);
        long cpu1 = processCpuNanos();
        long genGcMs = gcMillis() - gc0;
        run.stopSending();
        JsonObject[] serverAtEnd = probe.metrics("window end");
        double measuredSec = (windowEnd - windowStart) / 1e9;
        double genCpu = cpu0 < 0 ? -1 : (cpu1 - cpu0) / (double) (windowEnd - windowStart) * 100;

        // drain: wait for every outstanding ack, then for every client to reach the final seq
        long drainStart = System.nanoTime();
        long drainDeadline = drainStart + TimeUnit.SECONDS.toNanos(cfg.drain());
        while (System.nanoTime() < drainDeadline && clients.stream().anyMatch(c -> c.live() && c.outstanding() > 0)) {
            Thread.sleep(20);
        }
        long finalSeq = run.maxSeqSeen.get();
        while (System.nanoTime() < drainDeadline && clients.stream().anyMatch(c -> c.live() && c.lastSeq() < finalSeq)) {
            Thread.sleep(20);
        }
        long drainMs = (System.nanoTime() - drainStart) / 1_000_000;

        List<BenchClient.Result> results = new ArrayList<>();
        for (BenchClient c : clients) {
            results.add(await(c.result(finalSeq), 10));
        }
        JsonObject[] metrics = probe.metrics("end, clients still connected");
        clients.forEach(BenchClient::close);
        Thread.sleep(300);

        Report report = new Report(run, results, measuredSec, finalSeq, drainMs, setupMs, genCpu, genGcMs,
            new JsonObject[][] {serverAtStart, serverAtEnd, metrics});
        if (!run.samples.isEmpty()) {
            System.out.println("first unexpected events / frames:");
            run.samples.forEach(s -> System.out.println("  " + s));
        }
        System.out.println(report.text());
        System.out.println("RESULT_JSON " + report.json().encode());
        return report.ok() ? 0 : 1;
    }

    private static void sleepUntil(long deadline, RunState run, long start) throws InterruptedException {
        long nextLog = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        long[] last = run.peerLatency.snapshot();
        long[] lastCursor = run.cursorLatency.snapshot();
        long[] cores = coreTicks();
        long now;
        while ((now = System.nanoTime()) < deadline) {
            Thread.sleep(Math.min(200, Math.max(1, (deadline - now) / 1_000_000)));
            if (System.nanoTime() >= nextLog) {
                nextLog += TimeUnit.SECONDS.toNanos(5);
                long[] snap = run.peerLatency.snapshot();
                long[] snapCursor = run.cursorLatency.snapshot();
                long[] c = coreTicks();
                String cursors = run.config.cursors() <= 0 ? "" : String.format("; cursor p50 %s ms, p99 %s ms",
                    msOrNa(LatencyHistogram.percentileMicros(lastCursor, snapCursor, 50)),
                    msOrNa(LatencyHistogram.percentileMicros(lastCursor, snapCursor, 99)));
                System.out.printf("t=%5.1fs maxSeq %d, ops delivered %d, acks %d (in window);"
                        + " last 5 s: push-to-peer p50 %s ms, p99 %s ms%s; busy cpu0 %s, cpu1 %s%n",
                    (System.nanoTime() - start) / 1e9, run.maxSeqSeen.get(), run.opsDeliveredInWindow.sum(),
                    run.acksInWindow.sum(), msOrNa(LatencyHistogram.percentileMicros(last, snap, 50)),
                    msOrNa(LatencyHistogram.percentileMicros(last, snap, 99)), cursors,
                    busy(cores, c, 0), busy(cores, c, 1));
                last = snap;
                lastCursor = snapCursor;
                cores = c;
            }
        }
    }

    // {busy, total} jiffies of cpu0 and cpu1 from /proc/stat, to show when something besides
    // the server and the generator competed for the cores; empty when unavailable
    private static long[] coreTicks() {
        long[] t = new long[4];
        try {
            for (String line : Files.readAllLines(Path.of("/proc/stat"))) {
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
        } catch (IOException | RuntimeException e) {
            return new long[0];
        }
    }

    private static String msOrNa(long micros) {
        return micros < 0 ? "n/a" : String.format("%.1f", micros / 1000.0);
    }

    private static String busy(long[] before, long[] after, int core) {
        if (before.length < 4 || after.length < 4 || after[core * 2 + 1] == before[core * 2 + 1]) {
            return "n/a";
        }
        return Math.round(100.0 * (after[core * 2] - before[core * 2])
            / (after[core * 2 + 1] - before[core * 2 + 1])) + "%";
    }

    private static <T> T await(Future<T> f, int seconds) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get(seconds, TimeUnit.SECONDS);
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
            .mapToLong(b -> Math.max(0, b.getCollectionTime())).sum();
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
