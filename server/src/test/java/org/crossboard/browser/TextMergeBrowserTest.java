package org.crossboard.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Page;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import org.crossboard.testing.Rest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Two people typing into the same note at the same time, in real browsers (SPEC.md T1–T4, W2). */
class TextMergeBrowserTest extends BrowserTestBase {
  /**
   * Types {@code text} into the open editor at its caret, one character every 0–{@code delay} ms,
   * through the browser's own editing (input events like a keyboard's), without waiting for it.
   */
  private static final String TYPE_IN_BACKGROUND = """
      ([text, delay]) => {
        const field = document.querySelector('.record-editor');
        const chars = [...text];
        window.typingDone = false;
        const step = () => {
          if (!chars.length) { window.typingDone = true; return; }
          field.focus();
          document.execCommand('insertText', false, chars.shift());
          setTimeout(step, Math.random() * delay);
        };
        step();
      }""";

  @Test
  @DisplayName("[T3] two pages typing into one note at the same time both keep their words")
  void concurrentTypingKeepsBothWords() {
    Page ana = open("Ana");
    Page bruno = open("Bruno");
    String id = createNote(ana, 420, 300);
    editText(ana, id, "Goals: ");
    assertThat(textOf(bruno, id)).hasText("Goals: ");

    for (Page page : List.of(ana, bruno)) {
      page.locator("[data-record-id='" + id + "']").dblclick();
      assertThat(page.locator(".record-editor")).isVisible();
    }
    bruno.evaluate("() => document.querySelector('.record-editor').setSelectionRange(0, 0)");
    String anaWords = "open data by default, ";
    String brunoWords = "[Bruno] ";
    ana.evaluate(TYPE_IN_BACKGROUND, List.of(anaWords, 25));
    bruno.evaluate(TYPE_IN_BACKGROUND, List.of(brunoWords, 60));
    for (Page page : List.of(ana, bruno)) {
      page.waitForCondition(() -> Boolean.TRUE.equals(page.evaluate("window.typingDone")));
    }
    String expected = brunoWords + "Goals: " + anaWords;
    for (Page page : List.of(ana, bruno)) {
      page.waitForCondition(() -> expected.equals(page.evaluate("document.querySelector('.record-editor').value")));
    }
    ana.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/text-merge-typing.png")));
    for (Page page : List.of(ana, bruno)) {
      page.keyboard().press("Escape");
      settled(page);
    }
    for (Page page : List.of(ana, bruno)) {
      assertThat(textOf(page, id)).hasText(expected);
    }
    assertEquals(expected, exportedText(id));
  }

  @Test
  @DisplayName("[W2] undoing my typing removes my words and keeps the words someone typed meanwhile")
  void undoKeepsOthersWords() {
    Page ana = open("Ana");
    Page bruno = open("Bruno");
    String id = createNote(ana, 420, 300);
    editText(ana, id, "Plan");
    assertThat(textOf(bruno, id)).hasText("Plan");

    ana.locator("[data-record-id='" + id + "']").dblclick();
    ana.keyboard().type(" A");
    ana.keyboard().press("Escape");
    settled(ana);
    assertThat(textOf(bruno, id)).hasText("Plan A");

    bruno.locator("[data-record-id='" + id + "']").dblclick();
    bruno.evaluate("() => document.querySelector('.record-editor').setSelectionRange(0, 0)");
    bruno.keyboard().type("Our ");
    bruno.keyboard().press("Escape");
    settled(bruno);
    assertThat(textOf(ana, id)).hasText("Our Plan A");

    ana.locator("[data-record-id='" + id + "']").click();
    ana.keyboard().press("Control+z");
    settled(ana);
    for (Page page : List.of(ana, bruno)) {
      assertThat(textOf(page, id)).hasText("Our Plan");
    }
    assertEquals("Our Plan", exportedText(id));
  }

  private String exportedText(String id) {
    return Rest.export(server.baseUrl(), board).getJsonArray("records").stream().map(r -> (JsonObject) r)
        .filter(r -> id.equals(r.getString("id"))).findFirst().orElseThrow().getString("text");
  }
}
