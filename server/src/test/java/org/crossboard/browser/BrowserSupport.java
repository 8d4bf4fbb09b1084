package org.crossboard.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One Playwright + Chromium per test class. Uses {@code CHROME_PATH}, else Debian's
 * {@code /usr/bin/chromium}, else Playwright's own browser (on a machine with internet). Chromium
 * is kept off the network: only loopback resolves.
 */
final class BrowserSupport implements AutoCloseable {
  private final Playwright playwright;
  private final Browser browser;

  private BrowserSupport(Playwright playwright, Browser browser) {
    this.playwright = playwright;
    this.browser = browser;
  }

  /** The Chromium to use, or null when none is installed here. */
  static Path chromium() {
    String env = System.getenv("CHROME_PATH");
    if (env != null && !env.isBlank() && Files.isExecutable(Path.of(env))) {
      return Path.of(env);
    }
    Path debian = Path.of("/usr/bin/chromium");
    return Files.isExecutable(debian) ? debian : null;
  }

  static BrowserSupport launch() {
    Playwright playwright = Playwright.create(new Playwright.CreateOptions()
        .setEnv(java.util.Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    BrowserType.LaunchOptions options = new BrowserType.LaunchOptions().setHeadless(true)
        .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1"));
    Path chromium = chromium();
    if (chromium != null) {
      options.setExecutablePath(chromium);
    }
    return new BrowserSupport(playwright, playwright.chromium().launch(options));
  }

  Browser browser() {
    return browser;
  }

  @Override
  public void close() {
    browser.close();
    playwright.close();
  }
}
