package org.crossboard.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.crossboard.testing.TestAccess;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * axe-core on every page and on every dialog and panel of the board, in English and in French:
 * no critical and no serious violation. axe.min.js comes from the axe-core WebJar (test scope)
 * and is injected into each page; the app never serves it.
 */
class AccessibilityBrowserTest extends BrowserTestBase {

  /** A page in a fresh window with the language (crossboard.lang, as i18n.js reads it) and maybe an account. */
  Page page(String lang, JsonObject signedIn, int width, int height) {
    BrowserContext context = browsers.browser().newContext(new com.microsoft.playwright.Browser.NewContextOptions()
        .setViewportSize(width, height).setBypassCSP(true)); // axe is injected as a script tag
    contexts.add(context);
    StringBuilder init = new StringBuilder("localStorage.setItem('crossboard.lang', " + Json.encode(lang) + ");");
    if (signedIn != null) {
      init.append("localStorage.setItem('crossboard.auth', ").append(Json.encode(signedIn.encode())).append(");");
    }
    context.addInitScript(init.toString());
    Page page = context.newPage();
    watch(page);
    return page;
  }

  /** Loaded, its first requests answered (the bell long-polls: the network is never idle). */
  static void settle(Page page) {
    page.waitForLoadState(com.microsoft.playwright.options.LoadState.LOAD);
    page.waitForTimeout(800);
  }

  static void shot(Page page, String name) {
    page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/" + name + ".png")));
  }

  static double[] centre(Page page, String id) {
    var box = page.locator("[data-record-id='" + id + "']").boundingBox();
    return new double[] {box.x + box.width / 2, box.y + box.height / 2};
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"en", "fr"})
  @DisplayName("[W16] axe: every page, dialog and panel has no critical or serious violation")
  void noSeriousViolations(String lang) {
    List<String> found = new ArrayList<>();
    TestAccess.Owner owner = TestAccess.ownerOf(board);
    String url = server.baseUrl();

    // Signed out: sign-in, sign-up, an invitation.
    Page out = page(lang, null, 1280, 800);
    out.navigate(url + "/signin.html");
    assertThat(out.locator("html")).hasAttribute("lang", lang);
    assertThat(out.locator("form")).isVisible();
    Axe.check(out, lang + " signin", found);
    out.navigate(url + "/signup.html");
    assertThat(out.locator("form")).isVisible();
    Axe.check(out, lang + " signup", found);
    String code = TestAccess.invite(url, owner.token(), owner.workspace(), board, "editor", 5);
    out.navigate(url + "/join.html#" + code);
    settle(out);
    Axe.check(out, lang + " join", found);

    // Signed in: the workspaces, a workspace, the account.
    Page in = page(lang, owner.account().signedIn(), 1280, 800);
    in.navigate(url + "/");
    settle(in);
    Axe.check(in, lang + " workspaces", found);
    in.navigate(url + "/workspace.html?ws=" + owner.workspace());
    settle(in);
    Axe.check(in, lang + " workspace", found);
    in.navigate(url + "/account.html");
    settle(in);
    Axe.check(in, lang + " account", found);

    // The board, with notes, a connector, a comment thread; then every dialog and panel.
    Page b = page(lang, owner.account().signedIn(), 1440, 900);
    b.navigate(url + "/board.html?board=" + board);
    assertConnected(b);
    String a = createNote(b, 500, 350);
    editText(b, a, "Shared service catalogue");
    String c = createNote(b, 850, 350);
    editText(b, c, "Single digital gateway");
    b.locator("#tool-connector").click();
    double[] from = centre(b, a);
    double[] to = centre(b, c);
    b.mouse().move(from[0], from[1]);
    b.mouse().down();
    b.mouse().move(to[0], to[1], new com.microsoft.playwright.Mouse.MoveOptions().setSteps(8));
    b.mouse().up();
    assertThat(b.locator("g.connector")).hasCount(1);
    b.locator("#tool-comment").click();
    b.locator("[data-record-id='" + a + "']").click();
    Locator panel = b.locator("#thread-panel");
    assertThat(panel).isVisible();
    Axe.check(b, lang + " board: new comment", found);
    panel.locator("textarea").fill("Which countries first?");
    panel.locator("button[type=submit]").click();
    assertThat(panel.locator(".thread-comment")).hasCount(1);
    Axe.check(b, lang + " board: thread panel", found);
    b.keyboard().press("Escape");
    assertThat(panel).isHidden();
    b.locator("[data-record-id='" + c + "']").focus();
    Axe.check(b, lang + " board", found);
    shot(b, "a11y-board-" + lang);

    b.locator("#share-button").click();
    assertThat(b.locator("#share-dialog")).isVisible();
    b.waitForTimeout(300);
    Axe.check(b, lang + " board: share dialog", found);
    b.keyboard().press("Escape");
    assertThat(b.locator("#share-dialog")).isHidden();

    b.locator("#viewport").focus();
    b.keyboard().press("?");
    assertThat(b.locator("#shortcuts-dialog")).isVisible();
    Axe.check(b, lang + " board: shortcuts", found);
    b.keyboard().press("Escape");
    assertThat(b.locator("#shortcuts-dialog")).isHidden();

    b.locator("#threads-button").click();
    assertThat(panel).isVisible();
    Axe.check(b, lang + " board: comments list", found);
    b.keyboard().press("Escape");

    b.locator("#session-button").click();
    assertThat(b.locator("#session-panel")).isVisible();
    Axe.check(b, lang + " board: session panel", found);
    b.keyboard().press("Escape");

    b.locator("#notifications-button").click();
    assertThat(b.locator("#notifications-popover")).isVisible();
    Axe.check(b, lang + " board: notifications", found);
    b.keyboard().press("Escape");

    b.locator("#outline-button").click();
    assertThat(b.locator("#outline-panel")).isVisible();
    assertThat(b.locator("#outline-panel [role=treeitem]").first()).isVisible();
    Axe.check(b, lang + " board: outline", found);
    shot(b, "a11y-outline-" + lang);
    b.keyboard().press("Escape");

    b.locator("#contrast-toggle").click();
    assertThat(b.locator("html")).hasAttribute("data-contrast", "more");
    Axe.check(b, lang + " board: high contrast", found);
    shot(b, "a11y-contrast-" + lang);

    Axe.assertNone(found);
  }
}
