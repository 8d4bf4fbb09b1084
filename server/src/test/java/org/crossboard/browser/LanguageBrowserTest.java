package org.crossboard.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import org.crossboard.testing.BoardMembers;
import org.crossboard.testing.Rest;
import org.crossboard.testing.TestAccess;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The language switch on every page, the board included, and errors told by their code in the
 * chosen language (never the server's English message).
 */
class LanguageBrowserTest extends BrowserTestBase {

  @Test
  @DisplayName("[W15] switching to Deutsch on the board shows the tools and the top bar in German, without a leave warning")
  void boardSwitchesToGerman() {
    Page page = open("Ana");
    Locator select = page.locator("#language-select");
    assertThat(select).isVisible();
    assertThat(page.locator("label.language:has(#language-select) .visually-hidden")).hasText("Language");
    assertThat(select.locator("option[value=pt]")).hasText("Português");
    assertThat(select.locator("option[value=et]")).hasText("Eesti");
    String note = createNote(page, 420, 320);

    settled(page);
    select.focus();
    // the fixed labels change at once, then the page reloads to render every text anew
    page.waitForNavigation(() -> select.selectOption("de"));
    assertThat(page.locator("html")).hasAttribute("lang", "de");
    assertConnected(page);
    assertThat(page.locator("#tool-note")).hasAttribute("aria-label", "Haftnotiz (N)");
    assertThat(page.locator("#tool-select")).hasAttribute("aria-label", "Auswählen (V)");
    assertThat(page.locator("#connection-status .status-text")).hasText("Verbunden");
    assertThat(page.locator("#language-select")).hasValue("de");
    assertThat(page.locator("[data-record-id='" + note + "']")).hasCount(1);
    assertTrue(leaveWarnings.isEmpty(), "no leave warning when the language changes: " + leaveWarnings);
  }

  @Test
  @DisplayName("[W15] a wrong password on the sign-in page in Português shows the Portuguese message for ERR_BAD_CREDENTIALS")
  void signInErrorInPortuguese() {
    for (int width : new int[] {1440, 390}) {
      BrowserContext context = browsers.browser().newContext(new Browser.NewContextOptions().setViewportSize(width, 860));
      contexts.add(context);
      Page page = context.newPage();
      watch(page);
      page.navigate(server.baseUrl() + "/signin.html");
      page.locator("#language-select").selectOption("pt");
      assertThat(page.locator("#signin-heading")).hasText("Iniciar sessão no Crossboard");
      page.locator("#signin-email").fill("ninguem-" + width + "@test.example");
      page.locator("#signin-password").fill("not the password 1");
      page.locator("#signin-submit").click();
      Locator alert = page.locator("#signin-form [role=alert]");
      assertThat(alert).hasText("E-mail ou palavra-passe incorretos.");
      assertFalse(alert.textContent().toLowerCase().contains("wrong"), "never the server's English text");
      assertEquals("pt", page.evaluate("localStorage.getItem('crossboard.lang')"));
      page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/lang-signin-pt-" + width + ".png")));
    }
  }

  @Test
  @DisplayName("[W15][K7] a signed-in person's language switch on the board is kept on the account (for the e-mails), also though the page reloads at once")
  void accountKeepsTheLanguage() {
    TestAccess.Account ines = BoardMembers.member(server.baseUrl(), board, "editor", "Inês Sousa");
    Page page = openAs(ines.signedIn());
    page.waitForNavigation(() -> page.locator("#language-select").selectOption("es"));
    assertThat(page.locator("html")).hasAttribute("lang", "es");
    assertConnected(page);
    long deadline = System.currentTimeMillis() + 5_000;
    String lang = null;
    while (System.currentTimeMillis() < deadline && !"es".equals(lang)) {
      lang = new JsonObject(Rest.as(ines.token())
          .send("GET", server.baseUrl() + "/api/me", null).body()).getString("lang");
    }
    assertEquals("es", lang, "the account's language");
  }

  @Test
  @DisplayName("the board in Português, wide and on a phone (screenshots)")
  void boardInPortuguese() {
    for (int[] size : new int[][] {{1440, 900}, {390, 844}}) {
      Page page = openAs(TestAccess.ownerOf(board).account().signedIn(), size[0], size[1]);
      page.evaluate("localStorage.setItem('crossboard.lang', 'pt')");
      page.reload();
      assertConnected(page);
      assertThat(page.locator("html")).hasAttribute("lang", "pt");
      assertThat(page.locator("#tool-note")).hasAttribute("aria-label", "Nota adesiva (N)");
      assertThat(page.locator("#language-select")).hasValue("pt");
      assertThat(page.locator("#connection-status .status-text")).hasText("Ligado");
      page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/lang-board-pt-" + size[0] + ".png")));
    }
  }
}
