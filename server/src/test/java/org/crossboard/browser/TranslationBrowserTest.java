package org.crossboard.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.Map;
import org.crossboard.testing.FakeLibreTranslate;
import org.crossboard.testing.Rest;
import org.crossboard.testing.TestAccess;
import org.crossboard.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Notes in several languages in the browser (SPEC N): a note written in Portuguese, read by a
 * French reader in Français with its machine translation labelled with the engine, the original
 * one click away, and an editor's correction shown instead of the machine one. The server's
 * {@code TRANSLATE_URL} is a {@link FakeLibreTranslate} (a real HTTP server with a small pt→fr
 * dictionary) started here.
 */
class TranslationBrowserTest extends BrowserTestBase {
  static final String ENGINE_NAME = "LibreTranslate (test)";
  static FakeLibreTranslate engine;

  /** After BrowserTestBase's start: the server again, now with the translation service configured. */
  @BeforeAll
  static void startWithTranslationService() throws java.io.IOException {
    engine = FakeLibreTranslate.start();
    server.stop();
    Path dir = java.nio.file.Files.createDirectories(data.resolve("translating"));
    server = TestServer.start(dir, Map.of("TRANSLATE_URL", engine.url(), "TRANSLATE_ENGINE_NAME", ENGINE_NAME));
  }

  @AfterAll
  static void stopEngine() {
    if (engine != null) {
      engine.close();
    }
  }

  private TestAccess.Account member(String name, String role) {
    TestAccess.Account account = TestAccess.signUp(server.baseUrl(), name);
    TestAccess.Owner owner = TestAccess.ownerOf(board);
    String code = TestAccess.invite(server.baseUrl(), owner.token(), owner.workspace(), board, role, 1);
    assertEquals(200, Rest.as(account.token()).send("POST", server.baseUrl() + "/api/invites/accept",
        new JsonObject().put("code", code).encode()).statusCode());
    return account;
  }

  /** A signed-in page on the board in the given UI language. */
  private Page pageIn(JsonObject signedIn, String lang, int width, int height) {
    Page page = openAs(signedIn, width, height);
    page.evaluate("localStorage.setItem('crossboard.lang', '" + lang + "')");
    page.reload();
    assertConnected(page);
    assertThat(page.locator("html")).hasAttribute("lang", lang);
    return page;
  }

  static void shot(Page page, String name) {
    page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/" + name + ".png")));
  }

  @Test
  @DisplayName("[N1][N2][N3][W17] a note written in Portuguese, read in Français: machine-translated and labelled with the engine, the original one click away, an editor's correction shown instead")
  void portugueseNoteReadInFrench() {
    // The Portuguese author writes a note through the UI: it carries her language.
    Page ana = pageIn(TestAccess.ownerOf(board).account().signedIn(), "pt", 1440, 900);
    String note = createNote(ana, 640, 420);
    editText(ana, note, "Olá mundo");
    settled(ana);
    assertEquals("pt", record(ana, note).getString("lang"), "a new note is in its author's language");
    ana.locator("[data-record-id='" + note + "']").click();
    assertThat(ana.locator("#record-language")).hasValue("pt");

    // A French reader (an editor) chooses to read the notes in Français.
    TestAccess.Account claire = member("Claire Dubois", "editor");
    Page reader = pageIn(claire.signedIn(), "fr", 1440, 900);
    Locator text = textOf(reader, note);
    assertThat(text).hasText("Olá mundo");
    Locator showIn = reader.locator("#read-language");
    assertThat(reader.locator("label.read-language")).containsText("Afficher les notes en");
    assertThat(showIn).hasValue("");
    showIn.selectOption("fr");
    assertThat(text).hasText("Bonjour le monde");
    assertThat(text).hasAttribute("lang", "fr");
    Locator tag = reader.locator("[data-record-id='" + note + "'] .translation-tag");
    assertThat(tag.locator(".translation-label")).hasText("Traduction automatique par " + ENGINE_NAME);
    Locator toggle = tag.locator(".translation-toggle");
    assertThat(toggle).hasText("Voir l’original");
    assertThat(toggle).hasAttribute("aria-pressed", "false");
    assertEquals("Olá mundo", record(reader, note).getString("text"), "the record itself is never changed");
    reader.locator("[data-record-id='" + note + "']").scrollIntoViewIfNeeded();
    shot(reader, "translation-fr-1440");

    // One click: the original Portuguese; again (from the keyboard): the translation.
    toggle.click();
    assertThat(text).hasText("Olá mundo");
    assertThat(text).hasAttribute("lang", "pt");
    assertThat(toggle).hasAttribute("aria-pressed", "true");
    assertThat(tag.locator(".translation-label")).hasText("Original (Português)");
    toggle.focus();
    reader.keyboard().press("Enter");
    assertThat(text).hasText("Bonjour le monde");
    assertThat(toggle).hasAttribute("aria-pressed", "false");

    // The editor corrects the machine translation: the human one shows instead.
    tag.locator(".translation-edit").click();
    Locator dialog = reader.locator("#translation-dialog");
    assertThat(dialog).isVisible();
    assertThat(dialog.locator(".translation-original")).hasText("Olá mundo");
    assertThat(dialog.locator("#translation-text")).hasValue("Bonjour le monde");
    dialog.locator("#translation-text").fill("Bonjour tout le monde");
    shot(reader, "translation-edit-1440");
    dialog.locator("#translation-save").click();
    assertThat(dialog).hasCount(0);
    assertThat(text).hasText("Bonjour tout le monde");
    assertThat(tag.locator(".translation-label")).hasText("Traduit par Claire Dubois");

    // The choice is remembered, and the stored human translation wins over the machine one.
    reader.reload();
    assertConnected(reader);
    assertThat(reader.locator("#read-language")).hasValue("fr");
    assertThat(textOf(reader, note)).hasText("Bonjour tout le monde");
    assertThat(reader.locator("[data-record-id='" + note + "'] .translation-label")).hasText("Traduit par Claire Dubois");
    // The author, reading originals, sees her own text with no tag.
    assertThat(textOf(ana, note)).hasText("Olá mundo");
    assertThat(ana.locator(".translation-tag")).hasCount(0);

    // On a phone (another device: the choice is its own).
    Page phone = pageIn(claire.signedIn(), "fr", 390, 844);
    assertThat(phone.locator("#read-language")).hasValue("");
    // on a phone the switch is under "More actions" (W18)
    phone.locator("#more-button").click();
    phone.locator("#read-language").selectOption("fr");
    phone.keyboard().press("Escape");
    assertThat(textOf(phone, note)).hasText("Bonjour tout le monde");
    phone.locator("[data-record-id='" + note + "'] .translation-toggle").click();
    assertThat(textOf(phone, note)).hasText("Olá mundo");
    shot(phone, "translation-fr-390");
    phone.locator("[data-record-id='" + note + "'] .translation-toggle").click();
    assertThat(textOf(phone, note)).hasText("Bonjour tout le monde");
    shot(phone, "translation-fr-390-translated");
  }

  @Test
  @DisplayName("[N1][N2][W17] a comment written in Portuguese, read in Français in the thread panel: machine-translated and labelled, the original one click away, an editor's correction; a French reply carries its language")
  void portugueseCommentReadInFrench() {
    // The Portuguese owner puts a question on a note with the comment tool; the composer offers her language.
    Page ana = pageIn(TestAccess.ownerOf(board).account().signedIn(), "pt", 1440, 900);
    String note = createNote(ana, 640, 420);
    editText(ana, note, "Orçamento 2027");
    settled(ana);
    ana.locator("#tool-comment").click();
    ana.locator("[data-record-id='" + note + "']").click();
    Locator anaPanel = ana.locator("#thread-panel");
    assertThat(anaPanel.locator(".thread-form-new .thread-lang")).hasValue("pt");
    assertThat(anaPanel.locator(".thread-form-new .thread-lang-control")).hasAttribute("title", "Escrito em");
    anaPanel.locator(".thread-form-new textarea").fill("Porquê este orçamento?");
    anaPanel.locator(".thread-form-new button[type=submit]").click();
    Locator anaComment = anaPanel.locator(".thread-comment .comment-text");
    assertThat(anaComment).hasText("Porquê este orçamento?");
    assertThat(anaComment).hasAttribute("lang", "pt");
    assertThat(anaPanel.locator(".comment-translation")).hasCount(0);

    // A French editor reads the board in Français and opens the thread.
    TestAccess.Account claire = member("Claire Martin", "editor");
    Page reader = pageIn(claire.signedIn(), "fr", 1440, 900);
    reader.locator("#read-language").selectOption("fr");
    reader.locator(".thread-pin").click();
    Locator panel = reader.locator("#thread-panel");
    Locator first = panel.locator(".thread-comment").first();
    assertThat(first.locator(".comment-text")).hasText("Pourquoi ce budget ?");
    assertThat(first.locator(".comment-text")).hasAttribute("lang", "fr");
    Locator tag = first.locator(".comment-translation");
    assertThat(tag.locator(".translation-label")).hasText("Traduction automatique par " + ENGINE_NAME);
    Locator toggle = tag.locator(".translation-toggle");
    assertThat(toggle).hasAttribute("aria-pressed", "false");
    shot(reader, "translation-comment-fr-1440");

    // The original, one click away; back again from the keyboard (focus stays on the toggle).
    toggle.click();
    assertThat(first.locator(".comment-text")).hasText("Porquê este orçamento?");
    assertThat(first.locator(".comment-text")).hasAttribute("lang", "pt");
    assertThat(tag.locator(".translation-label")).hasText("Original (Português)");
    assertThat(toggle).hasAttribute("aria-pressed", "true");
    assertThat(toggle).isFocused();
    reader.keyboard().press("Enter");
    assertThat(first.locator(".comment-text")).hasText("Pourquoi ce budget ?");

    // The editor corrects it: her translation wins, labelled with her name.
    tag.locator(".translation-edit").click();
    Locator dialog = reader.locator("#translation-dialog");
    assertThat(dialog.locator(".translation-original")).hasText("Porquê este orçamento?");
    dialog.locator("#translation-text").fill("Pourquoi ce budget-là ?");
    dialog.locator("#translation-save").click();
    assertThat(dialog).hasCount(0);
    assertThat(first.locator(".comment-text")).hasText("Pourquoi ce budget-là ?");
    assertThat(tag.locator(".translation-label")).hasText("Traduit par Claire Martin");

    // Her reply is written in French (her UI language); the author, reading originals, sees it as written.
    assertThat(panel.locator(".thread-reply .thread-lang")).hasValue("fr");
    panel.locator(".thread-reply textarea").fill("Parce que c'est prioritaire.");
    panel.locator(".thread-reply button[type=submit]").click();
    assertThat(panel.locator(".thread-comment")).hasCount(2);
    Locator reply = anaPanel.locator(".thread-comment").nth(1).locator(".comment-text");
    assertThat(reply).hasText("Parce que c'est prioritaire.");
    assertThat(reply).hasAttribute("lang", "fr");
    assertThat(panel.locator(".thread-comment").nth(1).locator(".comment-translation")).hasCount(0);

    // The comments list shows the thread in the reader's language too.
    reader.locator("#threads-button").click();
    Locator excerpt = panel.locator(".thread-item-text");
    assertThat(excerpt).hasText("Pourquoi ce budget-là ?");
    assertThat(excerpt).hasAttribute("lang", "fr");

    // On a phone the thread is a bottom sheet: the translation's label, toggle and the reply's language fit.
    Page phone = pageIn(claire.signedIn(), "fr", 390, 844);
    phone.locator("#more-button").click();
    phone.locator("#read-language").selectOption("fr");
    phone.keyboard().press("Escape");
    phone.locator(".thread-pin").click();
    Locator sheet = phone.locator("#thread-panel");
    assertThat(sheet.locator(".thread-comment").first().locator(".comment-text")).hasText("Pourquoi ce budget-là ?");
    for (Locator control : new Locator[] {sheet.locator(".comment-translation .translation-toggle").first(),
        sheet.locator(".thread-reply .thread-lang"), sheet.locator(".thread-reply button[type=submit]")}) {
      control.scrollIntoViewIfNeeded();
      BoundingBox box = control.boundingBox();
      assertTrue(box.x >= 0 && box.x + box.width <= 390, "within the phone's width: " + control);
    }
    shot(phone, "translation-comment-fr-390");
  }
}
