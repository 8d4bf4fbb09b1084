package org.crossboard.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Presence in two real pages: named cursors, selection highlights, following (SPEC.md S1–S3). */
class PresenceBrowserTest extends BrowserTestBase {

  static String clientId(Page page) {
    return page.evaluate("window.crossboard.sync.clientId").toString();
  }

  static JsonObject peer(Page page, String clientId) {
    Object json = page.evaluate("id => JSON.stringify(window.crossboard.presence.peers().find(p => p.clientId === id) || null)",
        clientId);
    return json == null || "null".equals(json.toString()) ? null : new JsonObject(json.toString());
  }

  static JsonObject worldRect(Page page) {
    return new JsonObject(page.evaluate("JSON.stringify(window.crossboard.viewport.worldRect())").toString());
  }

  @Test
  @DisplayName("[S1] each page sees the other's named cursor move and selection highlight")
  void cursorsAndSelections() {
    Page ana = open("Ana", "RIA", "EE");
    Page bruno = open("Bruno");
    String anaId = clientId(ana);

    ana.mouse().move(400, 300);
    assertThat(bruno.locator("[data-cursor-for='" + anaId + "'] .cursor-name")).hasText("Ana · EE");
    ana.mouse().move(700, 500, new com.microsoft.playwright.Mouse.MoveOptions().setSteps(5));
    JsonObject cursor = new JsonObject(ana.evaluate("JSON.stringify(window.crossboard.presence.local().cursor)").toString());
    bruno.waitForCondition(() -> peer(bruno, anaId) != null && cursor.equals(peer(bruno, anaId).getJsonObject("cursor")));
    bruno.waitForCondition(() -> {
      BoundingBox box = bruno.locator("[data-cursor-for='" + anaId + "']").boundingBox();
      return box != null && Math.abs(box.x - 700) < 3 && Math.abs(box.y - 500) < 3;
    });

    String id = createNote(ana, 420, 300);
    ana.locator("[data-record-id='" + id + "']").click();
    assertThat(bruno.locator("[data-peer-selection='" + anaId + "'][data-record='" + id + "']")).hasCount(1);
    ana.keyboard().press("Enter");
    assertThat(bruno.locator("[data-peer-editing='" + anaId + "'] .peer-tag")).containsText("Ana");
    ana.keyboard().press("Escape");
    assertThat(bruno.locator("[data-peer-editing='" + anaId + "']")).hasCount(0);
    bruno.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/presence-cursor-selection.png")));
  }

  @Test
  @DisplayName("[S1] following a person: my viewport follows theirs until I move myself")
  void following() {
    Page ana = open("Ana");
    Page bruno = open("Bruno");
    String anaId = clientId(ana);
    bruno.waitForCondition(() -> peer(bruno, anaId) != null);

    bruno.locator("#presence-list").click();
    bruno.locator("[data-follow='" + anaId + "']").click();
    assertThat(bruno.locator("#follow-banner")).isVisible();
    assertEquals(anaId, bruno.evaluate("window.crossboard.presence.following()"));

    ana.mouse().move(640, 400);
    ana.mouse().wheel(0, 300);
    ana.keyboard().press("-");
    bruno.waitForCondition(() -> {
      JsonObject mine = worldRect(bruno);
      JsonObject theirs = worldRect(ana);
      return Math.abs(centre(mine, "x", "w") - centre(theirs, "x", "w")) < 1
          && Math.abs(centre(mine, "y", "h") - centre(theirs, "y", "h")) < 1
          && Math.abs(mine.getDouble("w") - theirs.getDouble("w")) < 1;
    });
    bruno.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/presence-following.png")));

    bruno.keyboard().press("Escape");
    bruno.waitForCondition(() -> bruno.evaluate("window.crossboard.presence.following()") == null);
    assertThat(bruno.locator("#follow-banner")).isHidden();
  }

  static double centre(JsonObject rect, String pos, String size) {
    return rect.getDouble(pos) + rect.getDouble(size) / 2;
  }
}
