package org.crossboard.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.crossboard.testing.Rest;
import org.crossboard.testing.TestAccess;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Comment threads in real pages (docs/COMMENTS.md): an invited expert questions a team's note, the
 * team answers with a mention, and the expert is told — live on the board and by long-poll on another
 * page — and lands in the thread.
 */
class ThreadsBrowserTest extends BrowserTestBase {

  /** Signs up a person and gives them a role on the test's board through a real invitation. */
  private TestAccess.Account member(String name, String role) {
    TestAccess.Account account = TestAccess.signUp(server.baseUrl(), name);
    TestAccess.Owner owner = TestAccess.ownerOf(board);
    String code = TestAccess.invite(server.baseUrl(), owner.token(), owner.workspace(), board, role, 1);
    assertEquals(200, Rest.as(account.token()).send("POST", server.baseUrl() + "/api/invites/accept",
        new JsonObject().put("code", code).encode()).statusCode());
    return account;
  }

  static Locator panel(Page page) {
    return page.locator("#thread-panel");
  }

  static void shot(Page page, String name) {
    page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/" + name + ".png")));
  }

  @Test
  @DisplayName("[K1][K5] an expert's question on a note appears live for the team; a reply mentioning the expert reaches their bell and opens the thread")
  void expertQuestionAndMentionedReply() {
    TestAccess.Account expert = member("Maria Expert", "commenter");
    TestAccess.Account editor = member("Eddie Editor", "editor");
    Page team = openAs(editor.signedIn(), 1440, 900);
    Page maria = openAs(expert.signedIn(), 1440, 900);
    String note = createNote(team, 520, 380);
    editText(team, note, "Open data by default");
    assertThat(maria.locator("[data-record-id='" + note + "']")).containsText("Open data by default");

    // The expert puts a question on the note with the comment tool.
    maria.locator("#tool-comment").click();
    maria.locator("[data-record-id='" + note + "']").click();
    assertThat(panel(maria)).isVisible();
    assertThat(panel(maria).locator(".thread-anchor")).containsText("Open data by default");
    assertThat(panel(maria).locator(".kind-chip[data-kind=question]")).hasAttribute("aria-checked", "true");
    // Text is text: markup stays visible characters, a plain URL becomes a safe link.
    String question = "Why only two countries in the first year? <img src=x onerror=alert(1)> https://example.org/plan";
    panel(maria).locator("textarea").fill(question);
    panel(maria).getByText("Post", new Locator.GetByTextOptions().setExact(true)).click();
    assertThat(panel(maria).locator(".thread-comment")).hasCount(1);
    assertThat(panel(maria).locator(".comment-text")).hasText(question);
    assertThat(panel(maria).locator(".comment-text img")).hasCount(0);
    Locator link = panel(maria).locator(".comment-text a");
    assertThat(link).hasAttribute("href", "https://example.org/plan");
    assertThat(link).hasAttribute("rel", Pattern.compile("noopener"));
    assertThat(panel(maria).locator(".badge-chip")).hasText("Advisory expert");
    maria.keyboard().press("Escape");
    assertThat(panel(maria)).isHidden();

    // The team sees the pin appear at the note, live, with its count.
    Locator pin = team.locator(".thread-pin[data-kind=question]");
    assertThat(pin).hasCount(1);
    assertThat(pin.locator(".thread-pin-count")).hasText("1");
    shot(team, "threads-pin-live");

    // Meanwhile the expert has another page open, without a board: its bell long-polls.
    BrowserContext mariaContext = maria.context();
    Page mariaAccount = mariaContext.newPage();
    watch(mariaAccount);
    mariaAccount.navigate(server.baseUrl() + "/account.html");
    assertThat(mariaAccount.locator("#notifications-button")).isVisible();

    // The editor replies, mentioning the expert through the autocomplete.
    pin.click();
    assertThat(panel(team)).isVisible();
    assertThat(panel(team).locator(".comment-name").first()).hasText("Maria Expert");
    Locator reply = panel(team).locator(".thread-reply textarea");
    reply.click();
    reply.pressSequentially("Good question @Mar");
    Locator option = panel(team).locator("[role=option]", new Locator.LocatorOptions().setHasText("@Maria Expert"));
    assertThat(option).isVisible();
    assertThat(reply).hasAttribute("aria-expanded", "true");
    reply.press("Enter");
    assertThat(reply).hasValue("Good question @Maria Expert ");
    reply.pressSequentially("we start small, see the plan.");
    panel(team).getByText("Send", new Locator.GetByTextOptions().setExact(true)).click();
    assertThat(panel(team).locator(".thread-comment")).hasCount(2);
    assertThat(pin.locator(".thread-pin-count")).hasText("2");
    shot(team, "threads-reply");

    // The expert's bell on the board shows it; opening it opens the thread.
    Locator badge = maria.locator("#notifications-button .bell-badge");
    assertThat(badge).isVisible();
    assertThat(badge).hasText("1");
    maria.locator("#notifications-button").click();
    Locator item = maria.locator("#notifications-popover .notification-link").first();
    assertThat(item).containsText("Eddie Editor");
    assertThat(item).containsText(Pattern.compile("mentioned you|replied"));
    shot(maria, "threads-bell");
    assertThat(badge).isHidden();
    item.click();
    assertThat(panel(maria)).isVisible();
    assertThat(panel(maria).locator(".thread-comment")).hasCount(2);
    assertThat(panel(maria).locator(".comment-text").nth(1)).hasText("Good question @Maria Expert we start small, see the plan.");

    // The other page heard of it by long-poll; its link opens the board at the thread.
    mariaAccount.locator("#notifications-button").click();
    Locator far = mariaAccount.locator("#notifications-popover .notification-link").first();
    assertThat(far).containsText("Eddie Editor");
    far.click();
    mariaAccount.waitForURL(Pattern.compile(".*board\\.html\\?b=.*&thread=.*"));
    assertConnected(mariaAccount);
    assertThat(panel(mariaAccount)).isVisible();
    assertThat(panel(mariaAccount).locator(".thread-comment")).hasCount(2);
  }
}
