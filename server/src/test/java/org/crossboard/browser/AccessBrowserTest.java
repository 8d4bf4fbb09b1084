package org.crossboard.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.crossboard.testing.Rest;
import org.crossboard.testing.TestAccess;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * An editor and an invited expert (commenter) on one board in real Chromium pages; the owner
 * removes the expert through the share dialog (SPEC.md A1, A5, A6, W1).
 */
class AccessBrowserTest extends BrowserTestBase {
  static final String MARKUP = "<img src=x onerror=alert(1)> <script>alert(2)</script>";

  /** In the page: a raw socket with the page's own token that tries to rewrite a note. */
  static final String FORCED_PUSH = """
      async ({board, note}) => {
        const token = JSON.parse(localStorage.getItem('crossboard.auth')).token;
        const ws = new WebSocket(`ws://${location.host}/ws`);
        const frames = [];
        ws.onmessage = (e) => frames.push(JSON.parse(e.data));
        await new Promise((resolve) => { ws.onopen = resolve; });
        const waitFor = (p) => new Promise((resolve) => {
          const timer = setInterval(() => {
            const f = frames.find(p);
            if (f) { clearInterval(timer); resolve(f); }
          }, 20);
        });
        ws.send(JSON.stringify({t: 'hello', protocol: 1, board, clientId: 'forced-push-client', token}));
        await waitFor((f) => f.t === 'welcome' || f.t === 'error');
        ws.send(JSON.stringify({t: 'push', id: 'forced', clientSeq: 1,
          changes: [{op: 'patch', id: note, props: {text: 'defaced'}}]}));
        const reply = await waitFor((f) => f.id === 'forced');
        ws.close();
        return reply.t === 'error' ? reply.code : reply.t;
      }""";

  @Test
  @DisplayName("[A1][A5][A6][W4][W5] a commenter gets no editing UI, its forced push is refused, and removal shows at once")
  void editorAndCommenter() {
    String url = server.baseUrl();
    TestAccess.Owner owner = TestAccess.ownerOf(board);
    TestAccess.Account expert = TestAccess.signUp(url, "Eve Expert");
    String code = TestAccess.invite(url, owner.token(), owner.workspace(), board, "commenter", 1);
    assertEquals(200, Rest.as(expert.token()).send("POST", url + "/api/invites/accept",
        new JsonObject().put("code", code).encode()).statusCode());

    Page editor = open("Edda Editor");
    Page commenter = openAs(expert.signedIn());
    Page ownerPage = openAs(owner.account().signedIn());

    assertThat(commenter.locator("body")).hasAttribute("data-role", "commenter");
    assertEquals("commenter", commenter.evaluate("window.crossboard.role"));
    assertThat(commenter.locator("#tool-note")).isHidden();
    assertThat(commenter.locator("#tool-frame")).isHidden();
    assertThat(commenter.locator("#tool-comment")).isVisible();
    assertThat(commenter.locator("#share-button")).isHidden();

    String note = createNote(editor, 420, 320);
    editText(editor, note, MARKUP);
    settled(editor);
    assertThat(textOf(commenter, note)).hasText(MARKUP);
    assertEquals(0, commenter.locator("[data-record-id='" + note + "'] img, [data-record-id='" + note + "'] script").count(),
        "markup in a note is text, never elements");

    Locator noteOnCommenter = commenter.locator("[data-record-id='" + note + "']");
    noteOnCommenter.dblclick();
    assertThat(commenter.locator(".record-editor")).hasCount(0);
    noteOnCommenter.click();
    commenter.keyboard().press("Delete");
    commenter.keyboard().press("Control+z");

    assertEquals("ERR_FORBIDDEN", commenter.evaluate(FORCED_PUSH, Map.of("board", board, "note", note)));

    // A comment is a thread on the note (docs/COMMENTS.md), not a board record.
    commenter.locator("#tool-comment").click();
    noteOnCommenter.click();
    commenter.locator("#thread-panel textarea").fill("Has the data protection officer seen this? " + MARKUP);
    commenter.locator("#thread-panel").getByText("Post", new Locator.GetByTextOptions().setExact(true)).click();
    Locator pin = editor.locator(".thread-pin");
    assertThat(pin).hasCount(1);
    pin.click();
    Locator thread = editor.locator("#thread-panel");
    assertThat(thread.locator(".comment-name")).hasText("Eve Expert");
    assertThat(thread.locator(".comment-text")).containsText("data protection officer");
    assertEquals(0, thread.locator(".comment-text img, .comment-text script").count());
    JsonObject stored = new JsonObject(editor.evaluate("JSON.stringify(window.crossboard.threads.list()[0])").toString());
    assertEquals(note, stored.getJsonObject("anchor").getString("record"));
    editor.keyboard().press("Escape");
    assertEquals(MARKUP, record(editor, note).getString("text"), "the commenter changed nothing but its comment");

    ownerPage.locator("#share-button").click();
    assertThat(ownerPage.locator("#share-dialog")).isVisible();
    ownerPage.locator("[data-access-user='" + expert.userId() + "'] [data-revoke-user]").click();
    assertThat(commenter.locator("#access-removed")).isVisible();
    assertThat(commenter.locator("#access-removed")).containsText("access");
    assertThat(editor.locator("#connection-status")).hasAttribute("data-state", "connected");
  }

  @Test
  @DisplayName("[A5][W5] a role change while a creation tool is selected keeps the canvas")
  void roleChangeKeepsCanvas() {
    String url = server.baseUrl();
    TestAccess.Owner owner = TestAccess.ownerOf(board);
    TestAccess.Account edda = TestAccess.signUp(url, "Edda Editor");
    String code = TestAccess.invite(url, owner.token(), owner.workspace(), board, "editor", 1);
    assertEquals(200, Rest.as(edda.token()).send("POST", url + "/api/invites/accept",
        new JsonObject().put("code", code).encode()).statusCode());
    Page page = openAs(edda.signedIn());
    assertThat(page.locator("body")).hasAttribute("data-role", "editor");
    String note = createNote(page, 420, 320);
    Locator canvas = page.locator("#viewport");

    for (String role : new String[] {"commenter", "viewer"}) {
      page.locator("#tool-note").click();
      assertThat(canvas).hasAttribute("data-tool", "note");
      setBoardRole(owner, edda, role);
      assertThat(page.locator("body")).hasAttribute("data-role", role);
      assertThat(canvas).isVisible();
      assertThat(page.locator("[data-record-id='" + note + "']")).isVisible();
      assertThat(canvas).hasAttribute("data-tool", "select");
      assertThat(canvas).not().hasAttribute("aria-pressed", java.util.regex.Pattern.compile(".*"));
      assertThat(page.locator("#tool-note")).isHidden();
      // back to editor, so the next round starts from a creation tool again
      setBoardRole(owner, edda, "editor");
      assertThat(page.locator("body")).hasAttribute("data-role", "editor");
      assertThat(page.locator("#tool-note")).isVisible();
    }
  }

  private void setBoardRole(TestAccess.Owner owner, TestAccess.Account who, String role) {
    assertEquals(200, Rest.as(owner.token()).send("PUT", server.baseUrl() + "/api/boards/" + board + "/members/"
        + who.userId(), new JsonObject().put("role", role).encode()).statusCode());
  }

  @Test
  @DisplayName("[A7][A8] the owner creates a link in the share dialog; a guest joins with it by name, as a commenter")
  void shareLinkAndGuestJoin() {
    Page ownerPage = openAs(TestAccess.ownerOf(board).account().signedIn());
    ownerPage.locator("#share-button").click();
    ownerPage.locator("#invite-role").selectOption("commenter");
    ownerPage.locator("#create-invite").click();
    Locator link = ownerPage.locator("#invite-link");
    assertThat(link).hasValue(java.util.regex.Pattern.compile("/join\\.html#[A-Za-z0-9]{20,}$"));
    String url = link.inputValue();
    assertThat(ownerPage.locator("#invite-list [data-invite-id]")).hasCount(1);

    com.microsoft.playwright.BrowserContext guestContext = browsers.browser().newContext();
    contexts.add(guestContext);
    Page guest = guestContext.newPage();
    watch(guest);
    guest.navigate(url);
    guest.locator("#guest-form [name=name]").fill("Gita Guest");
    guest.locator("#guest-form [name=org]").fill("Latvian Digital Agency");
    guest.locator("#guest-join").click();
    assertConnected(guest);
    assertThat(guest.locator("body")).hasAttribute("data-role", "commenter");
    assertEquals(false, guest.url().contains(url.substring(url.indexOf('#') + 1)), "the code leaves the URL");
    ownerPage.waitForCondition(() -> Boolean.TRUE.equals(ownerPage.evaluate(
        "() => window.crossboard.presence.peers().some(p => p.user && p.user.name === 'Gita Guest' && p.user.guest)")));
  }

  @Test
  @DisplayName("[A4][W5] an account with no role on the board is told so, and sees nothing of it")
  void outsider() {
    Page outsider = openRefusable(TestAccess.signUp(server.baseUrl(), "Otto Outsider").signedIn());
    assertThat(outsider.locator("#no-access")).isVisible();
    assertThat(outsider.locator("#no-access")).containsText("invitation");
    assertEquals(0, outsider.locator("[data-record-id]").count());
  }
}
