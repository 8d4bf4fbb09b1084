package org.crossboard.bench.web;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.crossboard.bench.Messages;

/**
 * The web client over a slow link (docs/BENCHMARKS.md "Throttled link"): headless Chromium reaches
 * the server through {@link LinkEmulator} (default 32,000 bytes/s each way, 300 ms round trip), or
 * with {@code --link cdp} through Chromium's own network emulation ({@code
 * Network.emulateNetworkConditions}), while 20 other people (WebSocket clients of this process, on
 * the fast local link) move their cursors 20 times a second and one of them edits a note now and
 * then. Measures, per fresh page: the time to open a board of N records (navigation → every record
 * held and the first frame painted), the bytes that crossed the link for it (HTTP and WebSocket),
 * then edit latency — a local edit → its op confirmed by the server (pending back to 0), and a
 * remote person's edit (sent by this process) → the frame after the page has it — and the bytes
 * per second the page received while idle-watching (presence of 20 people).
 *
 * <p>Usage: {@code ThrottledLinkBench <baseUrl> [records=500] [runs=3] [--edits 30] [--peers 20]
 * [--rtt 300] [--bps 32000] [--link proxy|cdp] [--no-thin] [--open-timeout 300000]}. {@code --no-thin} tells the page not
 * to thin presence (localStorage {@code crossboard.slowLink=off}).
 */
public final class ThrottledLinkBench {
    private ThrottledLinkBench() {
    }

    public static void main(String[] args) throws Exception {
        List<String> positional = new ArrayList<>();
        int edits = 30;
        int peers = 20;
        long rtt = 300;
        long bps = 32_000;
        String link = "proxy";
        boolean noThin = false;
        long openTimeoutMs = 300_000;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--edits" -> edits = Integer.parseInt(args[++i]);
                case "--peers" -> peers = Integer.parseInt(args[++i]);
                case "--rtt" -> rtt = Long.parseLong(args[++i]);
                case "--bps" -> bps = Long.parseLong(args[++i]);
                case "--link" -> link = args[++i];
                case "--no-thin" -> noThin = true;
                case "--open-timeout" -> openTimeoutMs = Long.parseLong(args[++i]);
                default -> positional.add(args[i]);
            }
        }
        String base = positional.get(0).replaceAll("/$", "");
        int records = positional.size() > 1 ? Integer.parseInt(positional.get(1)) : 500;
        int runs = positional.size() > 2 ? Integer.parseInt(positional.get(2)) : 3;
        URI baseUri = URI.create(base);

        JsonObject auth = BoardRenderBench.signUp(base);
        String token = auth.getString("token");
        String ws = BoardRenderBench.post(base, "/api/workspaces", new JsonObject().put("name", "Link bench"), token)
            .getString("id");
        String board = BoardRenderBench.post(base, "/api/workspaces/" + ws + "/boards",
            new JsonObject().put("title", records + " records"), token).getString("id");

        Vertx vertx = Vertx.vertx();
        WebSocketClient wsClient = vertx.createWebSocketClient(new WebSocketClientOptions()
            .setTryUsePerMessageCompression(true).setMaxConnections(peers + 8));
        try (Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
             LinkEmulator emulator = new LinkEmulator(new InetSocketAddress(baseUri.getHost(), baseUri.getPort()), bps, rtt)) {
            Browser browser = playwright.chromium().launch(BoardRenderBench.launchOptions());
            System.out.printf("chromium %s, board %s, link %s: %d bytes/s each way, RTT %d ms, %d people moving cursors,"
                + " thinning %s%n", browser.version(), board, link, bps, rtt, peers, noThin ? "off (forced)" : "auto");
            try (BrowserContext context = BoardRenderBench.context(browser, auth)) {
                Page page = BoardRenderBench.open(context, base, board, 0);
                Object made = page.evaluate(BoardRenderBench.script("populate.js"), Map.of("count", records));
                System.out.printf("filled: %s records%n", made);
            }

            // the others: 20 people moving cursors (20 Hz, as fast as the protocol allows), one of whom edits
            List<WebSocket> others = new ArrayList<>();
            for (int i = 0; i < peers; i++) {
                others.add(connect(wsClient, baseUri, board, "c_linkpeer" + i + "_" + System.nanoTime() % 100000, token));
            }
            long moving = vertx.setPeriodic(50, t -> {
                ThreadLocalRandom r = ThreadLocalRandom.current();
                for (int i = 0; i < others.size(); i++) {
                    others.get(i).writeTextMessage(Messages.cursor(200 + i * 40 + r.nextInt(400), 200 + r.nextInt(600)));
                }
            });
            Thread.sleep(1000);

            List<double[]> summary = new ArrayList<>();
            String proxied = "http://127.0.0.1:" + emulator.port();
            String pageBase = link.equals("cdp") ? base : proxied;
            for (int run = 1; run <= runs; run++) {
                try (BrowserContext context = BoardRenderBench.context(browser, auth)) {
                    if (noThin) {
                        context.addInitScript("localStorage.setItem('crossboard.slowLink', 'off');");
                    }
                    Page page = context.newPage();
                    if (link.equals("cdp")) {
                        CDPSession cdp = context.newCDPSession(page);
                        cdp.send("Network.enable");
                        JsonObject conditions = new JsonObject().put("offline", false).put("latency", rtt)
                            .put("downloadThroughput", bps).put("uploadThroughput", bps);
                        cdp.send("Network.emulateNetworkConditions", new com.google.gson.Gson()
                            .fromJson(conditions.encode(), com.google.gson.JsonObject.class));
                    }
                    emulator.resetCounters();
                    page.navigate(pageBase + "/board.html?board=" + board);
                    page.onConsoleMessage(m -> {
                        if (!m.type().equals("log") && !m.type().equals("debug")) {
                            System.out.println("page " + m.type() + ": " + m.text());
                        }
                    });
                    try {
                        page.waitForFunction("n => window.crossboard && window.crossboard.state() === 'connected'"
                            + " && window.crossboard.sync.getView().size >= n && document.querySelector('.record[data-record-id]')",
                            records, new Page.WaitForFunctionOptions().setTimeout(openTimeoutMs).setPollingInterval(10));
                    } catch (RuntimeException e) {
                        System.out.println("open timed out: " + page.evaluate("() => JSON.stringify({ url: location.href,"
                            + " cb: !!window.crossboard, state: window.crossboard?.state(), size: window.crossboard?.sync.getView().size,"
                            + " res: performance.getEntriesByType('resource').length })") + "; link down " + emulator.httpDown
                            + " / " + emulator.wsDown + " B, up " + emulator.httpUp + " / " + emulator.wsUp + " B");
                        throw e;
                    }
                    double openMs = ((Number) page.evaluate(
                        "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(performance.now()))))"))
                        .doubleValue();
                    long httpDown = emulator.httpDown.get();
                    long wsDown = emulator.wsDown.get();
                    long up = emulator.httpUp.get() + emulator.wsUp.get();
                    Map<?, ?> nav = (Map<?, ?>) page.evaluate("() => { const e = performance.getEntriesByType('resource');"
                        + " return { resources: e.length, transfer: e.reduce((s, r) => s + (r.transferSize || 0), 0),"
                        + " body: e.reduce((s, r) => s + (r.decodedBodySize || 0), 0) }; }");
                    System.out.printf(Locale.ROOT, "run %d: open %.0f ms; through the link down %d B (HTTP %d, WebSocket %d), up %d B;"
                        + " %s resources, %s B decoded%n", run, openMs, httpDown + wsDown, httpDown, wsDown, up,
                        nav.get("resources"), nav.get("body"));

                    // idle watching: what presence of the others costs per second on this link
                    page.evaluate(BoardRenderBench.script("link-hooks.js"));
                    Thread.sleep(3000);
                    long d0 = emulator.wsDown.get();
                    long t0 = System.nanoTime();
                    Thread.sleep(5000);
                    double idleBps = (emulator.wsDown.get() - d0) / ((System.nanoTime() - t0) / 1e9);
                    Object slow = page.evaluate("() => JSON.stringify(window.crossboard.presence?.client?.link ?? null)");
                    System.out.printf(Locale.ROOT, "run %d: watching: %.0f B/s down over the WebSocket; client's link estimate %s%n",
                        run, idleBps, slow);

                    List<Double> local = new ArrayList<>();
                    List<Double> remote = new ArrayList<>();
                    WebSocket editor = others.get(0);
                    long seq = 1;
                    for (int i = 0; i < edits; i++) {
                        String text = "local " + run + "." + i;
                        local.add(((Number) page.evaluate("text => window.__lb.localEdit(text)", text)).doubleValue());
                        Thread.sleep(300);
                        String remoteText = "remote " + run + "." + i;
                        long sentAt = System.currentTimeMillis();
                        editor.writeTextMessage(Messages.push(seq++ + run * 1000L,
                            "{\"op\":\"patch\",\"id\":\"n0_0\",\"props\":{\"text\":\"" + remoteText + "\"}}"));
                        Number shownAt = (Number) page.waitForFunction("t => window.__lb.remote.get(t) > 0 && window.__lb.remote.get(t)",
                            remoteText, new Page.WaitForFunctionOptions().setTimeout(120_000).setPollingInterval(20)).jsonValue();
                        remote.add((double) (shownAt.longValue() - sentAt));
                        Thread.sleep(300);
                    }
                    double[] row = {openMs, httpDown, wsDown, up, idleBps, pct(local, 50), pct(local, 95), pct(remote, 50),
                        pct(remote, 95)};
                    summary.add(row);
                    System.out.printf(Locale.ROOT, "run %d: local edit → confirmed p50 %.0f / p95 %.0f / max %.0f ms;"
                        + " remote edit → shown p50 %.0f / p95 %.0f / max %.0f ms (%d each)%n", run, row[5], row[6],
                        pct(local, 100), row[7], row[8], pct(remote, 100), edits);
                }
            }
            vertx.cancelTimer(moving);
            StringBuilder line = new StringBuilder("SUMMARY link=" + link + " records=" + records + (noThin ? " thin=off" : ""));
            String[] names = {"open_ms", "http_down_B", "ws_down_B", "up_B", "watch_Bps", "local_p50", "local_p95",
                "remote_p50", "remote_p95"};
            for (int k = 0; k < names.length; k++) {
                List<Double> col = new ArrayList<>();
                for (double[] r : summary) {
                    col.add(r[k]);
                }
                line.append(String.format(Locale.ROOT, " %s median=%.0f [%s]", names[k], BoardRenderBench.median(col),
                    String.join(" ", col.stream().map(v -> String.format(Locale.ROOT, "%.0f", v)).toList())));
            }
            System.out.println(line);
            browser.close();
        } finally {
            vertx.close().await(10, TimeUnit.SECONDS);
        }
    }

    private static WebSocket connect(WebSocketClient client, URI base, String board, String clientId, String token)
            throws Exception {
        CompletableFuture<WebSocket> welcomed = new CompletableFuture<>();
        client.connect(new WebSocketConnectOptions().setHost(base.getHost()).setPort(base.getPort()).setURI("/ws"))
            .onFailure(welcomed::completeExceptionally)
            .onSuccess(ws -> {
                ws.textMessageHandler(text -> {
                    if (!welcomed.isDone() && text.startsWith("{\"t\":\"welcome\"")) {
                        welcomed.complete(ws);
                    } else if (text.startsWith("{\"t\":\"error\"")) {
                        System.err.println(clientId + ": " + text);
                    }
                });
                ws.writeTextMessage(Messages.hello(board, clientId, token));
            });
        return welcomed.get(30, TimeUnit.SECONDS);
    }

    private static double pct(List<Double> values, int p) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
