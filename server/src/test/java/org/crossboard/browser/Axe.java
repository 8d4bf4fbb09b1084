package org.crossboard.browser;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.microsoft.playwright.Page;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * axe-core in browser tests: the WebJar's axe.min.js (test scope, never served by the app) is
 * injected into the page under test and run on the whole document.
 */
final class Axe {
  private static final String RESOURCE = "META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";
  private static String source;

  private Axe() {}

  static synchronized String source() {
    if (source == null) {
      try (InputStream in = Axe.class.getClassLoader().getResourceAsStream(RESOURCE)) {
        if (in == null) {
          fail("axe-core WebJar not on the test class path: " + RESOURCE);
        }
        source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
    return source;
  }

  /**
   * Runs axe on the page (its default rules, and the experimental label-content-name-mismatch:
   * a control's visible text must be part of its accessible name, WCAG 2.5.3); returns the
   * violations of impact critical or serious, one line each.
   */
  static List<String> seriousViolations(Page page, String where) {
    if (!(Boolean) page.evaluate("typeof window.axe === 'object'")) {
      page.addScriptTag(new Page.AddScriptTagOptions().setContent(source()));
    }
    // axe 4.x puts every element into a grid of 200 px cells over its whole box (createGrid, no
    // clipping): the board's scroll spacer (.viewport-space, 16,000,000 px square, aria-hidden, only
    // the dot grid) would need billions of cells and crashes the page. During the run it is a 1 px
    // dot at its far corner: the scroll extent, and so the view, stay as they are.
    page.evaluate("() => { const s = document.querySelector('.viewport-space'); if (s) { window.__axeSpace = s.style.cssText; "
        + "s.style.cssText = 'width:1px;height:1px;left:15999999px;top:15999999px;background:none'; } }");
    String json = (String) page.evaluate("async () => JSON.stringify((await axe.run(document, "
        + "{ resultTypes: ['violations'], rules: { 'label-content-name-mismatch': { enabled: true } } })).violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, "
        + "nodes: v.nodes.map(n => ({ target: n.target.join(' '), summary: n.failureSummary, html: n.html.slice(0, 160) })) })))");
    page.evaluate("() => { const s = document.querySelector('.viewport-space'); if (s) s.style.cssText = window.__axeSpace ?? ''; }");
    List<String> out = new ArrayList<>();
    for (Object o : new JsonArray(json)) {
      JsonObject v = (JsonObject) o;
      String impact = v.getString("impact");
      if (!"critical".equals(impact) && !"serious".equals(impact)) {
        continue;
      }
      StringBuilder line = new StringBuilder(where + ": " + impact + " " + v.getString("id") + " — " + v.getString("help"));
      for (Object n : v.getJsonArray("nodes")) {
        JsonObject node = (JsonObject) n;
        line.append("\n    ").append(node.getString("target")).append("  ").append(node.getString("html"))
            .append("\n      ").append(String.valueOf(node.getString("summary")).replace("\n", " | "));
      }
      out.add(line.toString());
    }
    return out;
  }

  /** Asserts no critical or serious violation, listing them all when there are. */
  static void check(Page page, String where, List<String> sink) {
    List<String> here = seriousViolations(page, where);
    here.forEach(v -> System.out.println("AXE " + v));
    sink.addAll(here);
  }

  static void assertNone(List<String> found) {
    assertTrue(found.isEmpty(), found.size() + " critical/serious axe violations:\n" + String.join("\n", found));
  }
}
