package org.crossboard.bench.web;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How the web client copes with a big board, in a real headless Chromium: fills a fresh board on
 * a running server with N records (through a board page's own sync client), then opens it in
 * fresh pages and measures the time from navigation to the first frame that shows the board,
 * and the frame rate while the view pans, at the zoom it opened with and zoomed out to the whole
 * board. Prints one line per measurement and a summary; not a test (no thresholds).
 *
 * <p>Usage: {@code BoardRenderBench <baseUrl> [records=5000] [runs=3]}. Uses {@code CHROME_PATH},
 * else {@code /usr/bin/chromium}. {@code bench/web/run.sh} starts a server and runs it.
 */
public final class BoardRenderBench {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final int WIDTH = 1440;
    private static final int HEIGHT = 900;

    private BoardRenderBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: BoardRenderBench <baseUrl> [records=5000] [runs=3]");
            System.exit(2);
        }
        String base = args[0].replaceAll("/$", "");
        int records = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;

        JsonObject auth = signUp(base);
        String token = auth.getString("token");
        String ws = post(base, "/api/workspaces", new JsonObject().put("name", "Render bench"), token).getString("id");
        String board = post(base, "/api/workspaces/" + ws + "/boards",
            new JsonObject().put("title", records + " records"), token).getString("id");

        try (Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")))) {
            Browser browser = playwright.chromium().launch(launchOptions());
            System.out.printf("chromium %s, viewport %dx%d, board %s%n", browser.version(), WIDTH, HEIGHT, board);

            long t0 = System.nanoTime();
            try (BrowserContext context = context(browser, auth)) {
                Page page = open(context, base, board, 0);
                Object made = page.evaluate(script("populate.js"), Map.of("count", records));
                System.out.printf("filled: %s records in %.1f s%n", made, (System.nanoTime() - t0) / 1e9);
            }

            List<Double> opens = new ArrayList<>();
            List<Double> panOpen = new ArrayList<>();
            List<Double> panFit = new ArrayList<>();
            for (int run = 1; run <= runs; run++) {
                try (BrowserContext context = context(browser, auth)) {
                    Page page = open(context, base, board, records);
                    double openMs = ((Number) page.evaluate(
                        "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(performance.now()))))"))
                        .doubleValue();
                    Object dom = page.evaluate("() => document.querySelectorAll('[data-record-id]').length");
                    Object zoom = page.evaluate("() => window.crossboard.viewport.zoom");
                    opens.add(openMs);
                    System.out.printf("run %d: open %.0f ms (zoom %.2f, %s record elements in the DOM)%n", run, openMs,
                        ((Number) zoom).doubleValue(), dom);
                    JsonObject atOpen = pan(page, null);
                    panOpen.add(atOpen.getDouble("fps"));
                    System.out.printf("run %d: pan at opening zoom: %s%n", run, atOpen.encode());
                    JsonObject atFit = pan(page, "fit");
                    panFit.add(atFit.getDouble("fps"));
                    System.out.printf("run %d: pan zoomed to fit: %s%n", run, atFit.encode());
                }
            }
            System.out.printf("SUMMARY records=%d open_ms median=%.0f [%s] pan_fps_open median=%.1f [%s] "
                    + "pan_fps_fit median=%.1f [%s]%n", records, median(opens), join(opens, "%.0f"),
                median(panOpen), join(panOpen, "%.1f"), median(panFit), join(panFit, "%.1f"));
            browser.close();
        }
    }

    private static JsonObject pan(Page page, Object zoom) {
        Map<String, Object> arg = new java.util.HashMap<>();
        arg.put("ms", 4000);
        arg.put("zoom", zoom);
        return new JsonObject(Json.encode(page.evaluate(script("pan.js"), arg)));
    }

    static BrowserType.LaunchOptions launchOptions() {
        BrowserType.LaunchOptions options = new BrowserType.LaunchOptions().setHeadless(true)
            .setArgs(List.of("--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"));
        String env = System.getenv("CHROME_PATH");
        Path chromium = env != null && !env.isBlank() ? Path.of(env) : Path.of("/usr/bin/chromium");
        if (Files.isExecutable(chromium)) {
            options.setExecutablePath(chromium);
        }
        return options;
    }

    static BrowserContext context(Browser browser, JsonObject auth) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(WIDTH, HEIGHT));
        context.addInitScript("localStorage.setItem('crossboard.auth', " + Json.encode(auth.encode()) + ");");
        return context;
    }

    /** A page on the board, once its sync client holds at least {@code records} records and one is in the DOM. */
    static Page open(BrowserContext context, String base, String board, int records) {
        Page page = context.newPage();
        page.navigate(base + "/board.html?board=" + board);
        page.waitForFunction("n => window.crossboard && window.crossboard.state() === 'connected'"
            + " && window.crossboard.sync.getView().size > n && (n === 0 || document.querySelector('.record[data-record-id]'))",
            records, new Page.WaitForFunctionOptions().setTimeout(120_000));
        return page;
    }

    static String script(String name) {
        try (InputStream in = BoardRenderBench.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonObject signUp(String base) throws Exception {
        JsonObject body = new JsonObject().put("email", "render-" + System.nanoTime() + "@bench.invalid")
            .put("password", "render bench password " + System.nanoTime()).put("name", "Render Bench");
        return post(base, "/api/auth/signup", body, null);
    }

    static JsonObject post(String base, String path, JsonObject body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.encode()));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(path + ": HTTP " + response.statusCode() + " " + response.body());
        }
        return new JsonObject(response.body());
    }

    static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length / 2];
    }

    private static String join(List<Double> values, String format) {
        return String.join(" ", values.stream().map(v -> String.format(format, v)).toArray(String[]::new));
    }
}
