package org.crossboard.bench;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * Command-line settings of the load generator, parsed from {@code --key value} pairs.
 *
 * @param url        server base URL, e.g. {@code http://127.0.0.1:8080}
 * @param clients    number of WebSocket clients
 * @param rate       edits per second per client (mean of a Poisson process)
 * @param duration   measured seconds
 * @param warmup     seconds of load before measuring starts
 * @param board      board id, or null to create one
 * @param transport  only {@code ws} is supported
 * @param loops      event-loop threads of the generator
 * @param drain      seconds to wait at most for every client to reach the final seq
 * @param setupLimit seconds allowed for connecting every client and creating its note
 * @param decodeCache whether identical batch frames are decoded once (see {@link FrameDecoder})
 */
public record BenchConfig(String url, int clients, double rate, int duration, int warmup,
                          String board, String transport, int loops, int drain, int setupLimit,
                          boolean decodeCache) {

    /** Parses the arguments; throws {@link IllegalArgumentException} on a bad one. */
    public static BenchConfig parse(String[] args) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String k = args[i];
            if (!k.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument: " + k);
            }
            if (k.equals("--help")) {
                throw new IllegalArgumentException(usage());
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value for " + k);
            }
            m.put(k.substring(2), args[++i]);
        }
        BenchConfig c = new BenchConfig(
            m.getOrDefault("url", "http://127.0.0.1:8080"),
            Integer.parseInt(m.getOrDefault("clients", "200")),
            Double.parseDouble(m.getOrDefault("rate", "2")),
            Integer.parseInt(m.getOrDefault("duration", "60")),
            Integer.parseInt(m.getOrDefault("warmup", "5")),
            m.get("board"),
            m.getOrDefault("transport", "ws"),
            Integer.parseInt(m.getOrDefault("loops", "2")),
            Integer.parseInt(m.getOrDefault("drain", "10")),
            Integer.parseInt(m.getOrDefault("setup", "120")),
            Boolean.parseBoolean(m.getOrDefault("decode-cache", "true")));
        c.validate();
        return c;
    }

    private void validate() {
        if (!transport.equals("ws")) {
            throw new IllegalArgumentException("only --transport ws is supported");
        }
        if (clients < 1 || clients > 100_000 || rate <= 0 || rate > 50 || duration < 1
            || warmup < 0 || loops < 1 || drain < 0 || setupLimit < 1) {
            throw new IllegalArgumentException("out-of-range value\n" + usage());
        }
        String h = host();
        if (!h.equals("127.0.0.1") && !h.equals("localhost")) {
            throw new IllegalArgumentException("the benchmark only talks to 127.0.0.1, not " + h);
        }
    }

    /** Host part of {@link #url}. */
    public String host() {
        return URI.create(url).getHost();
    }

    /** Port part of {@link #url} (80 when absent). */
    public int port() {
        int p = URI.create(url).getPort();
        return p < 0 ? 80 : p;
    }

    /** One-line usage text. */
    public static String usage() {
        return "usage: java -jar crossboard-bench.jar [--url http://127.0.0.1:8080] [--clients 200]"
            + " [--rate 2] [--duration 60] [--warmup 5] [--board ID] [--transport ws] [--loops 2]"
            + " [--drain 10] [--setup 120] [--decode-cache true]";
    }
}
