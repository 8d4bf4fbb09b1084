package org.crossboard.bench;

import java.net.URI;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Command-line settings of the load generator, parsed from {@code --key value} pairs.
 *
 * @param urls       server base URLs, e.g. {@code http://127.0.0.1:8080}; clients are spread
 *                   over them round-robin and the board is created on the first
 * @param clients    number of WebSocket clients
 * @param rate       edits per second per client (mean of a Poisson process)
 * @param duration   measured seconds
 * @param warmup     seconds of load before measuring starts
 * @param invite     code of an editor invitation to an existing board (enough uses for every
 *                   client), or null to sign up a bench account and create a workspace and board
 * @param transport  only {@code ws} is supported
 * @param loops      event-loop threads of the generator
 * @param drain      seconds to wait at most for every client to reach the final seq
 * @param setupLimit seconds allowed for connecting every client and creating its note
 * @param decodeCache whether identical batch frames are decoded once (see {@link FrameDecoder})
 * @param cursors    cursor moves per second per client (presence frames), 0 = none
 */
public record BenchConfig(List<String> urls, int clients, double rate, int duration, int warmup,
                          String invite, String transport, int loops, int drain, int setupLimit,
                          boolean decodeCache, double cursors) {

    /** Protocol: clients send presence at most every 50 ms. */
    public static final double MAX_CURSORS = 20;

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
        String urls = m.getOrDefault("urls", m.getOrDefault("url", "http://127.0.0.1:8080"));
        BenchConfig c = new BenchConfig(
            Arrays.stream(urls.split(",")).map(String::trim).filter(u -> !u.isEmpty()).toList(),
            Integer.parseInt(m.getOrDefault("clients", "200")),
            Double.parseDouble(m.getOrDefault("rate", "2")),
            Integer.parseInt(m.getOrDefault("duration", "60")),
            Integer.parseInt(m.getOrDefault("warmup", "5")),
            m.get("invite"),
            m.getOrDefault("transport", "ws"),
            Integer.parseInt(m.getOrDefault("loops", "2")),
            Integer.parseInt(m.getOrDefault("drain", "10")),
            Integer.parseInt(m.getOrDefault("setup", "120")),
            Boolean.parseBoolean(m.getOrDefault("decode-cache", "true")),
            Double.parseDouble(m.getOrDefault("cursors", "0")));
        c.validate();
        return c;
    }

    private void validate() {
        if (!transport.equals("ws")) {
            throw new IllegalArgumentException("only --transport ws is supported");
        }
        if (clients < 1 || clients > 100_000 || rate <= 0 || rate > 50 || duration < 1
            || warmup < 0 || loops < 1 || drain < 0 || setupLimit < 1 || urls.isEmpty()
            || cursors < 0 || cursors > MAX_CURSORS) {
            throw new IllegalArgumentException("out-of-range value\n" + usage());
        }
        for (int n = 0; n < nodes(); n++) {
            String h = host(n);
            if (!"127.0.0.1".equals(h) && !"localhost".equals(h)) {
                throw new IllegalArgumentException("the benchmark only talks to 127.0.0.1, not " + h);
            }
        }
    }

    /** Number of server nodes (URLs). */
    public int nodes() {
        return urls.size();
    }

    /** The node client {@code index} connects to (round-robin). */
    public int nodeOf(int index) {
        return index % urls.size();
    }

    /** Host part of the URL of node {@code n}. */
    public String host(int n) {
        return URI.create(urls.get(n)).getHost();
    }

    /** Port part of the URL of node {@code n} (80 when absent). */
    public int port(int n) {
        int p = URI.create(urls.get(n)).getPort();
        return p < 0 ? 80 : p;
    }

    /** One-line usage text. */
    public static String usage() {
        return "usage: java -jar crossboard-bench.jar [--url http://127.0.0.1:8080 | --urls URL1,URL2,…]"
            + " [--clients 200] [--rate 2] [--cursors 0] [--duration 60] [--warmup 5] [--invite CODE]"
            + " [--transport ws] [--loops 2] [--drain 10] [--setup 120] [--decode-cache true]";
    }
}
