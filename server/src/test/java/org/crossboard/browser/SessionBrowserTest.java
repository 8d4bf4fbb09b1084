package org.crossboard.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.crossboard.testing.TestAccess;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A live facilitated session in three real pages (docs/SESSIONS.md): the board's owner runs it
 * from the session panel, two guests take part through the session strip.
 */
class SessionBrowserTest extends BrowserTestBase {

  static Locator panel(Page page) {
    return page.locator("#session-panel");
  }

  static void press(Page page, String name) {
    panel(page).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(name).setExact(true)).click();
  }

  /** What is left of the session's timer on this page's idea of the server clock, in ms. */
  static double remaining(Page page) {
    return ((Number) page.evaluate("(() => { const c = window.crossboard.session.client; const t = c.myTimer();"
        + " return t && t.endsAt ? t.endsAt - c.serverNow() : -1; })()")).doubleValue();
  }

  static int clockSeconds(Page page) {
    String text = page.locator("#session-bar .session-clock").textContent().trim();
    String[] parts = text.split(":");
    return Integer.parseInt(parts[0]) * 60 + Integer.parseInt(parts[1]);
  }

  static JsonObject view(Page page) {
    return new JsonObject(page.evaluate("JSON.stringify({ ...window.crossboard.viewport.centerWorld(),"
        + " zoom: window.crossboard.viewport.zoom })").toString());
  }

  static boolean hasRecord(Page page, String id) {
    return (Boolean) page.evaluate("id => window.crossboard.getRecords().some(r => r.id === id)", id);
  }

  static void shot(Page page, String name) {
    page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/" + name + ".png")));
  }

  @Test
  @DisplayName("a facilitated session: one timer for all, private notes revealed, a dot vote ranked for all, a summon")
  void liveSession() {
    Page facilitator = openAs(TestAccess.ownerOf(board).account().signedIn());
    Page ana = open("Ana", "RIA", "EE");
    Page bruno = open("Bruno", "BSI", "DE");
    List<Page> everyone = List.of(facilitator, ana, bruno);
    String coffee = createNote(facilitator, 420, 320);
    editText(facilitator, coffee, "More coffee");
    String meetings = createNote(facilitator, 700, 320);
    editText(facilitator, meetings, "Shorter meetings");

    // Create and start a session from the panel.
    assertThat(ana.locator("#session-button")).isHidden();
    facilitator.locator("#session-button").click();
    assertThat(panel(facilitator)).isVisible();
    panel(facilitator).getByLabel("Title", new Locator.GetByLabelOptions().setExact(true)).fill("Retro");
    panel(facilitator).getByLabel("Phase", new Locator.GetByLabelOptions().setExact(true)).fill("Ideas");
    press(facilitator, "Create session");
    for (Page page : List.of(ana, bruno)) {
      assertThat(page.locator("#session-bar .session-title")).hasText("Retro");
      assertThat(page.locator("#session-bar")).hasAttribute("data-state", "scheduled");
    }
    press(facilitator, "Start session");
    for (Page page : everyone) {
      assertThat(page.locator("#session-bar")).hasAttribute("data-state", "live");
      assertThat(page.locator("#session-bar .session-phase")).containsText("Ideas");
    }

    // The timer: the same countdown on all three pages, on the server's clock.
    panel(facilitator).getByRole(AriaRole.SPINBUTTON, new Locator.GetByRoleOptions().setName("Minutes")).fill("5");
    press(facilitator, "Start");
    for (Page page : everyone) {
      assertThat(page.locator("#session-bar .session-clock")).hasText(Pattern.compile("^(5:00|4:[0-5]\\d)$"));
    }
    double first = remaining(facilitator);
    for (Page page : List.of(ana, bruno)) {
      double other = remaining(page);
      assertTrue(Math.abs(other - first) < 1500, "timers agree within 1.5 s: " + first + " vs " + other);
      assertTrue(Math.abs(clockSeconds(page) - clockSeconds(facilitator)) <= 1, "the clocks show the same second");
    }
    int before = clockSeconds(ana);
    ana.waitForCondition(() -> clockSeconds(ana) < before);
    shot(ana, "session-participant-timer");

    // Private mode: Ana's note is hers alone (and the facilitator's) until the reveal.
    press(facilitator, "Turn private mode on");
    for (Page page : List.of(ana, bruno)) {
      assertThat(page.locator("#session-bar .session-private")).isVisible();
    }
    String secret = createNote(ana, 520, 560);
    editText(ana, secret, "My secret idea");
    facilitator.waitForCondition(() -> hasRecord(facilitator, secret));
    bruno.waitForTimeout(500);
    assertTrue(!hasRecord(bruno, secret), "Bruno does not get Ana's private note");
    assertThat(bruno.locator("[data-record-id='" + secret + "']")).hasCount(0);
    shot(bruno, "session-private-mode");
    press(facilitator, "Turn off and reveal");
    assertThat(bruno.locator("[data-record-id='" + secret + "']")).containsText("My secret idea");
    assertThat(bruno.locator("#session-bar .session-private")).isHidden();

    // A dot vote on two notes: clicks cast dots, Shift-click takes one back, the ranking goes to all.
    facilitator.locator("[data-record-id='" + coffee + "']").click();
    facilitator.locator("[data-record-id='" + meetings + "']").click(new Locator.ClickOptions()
        .setModifiers(List.of(com.microsoft.playwright.options.KeyboardModifier.SHIFT)));
    press(facilitator, "Vote on selection");
    for (Page page : List.of(ana, bruno)) {
      assertThat(page.locator("#session-bar .session-vote")).containsText("3");
    }
    Locator anaCoffee = ana.locator("[data-record-id='" + coffee + "']");
    anaCoffee.click();
    assertThat(ana.locator("#session-bar .session-vote")).containsText("2");
    anaCoffee.click();
    assertThat(ana.locator("#session-bar .session-vote")).containsText("1");
    ana.locator("[data-record-id='" + meetings + "']").click();
    assertThat(ana.locator("#session-bar .session-vote")).containsText("0");
    ana.locator("[data-record-id='" + meetings + "']").click(new Locator.ClickOptions()
        .setModifiers(List.of(com.microsoft.playwright.options.KeyboardModifier.SHIFT)));
    assertThat(ana.locator("#session-bar .session-vote")).containsText("1");
    bruno.locator("[data-record-id='" + coffee + "']").click();
    assertThat(bruno.locator("#session-bar .session-vote")).containsText("2");
    assertThat(ana.locator("[data-vote-record='" + coffee + "'] .vote-mine")).hasText("●●");
    shot(ana, "session-vote-open");
    facilitator.waitForCondition(() -> facilitator.locator("#session-panel .sp-status").textContent().contains("5"));
    press(facilitator, "Close vote");
    for (Page page : everyone) {
      Locator ranking = page.locator(".session-results .session-ranking li");
      assertThat(ranking).hasCount(1);
      assertThat(ranking.first()).containsText("More coffee");
      assertThat(ranking.first()).containsText("3");
      assertThat(page.locator("[data-vote-record='" + coffee + "'] .vote-count")).hasText("3");
    }
    shot(bruno, "session-vote-ranking");
    for (Page page : List.of(ana, bruno)) {
      page.locator(".session-results").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Close")).click();
    }

    // Summon: the participants' views go where the facilitator's is.
    facilitator.evaluate("window.crossboard.viewport.panBy(-900, -500); window.crossboard.viewport.zoomBy(0.5)");
    JsonObject there = view(facilitator);
    press(facilitator, "Summon everyone to my view");
    for (Page page : List.of(ana, bruno)) {
      page.waitForCondition(() -> {
        JsonObject mine = view(page);
        return Math.abs(mine.getDouble("x") - there.getDouble("x")) < 2 && Math.abs(mine.getDouble("y") - there.getDouble("y")) < 2
            && Math.abs(mine.getDouble("zoom") - there.getDouble("zoom")) < 0.001;
      });
    }
    assertEquals(there.getDouble("zoom"), view(ana).getDouble("zoom"), 0.001);
    shot(facilitator, "session-facilitator-panel");
  }
}
