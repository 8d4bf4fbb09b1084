package org.crossboard.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import org.crossboard.testing.Rest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Two real browser pages on one board, through the real server (SPEC.md W1–W4). */
class BoardBrowserTest extends BrowserTestBase {

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
