package org.crossboard.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.crossboard.testing.Rest;
import org.crossboard.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two real browser pages on one board, through the real server (SPEC.md W1–W4). */
class BoardBrowserTest {
  @TempDir
  static Path data;
  static TestServer server;
  static BrowserSupport browsers;
  final List<BrowserContext> contexts = new ArrayList<>();
  final List<String> dialogs = new ArrayList<>();
  String board;

  @BeforeAll
  static void start() {
    boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
    if (!ci) {
      Assumptions.assumeTrue(BrowserSupport.chromium() != null,
          "no Chromium here (apt-get install -y chromium, or set CHROME_PATH): browser tests skipped");
    }
    server = TestServer.start(data);
    browsers = BrowserSupport.launch();
  }

  @AfterAll
  static void stop() {
    if (browsers != null) {
      browsers.close();
    }
    if (server != null) {
      server.stop();
    }
  }

  @BeforeEach
  void createBoard() {
    board = Rest.createBoard(server.baseUrl(), "Browser workshop");
  }

  @AfterEach
  void closePages() {
    contexts.forEach(BrowserContext::close);
    assertTrue(dialogs.isEmpty(), "no page may run script from board content: " + dialogs);
  }

  Page open(String name) {
    BrowserContext context = browsers.browser().newContext(new com.microsoft.playwright.Browser.NewContextOptions()
        .setViewportSize(1280, 800));
    contexts.add(context);
    context.addInitScript("localStorage.setItem('crossboard.name', " + io.vertx.core.json.Json.encode(name) + ");");
    Page page = context.newPage();
    page.onDialog(d -> {
      dialogs.add(d.message());
      d.dismiss();
    });
    page.navigate(server.baseUrl() + "/board.html?id=" + board);
    assertConnected(page);
    return page;
  }

  static void assertConnected(Page page) {
    assertThat(page.locator("#connection-status")).hasAttribute("data-state", "connected",
        new com.microsoft.playwright.assertions.LocatorAssertions.HasAttributeOptions().setTimeout(20_000));
  }

  /** Creates a note with the note tool at a viewport point and returns its id. */
  static String createNote(Page page, int x, int y) {
    int before = page.locator("[data-type=note]").count();
    page.locator("#tool-note").click();
    page.mouse().click(x, y);
    assertThat(page.locator("[data-type=note]")).hasCount(before + 1);
    String id = page.locator("[data-type=note]").nth(before).getAttribute("data-record-id");
    page.keyboard().press("Escape");
    return id;
  }

  static void editText(Page page, String id, String text) {
    Locator note = page.locator("[data-record-id='" + id + "']");
    note.dblclick();
    Locator field = page.locator(".record-editor");
    assertThat(field).isVisible();
    field.fill(text);
    page.keyboard().press("Escape");
    assertThat(page.locator(".record-editor")).hasCount(0);
  }

  static JsonObject record(Page page, String id) {
    JsonArray records = new JsonArray(page.evaluate("JSON.stringify(window.crossboard.getRecords())").toString());
    for (Object r : records) {
      if (id.equals(((JsonObject) r).getString("id"))) {
        return (JsonObject) r;
      }
    }
    return null;
  }

  /** Waits until the page has no pending pushes (everything it did is sequenced). */
  static void settled(Page page) {
    page.waitForCondition(() -> ((Number) page.evaluate("window.crossboard.pendingCount()")).intValue() == 0);
  }

  static Locator textOf(Page page, String id) {
    return page.locator("[data-record-id='" + id + "'] .record-text");
  }

  @Test
  @DisplayName("[W1][W4] a note created and edited in one page appears in the other; markup stays text")
  void noteAppearsInOtherPage() {
    Page ana = open("Ana (Estonia)");
    Page bruno = open("Bruno (Portugal)");
    String id = createNote(ana, 420, 300);
    String markup = "<img src=x onerror=alert(1)> <script>alert(2)</script> Open data by default";
    editText(ana, id, markup);
    assertThat(textOf(bruno, id)).hasText(markup);
    assertEquals(0, bruno.locator("[data-record-id='" + id + "'] img, [data-record-id='" + id + "'] script").count());
    assertEquals(markup, record(bruno, id).getString("text"));
    ana.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/board-two-pages.png")));
  }

  @Test
  @DisplayName("[W2] undo reverts my own change but never the other person's later change")
  void undoIsPerUser() {
    Page ana = open("Ana");
    Page bruno = open("Bruno");
    String id = createNote(ana, 400, 300);
    JsonObject created = record(ana, id);
    double x0 = created.getDouble("x");
    double y0 = created.getDouble("y");

    // Ana drags the note: one undo step that changes x and y.
    com.microsoft.playwright.options.BoundingBox box = ana.locator("[data-record-id='" + id + "']").boundingBox();
    ana.mouse().move(box.x + box.width / 2, box.y + box.height / 2);
    ana.mouse().down();
    ana.mouse().move(box.x + box.width / 2 + 60, box.y + box.height / 2 + 40, new com.microsoft.playwright.Mouse.MoveOptions().setSteps(8));
    ana.mouse().up();
    settled(ana);
    JsonObject moved = record(ana, id);
    bruno.waitForCondition(() -> record(bruno, id) != null && record(bruno, id).getDouble("x").equals(moved.getDouble("x"))
        && record(bruno, id).getDouble("y").equals(moved.getDouble("y")));
    double x1 = moved.getDouble("x");

    // Bruno then nudges it right: x is now Bruno's.
    bruno.locator("[data-record-id='" + id + "']").click();
    bruno.keyboard().press("Shift+ArrowRight");
    settled(bruno);
    ana.waitForCondition(() -> record(ana, id).getDouble("x") == x1 + 10);

    ana.keyboard().press("Control+z");
    for (Page page : List.of(ana, bruno)) {
      page.waitForCondition(() -> record(page, id).getDouble("y") == y0);
      assertEquals(x1 + 10, record(page, id).getDouble("x"), "Bruno's later x survives Ana's undo");
    }
    assertTrue(x1 != x0);

    ana.keyboard().press("Control+Shift+z");
    bruno.waitForCondition(() -> record(bruno, id).getDouble("y") != y0);
    assertEquals(x1 + 10, record(bruno, id).getDouble("x"));
  }

  @Test
  @DisplayName("[W3] pages survive a server restart: offline edits stay pending, then reach the other page")
  void survivesServerRestart() {
    Page ana = open("Ana");
    Page bruno = open("Bruno");
    String id = createNote(ana, 380, 280);
    assertThat(bruno.locator("[data-record-id='" + id + "']")).hasCount(1);

    server.stop();
    assertThat(ana.locator("#connection-status")).not().hasAttribute("data-state", "connected");
    editText(ana, id, "written while the server was down");
    assertThat(ana.locator("#connection-status")).hasAttribute("data-pending", "1");
    ana.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/board-offline.png")));

    server.restart();
    assertConnected(ana);
    assertConnected(bruno);
    assertThat(textOf(bruno, id)).hasText("written while the server was down",
        new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(20_000));
    assertThat(ana.locator("#connection-status")).hasAttribute("data-pending", "0");
    assertEquals("written while the server was down",
        Rest.export(server.baseUrl(), board).getJsonArray("records").stream()
            .map(r -> (JsonObject) r).filter(r -> id.equals(r.getString("id"))).findFirst().orElseThrow().getString("text"));
  }
}
