package org.crossboard.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Aggregates per-client results and run counters into the human-readable summary block
 * and the machine-readable {@code RESULT_JSON} line.
 */
public final class Report {

    private final JsonObject json = new JsonObject();
    private final long lost;
    private final long duplicates;
    private final long gapOps;
    private final int notReady;
    private final long unacked;
    private final long presenceFaults;

    /**
     * @param run           shared run state
     * @param results       one result per client
     * @param measuredSec   length of the measurement window in seconds
     * @param finalSeq      the board's last seq after the drain
     * @param drainMs       how long the drain took
     * @param setupMs       how long connecting and creating the notes took
     * @param genCpuPercent generator CPU time during the window, % of one core
     * @param genGcMs       generator time spent in garbage collection during the window
     * @param metrics       every node's /api/metrics answers at window start, window end and
     *                      after the drain, as {@code metrics[phase][node]} (each may be null)
     */
    public Report(RunState run, List<BenchClient.Result> results, double measuredSec, long finalSeq,
                  long drainMs, long setupMs, double genCpuPercent, long genGcMs, JsonObject[][] metrics) {
        long expected = 0, received = 0, lostSum = 0, dups = 0, gaps = 0, back = 0, stale = 0;
        long sent = 0, acked = 0, errored = 0, ownSeen = 0;
        int ready = 0;
        for (BenchClient.Result r : results) {
            ready += r.ready() ? 1 : 0;
            expected += r.expected();
            received += r.received();
            lostSum += r.lost();
            dups += r.duplicates();
            gaps += r.gapOps();
            back += r.backwards();
            stale += r.stale();
            sent += r.sent();
            acked += r.acked();
            errored += r.errored();
            ownSeen += r.ownSeen();
        }
        this.lost = lostSum;
        this.duplicates = dups;
        this.gapOps = gaps;
        this.notReady = results.size() - ready;
        this.unacked = sent - acked - errored;
        BenchConfig c = run.config;
        json.put("clients", c.clients()).put("rate", c.rate()).put("durationSec", c.duration())
            .put("warmupSec", c.warmup()).put("board", run.boardId).put("transport", c.transport())
            .put("decodeCache", c.decodeCache()).put("clientsReady", ready)
            .put("setupMs", setupMs).put("measuredSec", round(measuredSec, 3))
            .put("peerLatencyMs", hist(run.peerLatency)).put("ackLatencyMs", hist(run.ackLatency))
            .put("timerLagMs", hist(run.timerLag))
            .put("pushesSentPerSec", round(run.pushesSentInWindow.sum() / measuredSec, 1))
            .put("pushesAckedPerSec", round(run.acksInWindow.sum() / measuredSec, 1))
            .put("opsDeliveredPerSec", round(run.opsDeliveredInWindow.sum() / measuredSec, 1))
            .put("batchFramesPerSec", round(run.batchFramesInWindow.sum() / measuredSec, 1))
            .put("finalSeq", finalSeq).put("drainMs", drainMs)
            .put("expectedOps", expected).put("receivedOps", received).put("lostOps", lostSum)
            .put("duplicateOps", dups).put("seqGapOps", gaps).put("seqBackwards", back)
            .put("staleOps", stale)
            .put("pushesSent", sent).put("pushesAcked", acked).put("pushesRejected", errored)
            .put("pushesUnacked", sent - acked - errored).put("ownOpsSeen", ownSeen)
            .put("errorsByCode", counts(run.errorsByCode)).put("closesByCode", counts(run.closesByCode))
            .put("generatorCpuPercentOfOneCore", round(genCpuPercent, 1)).put("generatorGcMs", genGcMs);
        json.put("nodes", new JsonArray(c.urls())).put("cursors", c.cursors())
            .put("cursorLatencyMs", hist(run.cursorLatency))
            .put("cursorsSentPerSec", round(run.cursorsSentInWindow.sum() / measuredSec, 1))
            .put("cursorsDeliveredPerSec", round(run.cursorsDeliveredInWindow.sum() / measuredSec, 1))
            .put("cursorDeliveredShare", round(run.cursorsDeliveredInWindow.sum()
                / Math.max(1.0, run.cursorsSentInWindow.sum() * (double) Math.max(0, ready - 1)), 4))
            .put("cursorRepeats", run.cursorRepeats.sum()).put("cursorBackwards", run.cursorBackwards.sum())
            .put("cursorMismatched", run.cursorMismatched.sum()).put("cursorUnmatched", run.cursorUnmatched.sum())
            .put("peersLeft", run.peersLeft.sum())
            .put("decodeCacheVerified", run.decodeCacheVerified())
            .put("decodeCacheMismatches", run.decodeCacheMismatches());
        if (c.nodes() > 1) {
            json.put("peerLatencyCrossNodeMs", hist(run.peerLatencyCrossNode))
                .put("cursorLatencyCrossNodeMs", hist(run.cursorLatencyCrossNode));
            JsonArray byNode = new JsonArray();
            for (int n = 0; n < c.nodes(); n++) {
                byNode.add(new JsonObject().put("url", c.urls().get(n))
                    .put("ackLatencyMs", hist(run.ackLatencyByNode[n]))
                    .put("pushesAckedPerSec", round(run.acksInWindowByNode[n].sum() / measuredSec, 1)));
            }
            json.put("acksByNode", byNode);
        }
        this.presenceFaults = run.cursorBackwards.sum() + run.cursorMismatched.sum() + run.peersLeft.sum()
            + run.decodeCacheMismatches();
        servers(c, metrics, measuredSec);
        json.put("ok", ok());
    }

    // the top-level keys keep their single-node meaning for old readers; with several nodes they are sums
    private void servers(BenchConfig c, JsonObject[][] metrics, double measuredSec) {
        JsonArray servers = new JsonArray();
        double cpu = 0;
        long heapEnd = 0, rssEnd = 0, heapLast = 0, rssLast = 0;
        boolean cpuKnown = true, endKnown = true, lastKnown = true;
        for (int n = 0; n < c.nodes(); n++) {
            JsonObject start = metrics[0][n], end = metrics[1][n], last = metrics[2][n];
            JsonObject s = new JsonObject().put("url", c.urls().get(n));
            if (start != null && end != null && start.getValue("cpuTimeMs") instanceof Number c0
                && end.getValue("cpuTimeMs") instanceof Number c1) {
                double pct = (c1.longValue() - c0.longValue()) / (measuredSec * 10);
                s.put("cpuPercentOfOneCore", round(pct, 1))
                    .put("opsWrittenInWindow", longOf(end, "opsWritten") - longOf(start, "opsWritten"))
                    .put("catchUpsInWindow", longOf(end, "catchUps") - longOf(start, "catchUps"));
                cpu += pct;
            } else {
                cpuKnown = false;
            }
            if (end != null) {
                s.put("node", end.getValue("node")).put("heapUsedBytesWindowEnd", end.getValue("heapUsedBytes"))
                    .put("rssBytesWindowEnd", end.getValue("rssBytes")).put("metricsWindowEnd", end);
                heapEnd += longOf(end, "heapUsedBytes");
                rssEnd += longOf(end, "rssBytes");
            } else {
                endKnown = false;
            }
            if (last != null) {
                s.put("heapUsedBytes", last.getValue("heapUsedBytes")).put("rssBytes", last.getValue("rssBytes"))
                    .put("metrics", last);
                heapLast += longOf(last, "heapUsedBytes");
                rssLast += longOf(last, "rssBytes");
            } else {
                lastKnown = false;
            }
            servers.add(s);
        }
        json.put("servers", servers);
        if (cpuKnown) {
            json.put("serverCpuPercentOfOneCore", round(cpu, 1));
        }
        if (endKnown) {
            json.put("serverHeapUsedBytesWindowEnd", heapEnd).put("serverRssBytesWindowEnd", rssEnd)
                .put("serverMetricsWindowEnd", metrics[1][0]);
        }
        if (lastKnown) {
            json.put("serverHeapUsedBytes", heapLast).put("serverRssBytes", rssLast)
                .put("serverMetrics", metrics[2][0]);
        }
    }

    private static long longOf(JsonObject o, String key) {
        return o.getValue(key) instanceof Number n ? n.longValue() : 0;
    }

    /**
     * True when every client got ready, every push was answered within the drain, no client
     * lost or duplicated an op or saw seq jump, no cursor went backwards or arrived under
     * another client's id, no live client was reported as left, and the decode cache never
     * returned a different frame's fields.
     */
    public boolean ok() {
        return lost == 0 && duplicates == 0 && gapOps == 0 && notReady == 0 && unacked == 0 && presenceFaults == 0;
    }

    /** The machine-readable result. */
    public JsonObject json() {
        return json;
    }

    /** The summary block. */
    public String text() {
        JsonObject p = json.getJsonObject("peerLatencyMs");
        JsonObject a = json.getJsonObject("ackLatencyMs");
        JsonObject t = json.getJsonObject("timerLagMs");
        StringBuilder b = new StringBuilder();
        b.append("==================== Crossboard load benchmark ====================\n");
        b.append(String.format("clients %d (ready %d), rate %.2f/s each, window %.1f s after %d s warm-up, setup %d ms%n",
            json.getInteger("clients"), json.getInteger("clientsReady"), json.getDouble("rate"),
            json.getDouble("measuredSec"), json.getInteger("warmupSec"), json.getLong("setupMs")));
        b.append(String.format("%-22s %9s %9s %9s %9s %9s %10s%n", "latency (ms)", "p50", "p95", "p99",
            "max", "mean", "samples"));
        line(b, "push-to-peer", p);
        if (json.containsKey("peerLatencyCrossNodeMs")) {
            line(b, " of which cross-node", json.getJsonObject("peerLatencyCrossNodeMs"));
        }
        line(b, "ack (own push)", a);
        JsonArray byNode = json.getJsonArray("acksByNode", new JsonArray());
        for (int n = 0; n < byNode.size(); n++) {
            JsonObject node = byNode.getJsonObject(n);
            line(b, String.format(" clients of node %d", n + 1), node.getJsonObject("ackLatencyMs"));
        }
        if (json.getDouble("cursors") > 0) {
            line(b, "cursor-to-peer", json.getJsonObject("cursorLatencyMs"));
            if (json.containsKey("cursorLatencyCrossNodeMs")) {
                line(b, " of which cross-node", json.getJsonObject("cursorLatencyCrossNodeMs"));
            }
        }
        line(b, "generator timer lag", t);
        b.append(String.format("throughput: pushes sent %.1f/s, acked %.1f/s; ops delivered %.1f msgs/s in %.1f batch frames/s%n",
            json.getDouble("pushesSentPerSec"), json.getDouble("pushesAckedPerSec"),
            json.getDouble("opsDeliveredPerSec"), json.getDouble("batchFramesPerSec")));
        for (int n = 0; n < byNode.size(); n++) {
            b.append(String.format("  clients of node %d (%s): acked %.1f pushes/s%n", n + 1,
                byNode.getJsonObject(n).getString("url"), byNode.getJsonObject(n).getDouble("pushesAckedPerSec")));
        }
        if (json.getDouble("cursors") > 0) {
            b.append(String.format("cursors: sent %.1f/s, delivered %.1f new positions/s (summed over receivers;"
                    + " %.1f %% of sent x peers, the rest coalesced by the server)%n",
                json.getDouble("cursorsSentPerSec"), json.getDouble("cursorsDeliveredPerSec"),
                100 * json.getDouble("cursorDeliveredShare")));
            b.append(String.format("cursor checks: repeats %d, BACKWARDS %d, y MISMATCHED %d, send time unknown %d,"
                    + " live peers reported LEFT %d%n", json.getLong("cursorRepeats"), json.getLong("cursorBackwards"),
                json.getLong("cursorMismatched"), json.getLong("cursorUnmatched"), json.getLong("peersLeft")));
        }
        b.append(String.format("correctness: finalSeq %d, expected %d, received %d, LOST %d, DUPLICATE %d, seq-gap ops %d, backwards %d (drain %d ms)%n",
            json.getLong("finalSeq"), json.getLong("expectedOps"), json.getLong("receivedOps"), lost,
            duplicates, gapOps, json.getLong("seqBackwards"), json.getLong("drainMs")));
        b.append(String.format("stale ops (seq <= the client's welcome seq, already in its snapshot): %d%n",
            json.getLong("staleOps")));
        b.append(String.format("pushes: sent %d, acked %d, rejected %d, unacked %d, own ops seen %d%n",
            json.getLong("pushesSent"), json.getLong("pushesAcked"), json.getLong("pushesRejected"),
            json.getLong("pushesUnacked"), json.getLong("ownOpsSeen")));
        b.append("errors by code: ").append(json.getJsonObject("errorsByCode").encode())
            .append(", closes by code: ").append(json.getJsonObject("closesByCode").encode()).append('\n');
        b.append(String.format("CPU during window (%% of one core): generator %.1f (GC %d ms), server %s"
                + (json.getJsonArray("servers").size() > 1 ? " (all nodes)" : "") + "%n",
            json.getDouble("generatorCpuPercentOfOneCore"), json.getLong("generatorGcMs"),
            json.getValue("serverCpuPercentOfOneCore", "n/a")));
        JsonArray servers = json.getJsonArray("servers");
        for (int n = 0; n < servers.size(); n++) {
            JsonObject s = servers.getJsonObject(n);
            b.append(servers.size() > 1 ? "server " + s.getValue("node", "?") + " " + s.getString("url") + ": CPU "
                    + s.getValue("cpuPercentOfOneCore", "n/a") + " % of one core, ops written "
                    + s.getValue("opsWrittenInWindow", "n/a") + ", catch-ups " + s.getValue("catchUpsInWindow", "n/a")
                    + " in window; " : "server ")
                .append("heapUsed ").append(mib(s.getValue("heapUsedBytesWindowEnd")))
                .append(", RSS ").append(mib(s.getValue("rssBytesWindowEnd")))
                .append(" at window end; heapUsed ").append(mib(s.getValue("heapUsedBytes")))
                .append(", RSS ").append(mib(s.getValue("rssBytes"))).append(" after drain\n");
        }
        b.append(String.format("decode cache: %d hits checked against the whole frame, %d MISMATCHED%n",
            json.getLong("decodeCacheVerified"), json.getLong("decodeCacheMismatches")));
        b.append("result: ").append(ok() ? "OK" : String.format(
            "FAILED (lost %d, duplicate %d, seq-gap %d, clients not ready %d, pushes unanswered after the drain %d,"
                + " presence / decode faults %d)", lost, duplicates, gapOps, notReady, unacked, presenceFaults))
            .append('\n');
        b.append("=====================================================================");
        return b.toString();
    }

    private static void line(StringBuilder b, String name, JsonObject h) {
        b.append(String.format("%-22s %9.2f %9.2f %9.2f %9.2f %9.2f %10d%n", name, h.getDouble("p50"),
            h.getDouble("p95"), h.getDouble("p99"), h.getDouble("max"), h.getDouble("mean"),
            h.getLong("count")));
    }

    private static JsonObject hist(LatencyHistogram h) {
        return new JsonObject().put("p50", ms(h.percentileMicros(50))).put("p95", ms(h.percentileMicros(95)))
            .put("p99", ms(h.percentileMicros(99))).put("p999", ms(h.percentileMicros(99.9)))
            .put("max", ms(h.maxMicros())).put("mean", round(h.meanMicros() / 1000.0, 3))
            .put("count", h.count());
    }

    private static JsonObject counts(Map<String, LongAdder> m) {
        JsonObject o = new JsonObject();
        new TreeMap<>(m).forEach((k, v) -> o.put(k, v.sum()));
        return o;
    }

    private static double ms(long micros) {
        return round(micros / 1000.0, 3);
    }

    private static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Double.isFinite(v) ? Math.round(v * f) / f : 0;
    }

    private static String mib(Object bytes) {
        return bytes instanceof Number n ? String.format("%.1f MiB", n.doubleValue() / (1 << 20)) : "n/a";
    }
}
