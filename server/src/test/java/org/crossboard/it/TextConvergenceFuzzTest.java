package org.crossboard.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.crossboard.testing.Changes;
import org.crossboard.testing.FuzzPeer;
import org.crossboard.testing.Rest;
import org.crossboard.testing.ServerExtension;
import org.crossboard.testing.TypingClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * [T1]–[T4][C4][C8] Four clients type unique markers into one note at random places, over real
 * sockets, with random delays between reading and typing (so each types against a text the others
 * have moved on from); some delete their own markers again; one drops its connection, keeps typing
 * offline and resumes with lastSeq. In the end every replica is byte-identical to the server's
 * export, and the note holds the starting text plus every marker typed and not deleted by its
 * typist, each exactly once — no typed character is lost.
 */
class TextConvergenceFuzzTest {
  private static final int STEPS = 700;
  private static final String START = "Shared goals: ";
  @RegisterExtension
  static ServerExtension server = new ServerExtension();

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6})
  @DisplayName("[T3] several clients typing into one text concurrently converge byte-identically and lose no character")
  void typingConverges(long seed) throws InterruptedException {
    Random rnd = new Random(seed);
    String board = Rest.createBoard(server.baseUrl(), "typing " + seed);
    FuzzPeer setup = new FuzzPeer(server.port(), board, "setup-client-" + seed);
    setup.push(Changes.put(Changes.note("n1", 0, 0, START)));
    setup.drain(1);
    setup.socket.close();

    List<TypingClient> clients = new ArrayList<>();
    for (String name : new String[] {"ana", "bruno", "chiara", "dora"}) {
      TypingClient c = new TypingClient(server.port(), board, name + "-typist-" + seed, "n1", "text");
      clients.add(c);
    }
    int[] next = new int[clients.size()];
    TypingClient dropper = clients.get(3);
    for (int step = 0; step < STEPS; step++) {
      if (step == STEPS / 3) {
        dropper.disconnect();
      } else if (step == 2 * STEPS / 3) {
        dropper.reconnect(server.port());
      }
      int i = rnd.nextInt(clients.size());
      TypingClient c = clients.get(i);
      int roll = rnd.nextInt(10);
      if (roll < 6) {
        c.type(rnd, marker(i, next[i]++));
      } else if (roll == 6) {
        c.deleteOwn(rnd);
      } else if (c != dropper || step < STEPS / 3 || step >= 2 * STEPS / 3) {
        c.pump();
      }
      if (rnd.nextInt(8) == 0) {
        Thread.sleep(rnd.nextInt(4));
      }
    }
    long seq = settle(clients);

    JsonObject export = Rest.export(server.baseUrl(), board);
    assertEquals(seq, export.getLong("seq"));
    String expected = export.getJsonArray("records").encode();
    String text = null;
    for (Object o : export.getJsonArray("records")) {
      if ("n1".equals(((JsonObject) o).getString("id"))) {
        text = ((JsonObject) o).getString("text");
      }
    }
    for (TypingClient c : clients) {
      assertEquals(expected, c.replica.records().encode(), c.clientId + " diverged");
      assertEquals(text, c.localText(), c.clientId + " sees what the server has");
      c.socket.close();
    }
    String rest = text;
    int kept = 0;
    for (TypingClient c : clients) {
      for (String m : c.typed) {
        int found = count(text, m);
        assertEquals(c.deleted.contains(m) ? 0 : 1, found, "marker " + m + " of " + c.clientId + " in " + text);
        kept += found;
        rest = rest.replace(m, "");
      }
    }
    assertEquals(START, rest, "only the starting text besides the markers");
    assertEquals(true, kept > 100, "enough was typed to mean something: " + kept);
  }

  /** Unique per client and keystroke; the fourth client types emoji (surrogate pairs). */
  private static String marker(int client, int n) {
    int codePoint = client == 3 ? 0x1F300 + n : 0x4E00 + client * 2000 + n;
    return new String(Character.toChars(codePoint));
  }

  /** Everyone sends what is pending and reads up to the last seq. */
  private static long settle(List<TypingClient> clients) {
    long seq = 0;
    for (int round = 0; round < 3; round++) {
      for (TypingClient c : clients) {
        c.drain(0);
        seq = Math.max(seq, c.replica.seq());
      }
    }
    for (TypingClient c : clients) {
      c.drain(seq);
    }
    return seq;
  }

  private static int count(String text, String marker) {
    int n = 0;
    for (int at = text.indexOf(marker); at >= 0; at = text.indexOf(marker, at + 1)) {
      n++;
    }
    return n;
  }
}
