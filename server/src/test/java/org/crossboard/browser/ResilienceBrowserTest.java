package org.crossboard.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.crossboard.testing.Rest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Pending edits survive a reload and a crash (SPEC.md W7); a silent WebSocket falls back to SockJS (W8). */
class ResilienceBrowserTest extends BrowserTestBase {
  private static final Pattern WEBSOCKET = Pattern.compile(".*/ws(\\?.*)?$");
  private static final Pattern ANY_SOCKET = Pattern.compile(".*/(ws|sockjs)([/?].*)?$");
  /** How many pushes the page has kept in IndexedDB for this board. */
  private static final String SAVED_PUSHES = """
      (board) => new Promise((resolve) => {
        const open = indexedDB.open('crossboard');
        open.onsuccess = () => {
          const all = open.result.transaction('pending').objectStore('pending').index('board').getAll(board);
          all.onsuccess = () => resolve(all.result.reduce((n, r) => n + r.pending.length, 0));
        };
      })""";
  /** Whether leaving the page now would ask "leave the page?" (the beforeunload handler objects). */
  private static final String WOULD_WARN = """
      () => { const e = new Event('beforeunload', { cancelable: true }); window.dispatchEvent(e); return e.defaultPrevented; }""";

  @Test
  @DisplayName("[W7] an edit made offline survives a reload and reaches the server once the socket is back")
  void offlineEditSurvivesReload() {
    Page ana = open("Ana");
    String id = createNote(ana, 400, 300);
    settled(ana);
    assertEquals(false, ana.evaluate(WOULD_WARN), "nothing unsaved: no warning");
    AtomicBoolean blocked = new AtomicBoolean(false);
    ana.routeWebSocket(ANY_SOCKET, ws -> {
      if (blocked.get()) {
        ws.close();
      } else {
        ws.connectToServer();
      }
    });
    ana.route(Pattern.compile(".*/sockjs/.*"), route -> {
      if (blocked.get()) {
        route.abort();
      } else {
        route.resume();
      }
    });
    ana.reload(); // WebSocket routes take effect in documents loaded after them
    assertConnected(ana);
    blocked.set(true);
    ana.context().setOffline(true);
    assertThat(ana.locator("#connection-status")).not().hasAttribute("data-state", "connected");
    ana.context().setOffline(false);

    editText(ana, id, "kept through a reload");
    assertThat(ana.locator("#connection-status")).hasAttribute("data-pending", "1");
    ana.waitForCondition(() -> savedPushes(ana) == 1);
    assertEquals(true, ana.evaluate(WOULD_WARN), "leaving now warns that changes are not saved yet");

    ana.reload();
    assertThat(ana.locator("#connection-status")).hasAttribute("data-pending", "1"); // from IndexedDB, still cut off
    assertEquals(null, exportedText(id), "not on the server yet");
    blocked.set(false);
    ana.evaluate("() => window.dispatchEvent(new Event('online'))");
    assertConnected(ana);
    assertThat(ana.locator("#connection-status")).hasAttribute("data-pending", "0",
        new LocatorAssertions.HasAttributeOptions().setTimeout(20_000));
    assertThat(textOf(ana, id)).hasText("kept through a reload");
    assertEquals("kept through a reload", exportedText(id));
    ana.waitForCondition(() -> savedPushes(ana) == 0);
  }

  @Test
  @DisplayName("[W7][P7] an edit a crashed page left unsent is sent by the next page of that person, under the same clientId")
  void crashedPagesEditIsSentByTheNextPage() {
    Page ana = open("Ana");
    String id = createNote(ana, 400, 300);
    settled(ana);
    String clientId = (String) ana.evaluate("window.crossboard.sync.clientId");
    BrowserContext context = ana.context();
    context.setOffline(true);
    assertThat(ana.locator("#connection-status")).not().hasAttribute("data-state", "connected");
    editText(ana, id, "left by a crashed tab");
    ana.waitForCondition(() -> savedPushes(ana) == 1);
    ana.close(); // no beforeunload, no pagehide work that could send: as if it crashed
    context.setOffline(false);

    Page again = context.newPage();
    watch(again);
    again.navigate(server.baseUrl() + "/board.html?board=" + board);
    assertConnected(again);
    assertEquals(clientId, again.evaluate("window.crossboard.sync.clientId"), "the clientId and its clientSeqs carry on");
    assertThat(textOf(again, id)).hasText("left by a crashed tab");
    settled(again);
    assertEquals("left by a crashed tab", exportedText(id));

    Page secondTab = context.newPage();
    watch(secondTab);
    secondTab.navigate(server.baseUrl() + "/board.html?board=" + board);
    assertConnected(secondTab);
    assertNotEquals(clientId, secondTab.evaluate("window.crossboard.sync.clientId"), "a tab never takes an open tab's clientId");
    assertConnected(again);
  }

  @Test
  @DisplayName("[W8] a WebSocket that opens and stays silent falls back to SockJS, and the session stays on SockJS")
  void silentWebSocketFallsBackToSockJs() {
    Page ana = open("Ana");
    assertEquals("websocket", ana.evaluate("window.crossboard.transport()"));
    AtomicInteger webSocketsTried = new AtomicInteger();
    ana.routeWebSocket(WEBSOCKET, ws -> webSocketsTried.incrementAndGet()); // accepted, never answered
    ana.reload();
    assertConnected(ana);
    assertEquals("sockjs", ana.evaluate("window.crossboard.transport()"));
    assertEquals(1, webSocketsTried.get());
    assertEquals("sockjs", ana.evaluate("sessionStorage.getItem('crossboard.transport')"));

    String id = createNote(ana, 400, 300);
    editText(ana, id, "over SockJS");
    settled(ana);
    assertEquals("over SockJS", exportedText(id));

    ana.reload();
    assertConnected(ana);
    assertEquals("sockjs", ana.evaluate("window.crossboard.transport()"));
    assertEquals(1, webSocketsTried.get(), "the session remembers: no second try of the silent WebSocket");
    assertTrue(leaveWarnings.isEmpty(), "nothing was pending when leaving: " + leaveWarnings);
  }

  private int savedPushes(Page page) {
    return ((Number) page.evaluate(SAVED_PUSHES, board)).intValue();
  }

  private String exportedText(String id) {
    return Rest.export(server.baseUrl(), board).getJsonArray("records").stream().map(r -> (JsonObject) r)
        .filter(r -> id.equals(r.getString("id"))).findFirst().map(r -> r.getString("text")).orElse(null);
  }
}
