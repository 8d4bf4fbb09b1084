package org.crossboard.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
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
import org.crossboard.testing.TestAccess;
import org.crossboard.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real Chromium pages on a real server: one server and one browser per test class, a fresh board
 * and fresh pages per test, and a check that no page ever ran script from board content.
 */
abstract class BrowserTestBase {
  @TempDir
  static Path data;
  static TestServer server;
  static BrowserSupport browsers;
  final List<BrowserContext> contexts = new ArrayList<>();
  final List<String> dialogs = new ArrayList<>();
  /** "Leave the page?" warnings (beforeunload) that pages showed; they are accepted. */
  final List<String> leaveWarnings = new ArrayList<>();
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
    assertTrue(dialogs.isEmpty(), "no page may run script from board content, nor break the CSP: " + dialogs);
  }

  Page open(String name) {
    return open(name, null, null);
  }

  /**
   * A page on the test's board for a guest editor called {@code name} (organisation and country may
   * be null), joined through a real board invitation: the guest token goes where the join page
   * puts it.
   */
  Page open(String name, String org, String country) {
    JsonObject guest = TestAccess.joinAsGuest(server.baseUrl(), editorInvite(), name, org, country);
    return connected(openWith("crossboard.guest." + board, guest.put("name", name)));
  }

  /** A connected page on the test's board signed in as an account ({@code signedIn} = the sign-in answer). */
  Page openAs(JsonObject signedIn) {
    return connected(openWith("crossboard.auth", signedIn));
  }

  /** A connected page on the test's board signed in as an account, in a window of the given size (phones). */
  Page openAs(JsonObject signedIn, int width, int height) {
    return connected(openWith("crossboard.auth", signedIn, width, height));
  }

  /** Like {@link #openAs} without waiting to be connected (the server may refuse the account). */
  Page openRefusable(JsonObject signedIn) {
    return openWith("crossboard.auth", signedIn);
  }

  private static Page connected(Page page) {
    assertConnected(page);
    return page;
  }

  private String inviteCode;

  private String editorInvite() {
    if (inviteCode == null) {
      TestAccess.Owner owner = TestAccess.ownerOf(board);
      inviteCode = TestAccess.invite(server.baseUrl(), owner.token(), owner.workspace(), board, "editor", 100);
    }
    return inviteCode;
  }

  private Page openWith(String storageKey, JsonObject value) {
    return openWith(storageKey, value, 1280, 800);
  }

  private Page openWith(String storageKey, JsonObject value, int width, int height) {
    BrowserContext context = browsers.browser().newContext(new com.microsoft.playwright.Browser.NewContextOptions()
        .setViewportSize(width, height));
    contexts.add(context);
    context.addInitScript("localStorage.setItem(" + io.vertx.core.json.Json.encode(storageKey) + ", "
        + io.vertx.core.json.Json.encode(value.encode()) + ");");
    Page page = context.newPage();
    watch(page);
    page.navigate(server.baseUrl() + "/board.html?board=" + board);
    return page;
  }

  /** Records script dialogs (board content must never run) and Content Security Policy violations. */
  void watch(Page page) {
    page.onDialog(d -> {
      if ("beforeunload".equals(d.type())) {
        leaveWarnings.add(d.message());
        d.accept();
        return;
      }
      dialogs.add(d.message());
      d.dismiss();
    });
    page.onConsoleMessage(m -> {
      if (m.text().contains("Content Security Policy")) {
        dialogs.add("CSP: " + m.text());
      }
    });
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

  /** The high-contrast theme on or off as the toggle leaves it (theme.js), without a click (for screenshots). */
  static void highContrast(Page page, boolean on) {
    page.evaluate("on => { document.documentElement.dataset.contrast = on ? 'more' : 'normal';"
        + " document.documentElement.toggleAttribute('data-high-contrast', on); }", on);
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

}
