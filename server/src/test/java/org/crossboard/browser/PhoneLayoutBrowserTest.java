package org.crossboard.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Contrast;
import com.microsoft.playwright.options.ForcedColors;
import com.microsoft.playwright.options.ReducedMotion;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.crossboard.testing.TestAccess;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The board's top bar at every width (SPEC W11, W18): on a phone the controls that do not fit are
 * in the "More actions" disclosure, reachable by touch and keyboard, and put back in the bar when
 * the window is wide; and the system's preferences (reduced motion, more contrast, forced colours)
 * reach the page (W16).
 */
class PhoneLayoutBrowserTest extends BrowserTestBase {

  /** What stays in the bar on a phone, the account's bell included. */
  static final Set<String> PHONE_BAR = Set.of("back-link", "board-title", "connection-status", "presence-list",
      "threads-button", "notifications-button", "more-button");
  /** A finger's target: every control of the phone's bar and menu is at least this big. */
  static final int TAP = 40;
  /** What an owner finds under "More actions" on a phone. */
  static final Set<String> PHONE_MENU = Set.of("outline-button", "session-button", "share-button", "read-language",
      "language-select", "account-link", "sign-out");

  /**
   * Every control of the top bar (not those of its popovers, nor those hidden for this person):
   * its id, whether it is in the menu, and its box (zero while not shown).
   */
  static List<JsonObject> controls(Page page) {
    JsonArray list = new JsonArray(page.evaluate("""
        () => JSON.stringify([...document.querySelectorAll(
            '.topbar :is(button, a[href], select, input, [role=status])')]
          .filter((e) => !e.closest('[role=dialog]') && !e.closest('[hidden]:not(#more-menu)'))
          .map((e) => {
            const r = e.getBoundingClientRect();
            return { id: e.id, menu: !!e.closest('#more-menu'), x: r.x, y: r.y, w: r.width, h: r.height };
          }))""").toString());
    List<JsonObject> out = new ArrayList<>();
    list.forEach(o -> out.add((JsonObject) o));
    return out;
  }

  static Set<String> ids(List<JsonObject> controls, boolean inMenu) {
    Set<String> ids = new TreeSet<>();
    controls.stream().filter(c -> c.getBoolean("menu") == inMenu).forEach(c -> ids.add(c.getString("id")));
    return ids;
  }

  static boolean shown(JsonObject c) {
    return c.getDouble("w") > 0 && c.getDouble("h") > 0;
  }

  /** Every shown control inside the window, at least {@code least} px each way, and no two overlapping. */
  static void assertOnScreen(List<JsonObject> shown, int width, int height, int least) {
    for (JsonObject c : shown) {
      String id = c.getString("id");
      double x = c.getDouble("x");
      double y = c.getDouble("y");
      assertTrue(x >= 0 && y >= 0 && x + c.getDouble("w") <= width && y + c.getDouble("h") <= height,
          "on screen at " + width + " px: " + c.encode());
      assertTrue(c.getDouble("h") >= least && c.getDouble("w") >= least, least + " px or more: " + c.encode());
      for (JsonObject d : shown) {
        if (d == c) {
          continue;
        }
        boolean apart = x + c.getDouble("w") <= d.getDouble("x") || d.getDouble("x") + d.getDouble("w") <= x
            || y + c.getDouble("h") <= d.getDouble("y") || d.getDouble("y") + d.getDouble("h") <= y;
        assertTrue(apart, id + " overlaps " + d.getString("id") + " at " + width + " px: " + c.encode() + " " + d.encode());
      }
    }
  }

  static void shot(Page page, String name) {
    page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/" + name + ".png")));
  }

  Page ownerPage(int width, int height) {
    Page page = openAs(TestAccess.ownerOf(board).account().signedIn(), width, height);
    assertThat(page.locator("#notifications-button")).hasCount(1);
    assertThat(page.locator("#session-button")).not().hasAttribute("hidden", "");
    return page;
  }

  @Test
  @DisplayName("[W11][W18] on a phone (390 x 844) the top bar keeps back, title, connection, people, comments, bell; "
      + "the rest is under \"More actions\", every control on screen, 40 px or more, none overlapping")
  void phoneTopBar() {
    Page page = ownerPage(390, 844);
    List<JsonObject> closed = controls(page);
    assertEquals(new TreeSet<>(PHONE_BAR), ids(closed, false), "in the bar");
    assertEquals(new TreeSet<>(PHONE_MENU), ids(closed, true), "in the menu");
    assertOnScreen(closed.stream().filter(c -> !c.getBoolean("menu")).toList(), 390, 844, TAP);
    assertTrue(closed.stream().filter(c -> c.getBoolean("menu")).noneMatch(PhoneLayoutBrowserTest::shown),
        "the closed menu shows nothing");
    Locator more = page.locator("#more-button");
    assertThat(more).hasAttribute("aria-label", "More actions");
    assertThat(more).hasAttribute("aria-controls", "more-menu");
    assertThat(page.locator("#more-menu")).hasAttribute("aria-labelledby", "more-button");
    shot(page, "phone-topbar-390");

    more.click();
    assertThat(more).hasAttribute("aria-expanded", "true");
    List<JsonObject> open = controls(page);
    assertTrue(open.stream().allMatch(PhoneLayoutBrowserTest::shown), "everything shows: " + open);
    assertOnScreen(open, 390, 844, TAP);
    // Each row says what it does: the icon-only buttons of the bar show their names in words.
    assertThat(page.locator("#more-menu")).containsText("Share");
    assertThat(page.locator("#more-menu")).containsText("Run session");
    assertThat(page.locator("#more-menu label:has(#language-select)")).containsText("Language");
    assertEquals("\"Outline (O)\"", page.evaluate(
        "getComputedStyle(document.getElementById('outline-button'), '::after').content"));
    for (String id : PHONE_MENU) {
      // nothing covers it: the control itself receives the tap
      page.locator("#" + id).click(new Locator.ClickOptions().setTrial(true).setTimeout(2000));
    }
    shot(page, "phone-topbar-390-open");
    highContrast(page, true);
    shot(page, "phone-topbar-390-open-contrast");
    highContrast(page, false);

    // A tap elsewhere closes it.
    page.mouse().click(200, 600);
    assertThat(page.locator("#more-menu")).isHidden();
    assertThat(more).hasAttribute("aria-expanded", "false");
  }

  @Test
  @DisplayName("[W16][W18] \"More actions\" by keyboard: Enter opens, Tab goes through it, Escape closes it and gives "
      + "the focus back; leaving it closes it; a dialog opened from it gives the focus back to its button")
  void menuByKeyboard() {
    Page page = ownerPage(390, 844);
    Locator more = page.locator("#more-button");
    Locator menu = page.locator("#more-menu");
    more.focus();
    page.keyboard().press("Enter");
    assertThat(menu).isVisible();
    assertThat(more).hasAttribute("aria-expanded", "true");
    assertThat(more).isFocused();
    page.keyboard().press("Tab");
    assertThat(page.locator("#outline-button")).isFocused();
    page.keyboard().press("Tab");
    assertThat(page.locator("#session-button")).isFocused();
    page.keyboard().press("Escape");
    assertThat(menu).isHidden();
    assertThat(more).hasAttribute("aria-expanded", "false");
    assertThat(more).isFocused();

    // Space opens it too; Escape from a select in it closes it as well.
    page.keyboard().press(" ");
    assertThat(menu).isVisible();
    page.locator("#language-select").focus();
    page.keyboard().press("Escape");
    assertThat(menu).isHidden();
    assertThat(more).isFocused();

    // Tabbing out of it (back to the bell) closes it.
    page.keyboard().press("Enter");
    assertThat(menu).isVisible();
    page.keyboard().press("Shift+Tab");
    assertThat(page.locator("#notifications-button")).isFocused();
    assertThat(menu).isHidden();
    assertThat(more).hasAttribute("aria-expanded", "false");

    // Share from the menu: the menu closes, the dialog opens; closed, the focus is back on "More actions".
    more.focus();
    page.keyboard().press("Enter");
    page.locator("#share-button").focus();
    page.keyboard().press("Enter");
    assertThat(page.locator("#share-dialog")).isVisible();
    assertThat(menu).isHidden();
    page.keyboard().press("Escape");
    assertThat(page.locator("#share-dialog")).isHidden();
    assertThat(more).isFocused();

    // The outline too (a panel, not a dialog).
    page.keyboard().press("Enter");
    page.locator("#outline-button").focus();
    page.keyboard().press("Enter");
    assertThat(page.locator("#outline-panel")).isVisible();
    assertThat(menu).isHidden();
    page.keyboard().press("Escape");
    assertThat(page.locator("#outline-panel")).isHidden();
    assertThat(more).isFocused();
  }

  @Test
  @DisplayName("[W15][W18] on a phone the language switch in \"More actions\" switches the board to Deutsch")
  void languageFromTheMenu() {
    Page page = ownerPage(390, 844);
    page.locator("#more-button").click();
    Locator select = page.locator("#language-select");
    assertThat(select).isVisible();
    settled(page);
    page.waitForNavigation(() -> select.selectOption("de"));
    assertThat(page.locator("html")).hasAttribute("lang", "de");
    assertConnected(page);
    assertThat(page.locator("#more-button")).hasAttribute("aria-label", "Weitere Aktionen");
    assertThat(page.locator("#more-menu #language-select")).hasValue("de");
    page.locator("#more-button").click();
    assertThat(page.locator("#more-menu label:has(#language-select)")).containsText("Sprache");
    assertOnScreen(controls(page), 390, 844, TAP);
    assertTrue(leaveWarnings.isEmpty(), "no leave warning when the language changes: " + leaveWarnings);
    shot(page, "phone-topbar-390-open-de");
  }

  @Test
  @DisplayName("[W18] wide windows keep every control in the bar, in its place; narrowed to a phone and widened "
      + "again, the controls go into the menu and come back in the same order")
  void wideWindows() {
    Page page = ownerPage(1440, 900);
    String order = "[...document.querySelector('.topbar').children].map((e) => e.id || e.className).join(' ')";
    Object before = page.evaluate(order);
    for (int[] size : new int[][] {{1440, 900}, {1280, 800}, {1025, 768}}) {
      page.setViewportSize(size[0], size[1]);
      assertThat(page.locator("#more-button")).isHidden();
      List<JsonObject> all = controls(page);
      assertTrue(ids(all, true).isEmpty(), "nothing in the menu at " + size[0] + ": " + all);
      assertTrue(all.stream().allMatch(PhoneLayoutBrowserTest::shown), "everything shows at " + size[0] + ": " + all);
      // a pointer's target size (WCAG 2.5.8) on a wide screen
      assertOnScreen(all, size[0], size[1], 24);
      assertTrue(page.locator("#board-title").boundingBox().width >= 120, "the title keeps some room");
    }
    shot(page, "topbar-1025");
    // Tablets: the menu holds the rest.
    page.setViewportSize(1024, 768);
    assertThat(page.locator("#more-button")).isVisible();
    assertEquals(new TreeSet<>(PHONE_MENU), ids(controls(page), true));
    page.setViewportSize(390, 844);
    assertEquals(new TreeSet<>(PHONE_MENU), ids(controls(page), true));
    page.setViewportSize(1440, 900);
    assertThat(page.locator("#more-button")).isHidden();
    assertEquals(before, page.evaluate(order), "every control back in its place");
    assertThat(page.locator("#sign-out")).isVisible();
    shot(page, "topbar-1440");
  }

  @Test
  @DisplayName("[W16][W18] axe on a phone, in English and in French, with \"More actions\" closed and open: "
      + "no critical or serious violation")
  void axeOnAPhone() {
    List<String> found = new ArrayList<>();
    for (String lang : new String[] {"en", "fr"}) {
      BrowserContext context = browsers.browser().newContext(new Browser.NewContextOptions()
          .setViewportSize(390, 844).setBypassCSP(true)); // axe is injected as a script tag
      contexts.add(context);
      context.addInitScript("localStorage.setItem('crossboard.lang', " + Json.encode(lang) + ");"
          + "localStorage.setItem('crossboard.auth', " + Json.encode(TestAccess.ownerOf(board).account().signedIn().encode()) + ");");
      Page page = context.newPage();
      watch(page);
      page.navigate(server.baseUrl() + "/board.html?board=" + board);
      assertConnected(page);
      assertThat(page.locator("#notifications-button")).hasCount(1);
      Axe.check(page, lang + " phone board", found);
      page.locator("#more-button").click();
      assertThat(page.locator("#more-menu")).isVisible();
      Axe.check(page, lang + " phone board: more actions", found);
    }
    Axe.assertNone(found);
  }

  @Test
  @DisplayName("[W16] the system's preferences: reduced motion stops animations and transitions, more contrast "
      + "turns the high-contrast theme on (the toggle can still turn it off), forced colours draw borders")
  void systemPreferences() {
    Page page = ownerPage(390, 844);
    String dot = "getComputedStyle(document.querySelector('#connection-status .status-dot'))";
    String button = "getComputedStyle(document.getElementById('share-button'))";
    // The dot pulses while (re)connecting; shown that way here without dropping the connection.
    page.evaluate("document.getElementById('connection-status').dataset.state = 'reconnecting'");
    page.emulateMedia(new Page.EmulateMediaOptions().setReducedMotion(ReducedMotion.NO_PREFERENCE));
    assertEquals("pulse", page.evaluate(dot + ".animationName"));
    assertTrue(seconds(page.evaluate(button + ".transitionDuration")) > 0.05, "buttons fade on hover");
    page.emulateMedia(new Page.EmulateMediaOptions().setReducedMotion(ReducedMotion.REDUCE));
    // css/a11y.css: every animation runs once, in a hundredth of a millisecond — so it does not pulse
    assertEquals("1", page.evaluate(dot + ".animationIterationCount"));
    assertTrue(seconds(page.evaluate(dot + ".animationDuration")) < 0.001, "no pulse");
    assertTrue(seconds(page.evaluate(button + ".transitionDuration")) < 0.001, "no transition");
    page.evaluate("document.getElementById('connection-status').dataset.state = 'connected'");

    // More contrast: the theme's colours without a choice stored (theme.js, css/a11y.css).
    String ink = "getComputedStyle(document.documentElement).getPropertyValue('--ink').trim().toUpperCase()";
    Locator toggle = page.locator("#contrast-toggle");
    assertEquals("#1B1F24", page.evaluate(ink));
    assertThat(toggle).hasAttribute("aria-pressed", "false");
    page.emulateMedia(new Page.EmulateMediaOptions().setContrast(Contrast.MORE));
    assertEquals("#000000", page.evaluate(ink));
    assertThat(toggle).hasAttribute("aria-pressed", "true");
    assertNull(page.locator("html").getAttribute("data-contrast"), "the system's, not a stored choice");
    assertThat(page.locator("html")).hasAttribute("data-high-contrast", "");
    assertEquals("solid", page.evaluate("getComputedStyle(document.querySelector('#tool-note')).borderTopStyle"),
        "the theme's rules beyond the palette follow the system too");
    page.locator("#more-button").click();
    shot(page, "phone-topbar-390-prefers-contrast");
    page.keyboard().press("Escape");
    toggle.click();
    assertThat(page.locator("html")).hasAttribute("data-contrast", "normal");
    assertThat(toggle).hasAttribute("aria-pressed", "false");
    assertEquals("#1B1F24", page.evaluate(ink));
    assertEquals(false, page.evaluate("document.documentElement.hasAttribute('data-high-contrast')"));

    // Forced colours: shadows are gone, so the floating panels get borders, the menu included.
    page.emulateMedia(new Page.EmulateMediaOptions().setContrast(Contrast.NO_PREFERENCE).setForcedColors(ForcedColors.ACTIVE));
    page.locator("#more-button").click();
    for (String selector : new String[] {".toolbar", "#more-menu"}) {
      assertEquals("solid", page.evaluate("getComputedStyle(document.querySelector('" + selector + "')).borderTopStyle"),
          selector + " has a border");
    }
    shot(page, "phone-topbar-390-forced-colors");
  }

  /** The longest of a computed list of durations ("0.12s, 1e-05s"), in seconds. */
  static double seconds(Object durations) {
    double max = 0;
    for (String part : durations.toString().split(",")) {
      String s = part.trim();
      max = Math.max(max, s.endsWith("ms") ? Double.parseDouble(s.substring(0, s.length() - 2)) / 1000
          : Double.parseDouble(s.substring(0, s.length() - 1)));
    }
    return max;
  }
}
