package org.crossboard.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Mouse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.crossboard.testing.Rest;
import org.crossboard.testing.TestAccess;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The basics people expect of a board, in real Chromium pages on a real server (SPEC.md W9–W12). */
class BoardBasicsBrowserTest extends BrowserTestBase {

  static JsonArray records(Page page) {
    return new JsonArray(page.evaluate("JSON.stringify(window.crossboard.getRecords())").toString());
  }

  static List<JsonObject> ofType(Page page, String type) {
    return records(page).stream().map(r -> (JsonObject) r).filter(r -> type.equals(r.getString("type")))
        .collect(Collectors.toList());
  }

  static void drag(Page page, double x1, double y1, double x2, double y2) {
    page.mouse().move(x1, y1);
    page.mouse().down();
    page.mouse().move(x2, y2, new Mouse.MoveOptions().setSteps(10));
    page.mouse().up();
  }

  static BoundingBox boxOf(Locator locator) {
    BoundingBox box = locator.boundingBox();
    assertTrue(box != null, "no box: " + locator);
    return box;
  }

  @Test
  @DisplayName("[W9] copy in one board, paste in another: new ids, the connector between the copies follows them")
  void copyPasteBetweenBoards() {
    TestAccess.Owner owner = TestAccess.ownerOf(board);
    String second = Rest.createBoard(server.baseUrl(), "Second board");
    Page first = openAs(owner.account().signedIn());
    String a = createNote(first, 400, 300);
    editText(first, a, "Shared service catalogue");
    String b = createNote(first, 700, 300);
    editText(first, b, "Single digital gateway");
    String outside = createNote(first, 550, 600);
    // a connector between the two, and one to a note that is not copied
    for (String[] ends : new String[][] {{a, b}, {b, outside}}) {
      first.locator("#tool-connector").click();
      drag(first, centre(first, ends[0])[0], centre(first, ends[0])[1], centre(first, ends[1])[0], centre(first, ends[1])[1]);
    }
    assertThat(first.locator("g.connector")).hasCount(2);
    settled(first);
    first.locator("[data-record-id='" + a + "']").click();
    first.locator("[data-record-id='" + b + "']").click(new Locator.ClickOptions().setModifiers(
        List.of(com.microsoft.playwright.options.KeyboardModifier.SHIFT)));
    assertEquals(2, ((Number) first.evaluate("window.crossboard.selection.size")).intValue());
    first.keyboard().press("Control+c");

    Page target = first.context().newPage();
    watch(target);
    target.navigate(server.baseUrl() + "/board.html?board=" + second);
    assertConnected(target);
    target.mouse().move(640, 400);
    target.keyboard().press("Control+v");
    target.waitForCondition(() -> ofType(target, "note").size() == 2 && ofType(target, "connector").size() == 1);
    settled(target);
    Set<String> pastedNotes = ofType(target, "note").stream().map(r -> r.getString("id")).collect(Collectors.toSet());
    assertFalse(pastedNotes.contains(a) || pastedNotes.contains(b), "pasted records get new ids");
    assertEquals(Set.of("Shared service catalogue", "Single digital gateway"),
        ofType(target, "note").stream().map(r -> r.getString("text")).collect(Collectors.toSet()));
    JsonObject connector = ofType(target, "connector").get(0);
    assertEquals(pastedNotes, Set.of(connector.getString("from"), connector.getString("to")),
        "the connector joins the pasted copies");
    // what the page shows is what the server stored
    JsonArray stored = Rest.export(server.baseUrl(), second).getJsonArray("records");
    assertEquals(3, stored.stream().filter(r -> !"board".equals(((JsonObject) r).getString("type"))).count());
    assertThat(target.locator(".record[data-type=note]")).hasCount(2);
    assertEquals(3, ((Number) target.evaluate("window.crossboard.selection.size")).intValue(), "the pasted records are selected");

    // Ctrl+D duplicates in place, a little offset
    target.keyboard().press("Control+d");
    target.waitForCondition(() -> ofType(target, "note").size() == 4 && ofType(target, "connector").size() == 2);
    assertEquals(3, ofType(first, "note").size(), "the first board is unchanged");
  }

  @Test
  @DisplayName("[W10] a multi-selection gets one box with handles; dragging a handle scales the whole selection")
  void multiSelectionResizedByBox() {
    Page page = open("Ana");
    String a = createNote(page, 400, 300);
    String b = createNote(page, 700, 450);
    settled(page);
    JsonObject ra = record(page, a);
    JsonObject rb = record(page, b);
    page.locator("[data-record-id='" + a + "']").click();
    page.locator("[data-record-id='" + b + "']").click(new Locator.ClickOptions().setModifiers(
        List.of(com.microsoft.playwright.options.KeyboardModifier.SHIFT)));
    Locator box = page.locator(".selection-box");
    assertThat(box).isVisible();
    assertThat(box.locator(".handle")).hasCount(8);
    assertThat(page.locator(".selection-outline:not(.selection-box) .handle")).hasCount(0);

    double zoom = ((Number) page.evaluate("window.crossboard.viewport.zoom")).doubleValue();
    double left = Math.min(ra.getDouble("x"), rb.getDouble("x"));
    double top = Math.min(ra.getDouble("y"), rb.getDouble("y"));
    double width = Math.max(ra.getDouble("x") + ra.getDouble("w"), rb.getDouble("x") + rb.getDouble("w")) - left;
    double height = Math.max(ra.getDouble("y") + ra.getDouble("h"), rb.getDouble("y") + rb.getDouble("h")) - top;
    BoundingBox handle = boxOf(box.locator(".handle-se"));
    drag(page, handle.x + handle.width / 2, handle.y + handle.height / 2,
        handle.x + handle.width / 2 + width * zoom * 0.5, handle.y + handle.height / 2 + height * zoom * 0.5);
    settled(page);
    // 1.5 times as large, the top-left corner fixed
    for (JsonObject before : List.of(ra, rb)) {
      JsonObject after = record(page, before.getString("id"));
      assertEquals(before.getDouble("w") * 1.5, after.getDouble("w"), 2.0);
      assertEquals(before.getDouble("h") * 1.5, after.getDouble("h"), 2.0);
      assertEquals(left + (before.getDouble("x") - left) * 1.5, after.getDouble("x"), 2.0);
      assertEquals(top + (before.getDouble("y") - top) * 1.5, after.getDouble("y"), 2.0);
    }
    // one undo step puts both back
    page.keyboard().press("Control+z");
    settled(page);
    assertEquals(ra.getDouble("w"), record(page, a).getDouble("w"));
    assertEquals(rb.getDouble("x"), record(page, b).getDouble("x"));
  }

  @Test
  @DisplayName("[W11] on a phone (390 x 844) every selection-bar button is on screen and usable, Delete included")
  void phoneSelectionBar() {
    Page page = openAs(TestAccess.ownerOf(board).account().signedIn(), 390, 844);
    page.evaluate("() => { const v = window.crossboard.viewport; v.fit({x: 0, y: 0, w: 300, h: 300}); }");
    // a note, a shape and a text box: every group of the bar shows
    page.evaluate("""
        () => {
          const { actions, selection } = window.crossboard;
          const ids = [actions.create('note', 60, 80), actions.create('shape', 200, 150, { shape: 'ellipse' }),
            actions.create('text', 120, 260, { text: 'Hello' })];
          selection.set(ids);
        }""");
    Locator bar = page.locator("#context-bar");
    assertThat(bar).isVisible();
    Locator buttons = bar.locator("button:visible");
    int count = buttons.count();
    assertTrue(count >= 15, "swatches, shapes, font size, lock, front and delete: " + count);
    for (int i = 0; i < count; i++) {
      Locator button = buttons.nth(i);
      BoundingBox box = boxOf(button);
      assertTrue(box.x >= 0 && box.y >= 0 && box.x + box.width <= 390 && box.y + box.height <= 844,
          "on screen: " + button.getAttribute("aria-label") + " " + box.x + "," + box.y + " " + box.width + "x" + box.height);
      assertTrue(box.width >= 24 && box.height >= 24, "big enough to tap: " + button.getAttribute("aria-label"));
      // the button itself receives the tap (nothing covers it)
      button.click(new Locator.ClickOptions().setTrial(true).setTimeout(2000));
    }
    page.locator("#delete-selection").click();
    page.waitForCondition(() -> records(page).size() == 1);
    assertThat(bar).isHidden();
    assertEquals("viewport", page.evaluate("document.activeElement.id"), "focus stays on the canvas");
    assertThat(page.locator("#announcer")).hasText(java.util.regex.Pattern.compile("3"));
  }

  @Test
  @DisplayName("[W11] a big board opens on a phone at a readable zoom on its content, not zoomed out to fit it all")
  void phoneOpensReadable() {
    JsonObject owner = TestAccess.ownerOf(board).account().signedIn();
    Page filler = openAs(owner);
    filler.evaluate("""
        () => {
          const { actions } = window.crossboard;
          for (let i = 0; i < 60; i++) actions.create('note', (i % 10) * 600, Math.floor(i / 10) * 500, { text: 'Idea ' + i });
        }""");
    settled(filler);
    Page phone = openAs(owner, 390, 844);
    phone.waitForCondition(() -> ((Number) phone.evaluate("document.querySelectorAll('.record[data-type=note]').length")).intValue() > 0);
    double zoom = ((Number) phone.evaluate("window.crossboard.viewport.zoom")).doubleValue();
    assertTrue(zoom >= 0.49, "readable zoom, was " + zoom);
    Object visible = phone.evaluate("""
        () => [...document.querySelectorAll('.record[data-type=note]')].filter((el) => {
          const r = el.getBoundingClientRect();
          return r.right > 0 && r.bottom > 0 && r.left < innerWidth && r.top < innerHeight;
        }).length""");
    assertTrue(((Number) visible).intValue() >= 1, "content in view");
  }

  static double[] centre(Page page, String id) {
    BoundingBox box = boxOf(page.locator("[data-record-id='" + id + "']"));
    return new double[] {box.x + box.width / 2, box.y + box.height / 2};
  }
}
