package org.crossboard.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.vertx.core.json.JsonObject;
import org.crossboard.testing.Rest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Signing up in the browser, then changing the password on the account page (SPEC.md A2). */
class AccountBrowserTest extends BrowserTestBase {

  @Test
  @DisplayName("[A2] sign up, reach the account page from the name chip, change the password, sign out everywhere")
  void signUpAndChangePassword() {
    BrowserContext context = browsers.browser().newContext();
    contexts.add(context);
    Page page = context.newPage();
    watch(page);
    page.navigate(server.baseUrl() + "/signup.html");
    String email = "mari-" + System.nanoTime() + "@example.ee";
    page.locator("#signup-form [name=email]").fill(email);
    page.locator("#signup-form [name=password]").fill("first passphrase 1");
    page.locator("#signup-form [name=name]").fill("Mari Maasikas");
    page.locator("#signup-form [name=org]").fill("Statistics Estonia");
    page.locator("#signup-submit").click();
    assertThat(page.locator("#new-workspace")).isVisible();

    page.locator("#account-link").click();
    assertThat(page.locator("#account-details")).containsText(email);
    page.locator("#current-password").fill("first passphrase 1");
    page.locator("#new-password").fill("second passphrase 2");
    page.locator("#repeat-password").fill("second passphrase 3");
    page.locator("#change-password").click();
    assertThat(page.locator("#password-form [role=alert]")).isVisible();
    page.locator("#repeat-password").fill("second passphrase 2");
    page.locator("#change-password").click();
    assertThat(page.locator("#password-done")).isVisible();
    assertEquals(200, Rest.call("POST", server.baseUrl() + "/api/auth/signin", new JsonObject().put("email", email)
        .put("password", "second passphrase 2").encode()).statusCode());

    page.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Path.of("target/account-page.png")));
    String token = (String) page.evaluate("JSON.parse(localStorage.getItem('crossboard.auth')).token");
    page.locator("#signout-everywhere").click();
    page.waitForURL("**/signin.html**");
    assertEquals(null, page.evaluate("localStorage.getItem('crossboard.auth')"));
    assertEquals(401, Rest.as(token).send("GET", server.baseUrl() + "/api/me", null).statusCode());
  }

  @Test
  @DisplayName("[A9][A10] the administrator (first account) sees the server audit chain on the account page")
  void administratorSeesServerAudit() {
    Page admin = openRefusable(org.crossboard.testing.TestAccess.ownerOf(board).account().signedIn());
    admin.navigate(server.baseUrl() + "/account.html");
    assertThat(admin.locator("#server-audit")).isVisible();
    assertThat(admin.locator("#server-audit-chain")).hasAttribute("data-valid", "true");
    assertThat(admin.locator("#server-audit-count")).containsText("entries");
    Page other = openRefusable(org.crossboard.testing.TestAccess.signUp(server.baseUrl(), "Not admin").signedIn());
    other.navigate(server.baseUrl() + "/account.html");
    assertThat(other.locator("#account-details")).containsText("Not admin");
    assertThat(other.locator("#server-audit")).isHidden();
  }
}
