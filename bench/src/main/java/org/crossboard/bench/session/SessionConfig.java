package org.crossboard.bench.session;

import java.net.URI;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Command-line settings of the live-session benchmark, parsed from {@code --key value} pairs.
 *
 * @param urls         server base URLs; the facilitator and the board are on the first, participant
 *                     <i>i</i> on node <i>i</i> mod n
 * @param participants guests who vote (editor invitation)
 * @param notes        notes the facilitator puts on the board before the session
 * @param voteRecords  notes the vote is on (the first ones)
 * @param dots         dots per person; every participant casts all of them
 * @param spreadMs     each dot is cast at a uniformly random moment within this long of the vote
 *                     opening
 * @param timerMs      the timer started right after the vote opens, {@code atZero: closeVote}
 * @param rounds       votes run one after the other in the same session (each with its own timer)
 * @param loops        event-loop threads of the generator
 * @param setupLimit   seconds allowed for connecting everyone
 * @param revealWait   seconds after the timer's zero to wait for everyone's reveal and cue
 */
public record SessionConfig(List<String> urls, int participants, int notes, int voteRecords, int dots,
                            int spreadMs, int timerMs, int rounds, int loops, int setupLimit, int revealWait) {

    /** Parses the arguments; throws {@link IllegalArgumentException} on a bad one. */
    public static SessionConfig parse(String[] args) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String k = args[i];
            if (!k.startsWith("--") || k.equals("--help") || i + 1 >= args.length) {
                throw new IllegalArgumentException(usage());
            }
            m.put(k.substring(2), args[++i]);
        }
        for (String k : m.keySet()) {
            if (!List.of("url", "urls", "participants", "notes", "vote-records", "dots", "spread-ms", "timer-ms",
                "rounds", "loops", "setup", "reveal-wait").contains(k)) {
                throw new IllegalArgumentException("unknown option --" + k + "\n" + usage());
            }
        }
        String urls = m.getOrDefault("urls", m.getOrDefault("url", "http://127.0.0.1:8080"));
        SessionConfig c = new SessionConfig(
            Arrays.stream(urls.split(",")).map(String::trim).filter(u -> !u.isEmpty()).toList(),
            Integer.parseInt(m.getOrDefault("participants", "200")),
            Integer.parseInt(m.getOrDefault("notes", "36")),
            Integer.parseInt(m.getOrDefault("vote-records", "10")),
            Integer.parseInt(m.getOrDefault("dots", "3")),
            Integer.parseInt(m.getOrDefault("spread-ms", "5000")),
            Integer.parseInt(m.getOrDefault("timer-ms", "6000")),
            Integer.parseInt(m.getOrDefault("rounds", "1")),
            Integer.parseInt(m.getOrDefault("loops", "2")),
            Integer.parseInt(m.getOrDefault("setup", "120")),
            Integer.parseInt(m.getOrDefault("reveal-wait", "20")));
        if (c.participants < 1 || c.participants > 5_000 || c.notes < 1 || c.notes > 500 || c.voteRecords < 1
            || c.voteRecords > Math.min(200, c.notes) || c.dots < 1 || c.dots > 20 || c.spreadMs < 0
            || c.timerMs < 1_000 || c.rounds < 1 || c.rounds > 20 || c.loops < 1 || c.setupLimit < 1
            || c.revealWait < 1 || c.urls.isEmpty()) {
            throw new IllegalArgumentException("out-of-range value\n" + usage());
        }
        for (String u : c.urls) {
            String h = URI.create(u).getHost();
            if (!"127.0.0.1".equals(h) && !"localhost".equals(h)) {
                throw new IllegalArgumentException("the benchmark only talks to 127.0.0.1, not " + h);
            }
        }
        return c;
    }

    /** One-line usage text. */
    public static String usage() {
        return "usage: java -cp crossboard-bench.jar org.crossboard.bench.session.SessionBench"
            + " [--url http://127.0.0.1:8080 | --urls URL1,URL2] [--participants 200] [--notes 36]"
            + " [--vote-records 10] [--dots 3] [--spread-ms 5000] [--timer-ms 6000] [--rounds 1]"
            + " [--loops 2] [--setup 120] [--reveal-wait 20]";
    }

    /** Host of node {@code n}. */
    public String host(int n) {
        return URI.create(urls.get(n)).getHost();
    }

    /** Port of node {@code n} (80 when absent). */
    public int port(int n) {
        int p = URI.create(urls.get(n)).getPort();
        return p < 0 ? 80 : p;
    }
}
