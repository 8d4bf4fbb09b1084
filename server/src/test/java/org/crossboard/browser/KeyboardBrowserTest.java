package org.crossboard.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.crossboard.testing.TestAccess;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The board with the keyboard only (no mouse event at all), and the outline against the canvas. */
class KeyboardBrowserTest extends BrowserTestBase {

  static String focusedRecord(Page page) {
    return (String) page.evaluate("document.activeElement?.closest('[data-record-id]')?.dataset.recordId ?? null");
  }

  static String focusedId(Page page) {
    return (String) page.evaluate("document.activeElement?.id ?? ''");
  }

  static List<JsonObject> ofType(Page page, String type) {
    List<JsonObject> out = new ArrayList<>();
    for (Object o : new JsonArray(page.evaluate("JSON.stringify(window.crossboard.getRecords())").toString())) {
      if (type.equals(((JsonObject) o).getString("type"))) {
        out.add((JsonObject) o);
      }
    }
    return out;
  }

  /** The outline's rows (labels), opened with O and closed with Escape; focus goes back to the outline button. */
  static List<String> outline(Page page) {
    page.keyboard().press("o");
    Locator rows = page.locator("#outline-panel [role=treeitem]");
    assertThat(rows.first()).isVisible();
    List<String> labels = rows.allTextContents();
    page.keyboard().press("Escape");
    assertThat(page.locator("#outline-panel")).isHidden();
    return labels;
  }

  /** Every boxed record and connector of the canvas is a row of the outline, and nothing else is. */
  static void outlineMatchesCanvas(Page page) {
    page.keyboard().press("o");
    Locator panel = page.locator("#outline-panel");
    assertThat(panel.locator("[role=treeitem]").first()).isVisible();
    String rows = (String) panel.locator("[role=treeitem][data-kind=note], [role=treeitem][data-kind=connector]")
        .evaluateAll("els => els.map(e => e.dataset.key).sort().join(',')");
    String canvas = (String) page.locator("#world [data-record-id][data-type=note], #connector-layer g.connector")
        .evaluateAll("els => els.map(e => e.dataset.recordId).sort().join(',')");
    assertTrue(!canvas.isEmpty());
    assertEquals(canvas, rows, "the outline lists what the canvas shows");
    page.keyboard().press("Escape");
  }

  @Test
  @DisplayName("[W16] keyboard only: create two notes, connect them, delete one, undo; focus is kept; the outline lists the canvas")
  void keyboardOnly() {
    Page page = openAs(TestAccess.ownerOf(board).account().signedIn(), 1440, 900);
    // Tab to the canvas.
    for (int i = 0; i < 40 && !"viewport".equals(focusedId(page)); i++) {
      page.keyboard().press("Tab");
    }
    assertEquals("viewport", focusedId(page), "Tab reaches the canvas");

    // Two notes at the middle of the view (N, Enter, type, Escape), the view panned between them.
    page.keyboard().press("n");
    page.keyboard().press("Enter");
    assertThat(page.locator(".record-editor")).isVisible();
    page.keyboard().type("First idea");
    page.keyboard().press("Escape");
    assertThat(page.locator(".record-editor")).hasCount(0);
    String first = ofType(page, "note").get(0).getString("id");
    assertEquals(first, focusedRecord(page), "the new note has the focus after editing");
    page.keyboard().press("Escape"); // nothing selected: the arrows pan
    page.keyboard().press("Shift+ArrowRight");
    page.keyboard().press("Shift+ArrowRight");
    page.keyboard().press("n");
    page.keyboard().press("Enter");
    assertThat(page.locator(".record-editor")).isVisible();
    page.keyboard().type("Second idea");
    page.keyboard().press("Escape");
    assertThat(page.locator("[data-type=note]")).hasCount(2);
    String second = ofType(page, "note").stream().map(r -> r.getString("id")).filter(id -> !id.equals(first)).findFirst().orElseThrow();
    assertEquals(second, focusedRecord(page));

    // Tab order is reading order: Shift+Tab goes back to the first (left) note, Tab forward to the second.
    page.keyboard().press("Shift+Tab");
    assertEquals(first, focusedRecord(page));
    page.keyboard().press("Tab");
    assertEquals(second, focusedRecord(page));
    page.keyboard().press("Shift+Tab");

    // Connect: K on the first note, Tab to the second, Enter.
    page.keyboard().press("k");
    assertThat(page.locator("#announcer")).containsText("First idea");
    page.keyboard().press("Tab");
    assertEquals(second, focusedRecord(page));
    page.keyboard().press("Enter");
    assertThat(page.locator("g.connector")).hasCount(1);
    JsonObject connector = ofType(page, "connector").get(0);
    assertEquals(first, connector.getString("from"));
    assertEquals(second, connector.getString("to"));
    assertThat(page.locator("#announcer")).containsText("First idea → Second idea");
    List<String> labels = outline(page);
    assertTrue(labels.stream().anyMatch(l -> l.contains("First idea → Second idea")), "outline: " + labels);
    assertTrue(labels.stream().anyMatch(l -> l.contains("First idea") && !l.contains("→")), "outline: " + labels);
    outlineMatchesCanvas(page);
    page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/keyboard-connected.png")));

    // Delete the first note from the outline (O, Home, Down to it, Enter puts the focus on it, Delete).
    page.keyboard().press("o");
    Locator row = page.locator("#outline-panel [role=treeitem][data-key='" + first + "']");
    assertThat(row).isVisible();
    page.keyboard().press("Home");
    for (int i = 0; i < 10 && !first.equals(page.evaluate("document.activeElement?.dataset?.key ?? ''")); i++) {
      page.keyboard().press("ArrowDown");
    }
    assertThat(row).isFocused();
    page.keyboard().press("Enter");
    assertEquals(first, focusedRecord(page), "Enter in the outline focuses the record on the canvas");
    page.keyboard().press("Delete");
    assertThat(page.locator("[data-type=note]")).hasCount(1);
    assertThat(page.locator("g.connector")).hasCount(0);
    assertEquals(second, focusedRecord(page), "after Delete the focus is on the next record in reading order");

    // Undo: the note and its connector are back, and the restored note has the focus.
    page.keyboard().press("Control+z");
    assertThat(page.locator("[data-type=note]")).hasCount(2);
    assertThat(page.locator("g.connector")).hasCount(1);
    assertEquals(first, focusedRecord(page), "after undo the focus is on the restored record");
    assertThat(page.locator("#announcer")).containsText("First idea");

    // A connector from the outline: End goes to its row (the last), Delete removes it, the focus stays in the outline.
    page.keyboard().press("o");
    page.keyboard().press("End");
    assertThat(page.locator("#outline-panel [role=treeitem][data-kind=connector]")).isFocused();
    page.keyboard().press("Delete");
    assertThat(page.locator("g.connector")).hasCount(0);
    page.waitForCondition(() -> (Boolean) page.evaluate("!!document.activeElement.closest('#outline-panel [role=treeitem]')"));
    page.keyboard().press("Control+z");
    assertThat(page.locator("g.connector")).hasCount(1);
    page.keyboard().press("Escape");

    // Connecting with the outline: K on the second note, O, Home (the first note's row), Enter.
    page.keyboard().press("o");
    page.keyboard().press("Home");
    page.keyboard().press("ArrowDown");
    page.keyboard().press("Enter");
    assertEquals(second, focusedRecord(page));
    page.keyboard().press("k");
    page.keyboard().press("o");
    page.keyboard().press("Home");
    assertThat(page.locator("#outline-panel [role=treeitem][data-key='" + first + "']")).isFocused();
    page.keyboard().press("Enter");
    assertThat(page.locator("g.connector")).hasCount(2);
    assertTrue(ofType(page, "connector").stream().anyMatch(c -> second.equals(c.getString("from")) && first.equals(c.getString("to"))));
    assertThat(page.locator("#announcer")).containsText("Second idea → First idea");
    settled(page);
    outlineMatchesCanvas(page);
    // Screenshots: the outline and the high-contrast theme, wide and on a phone.
    page.keyboard().press("o");
    assertThat(page.locator("#outline-panel")).isVisible();
    page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/outline-1440.png")));
    highContrast(page, true);
    page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/contrast-1440.png")));
    page.setViewportSize(390, 844);
    page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/contrast-outline-390.png")));
    highContrast(page, false);
    page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/outline-390.png")));
  }

  @Test
  @DisplayName("[W16] other people's changes are said politely, summarised, at most one message every 2 s")
  void othersChangesAreAnnounced() {
    Page ana = openAs(TestAccess.ownerOf(board).account().signedIn(), 1280, 800);
    Page bo = open("Bo");
    ana.waitForCondition(() -> ((Number) ana.evaluate("window.crossboard.presence.peers().length")).intValue() > 0);
    String note = createNote(bo, 500, 400);
    Locator region = ana.locator("#announcer");
    assertThat(region).hasAttribute("aria-live", "polite");
    assertThat(region).containsText("Bo added a note");
    long said = System.currentTimeMillis();
    editText(bo, note, "Fewer meetings");
    assertThat(region).containsText("Bo edited a note", new com.microsoft.playwright.assertions.LocatorAssertions
        .ContainsTextOptions().setTimeout(8000));
    assertTrue(System.currentTimeMillis() - said >= 1900, "throttled: the second message waits for the first's 2 s");
    // The outline, open on Ana's page, follows Bo's edits live.
    ana.locator("#viewport").focus();
    ana.keyboard().press("o");
    assertThat(ana.locator("#outline-panel [role=treeitem][data-key='" + note + "']")).containsText("Fewer meetings");
    bo.keyboard().press("Escape");
    bo.locator("[data-record-id='" + note + "']").click();
    bo.keyboard().press("Delete");
    assertThat(ana.locator("#outline-panel [role=treeitem][data-key='" + note + "']")).hasCount(0);
    assertThat(region).containsText("Bo deleted a note", new com.microsoft.playwright.assertions.LocatorAssertions
        .ContainsTextOptions().setTimeout(8000));
  }
}
