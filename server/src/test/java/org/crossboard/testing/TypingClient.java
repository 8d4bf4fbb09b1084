package org.crossboard.testing;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.crossboard.board.Splice;
import org.crossboard.board.Splices;

/**
 * A client typing into one merging text prop over a real socket, the way the web client does
 * (SPEC.md T1–T4, W1): local splices apply at once and stay pending; at most one push of them is
 * in flight, later ones wait and fold into one; pending splices are rebased over every other
 * client's splice as it arrives; after a reconnect it resumes with {@code lastSeq} and re-sends.
 * It remembers every marker it typed and deleted, so a test can check that none was lost.
 */
public final class TypingClient {
  /** An own push not yet seen sequenced. {@code staleBase}: splices written against that seq, not rebased since. */
  private static final class Entry {
    final long clientSeq;
    List<Splice> splices;
    boolean sent;
    boolean everSent;
    Long staleBase;

    Entry(long clientSeq, Splice first) {
      this.clientSeq = clientSeq;
      this.splices = new ArrayList<>(List.of(first));
    }
  }

  public final String clientId;
  private final String board;
  private final String recordId;
  private final String prop;
  private final List<Entry> pending = new ArrayList<>();
  /** Every marker typed, in typing order. */
  public final List<String> typed = new ArrayList<>();
  /** The markers this client deleted again. */
  public final Set<String> deleted = new HashSet<>();
  public WsTestClient socket;
  public Replica replica;
  private long clientSeq;
  private boolean connected;

  public TypingClient(int port, String board, String clientId, String recordId, String prop) {
    this.clientId = clientId;
    this.board = board;
    this.recordId = recordId;
    this.prop = prop;
    socket = WsTestClient.join(port, board, clientId, null);
    replica = new Replica(socket.welcome());
    connected = true;
  }

  /** The prop as the server's ops say. */
  public String serverText() {
    for (Object o : replica.records()) {
      JsonObject r = (JsonObject) o;
      if (recordId.equals(r.getString("id"))) {
        return r.getString(prop, "");
      }
    }
    return "";
  }

  /** What the person sees: the server's text with the pending splices on top. */
  public String localText() {
    String text = serverText();
    for (Entry e : pending) {
      text = Splices.apply(text, e.splices);
    }
    return text;
  }

  public int pendingCount() {
    return pending.size();
  }

  /** Types {@code marker} at a random place (between code points) of what it sees. */
  public void type(Random rnd, String marker) {
    String text = localText();
    int at = text.offsetByCodePoints(0, rnd.nextInt(text.codePointCount(0, text.length()) + 1));
    typed.add(marker);
    edit(new Splice(at, 0, marker));
  }

  /** Deletes one of its own markers it still sees, if any. */
  public void deleteOwn(Random rnd) {
    String text = localText();
    List<String> present = typed.stream().filter(m -> !deleted.contains(m) && text.contains(m)).toList();
    if (present.isEmpty()) {
      return;
    }
    String marker = present.get(rnd.nextInt(present.size()));
    deleted.add(marker);
    edit(new Splice(text.indexOf(marker), marker.length(), ""));
  }

  private void edit(Splice splice) {
    Entry last = pending.isEmpty() ? null : pending.get(pending.size() - 1);
    if (last != null && !last.everSent && last.staleBase == null) {
      last.splices.add(splice); // not sent yet: it goes with the one waiting
    } else {
      pending.add(new Entry(++clientSeq, splice));
    }
    sendNext();
  }

  /** Only the oldest pending push is ever in flight (T4): the next waits until it is sequenced. */
  private void sendNext() {
    if (!connected || pending.isEmpty() || pending.get(0).sent) {
      return;
    }
    Entry first = pending.get(0);
    long base = first.staleBase != null ? first.staleBase : replica.seq();
    JsonArray changes = new JsonArray();
    first.splices.forEach(s -> changes.add(Changes.splice(recordId, prop, base, s.at(), s.delete(), s.insert())));
    socket.send(new JsonObject().put("t", "push").put("id", clientId + "-" + first.clientSeq)
        .put("clientSeq", first.clientSeq).put("changes", changes));
    first.sent = true;
    first.everSent = true;
  }

  /** Handles the frames that arrived, without waiting. */
  public void pump() {
    for (JsonObject m = socket.poll(0); m != null; m = socket.poll(0)) {
      handle(m);
    }
  }

  /** Handles frames until nothing is pending and the replica reached {@code seq}. */
  public void drain(long seq) {
    while (!pending.isEmpty() || replica.seq() < seq) {
      JsonObject m = socket.poll(WsTestClient.TIMEOUT.toMillis());
      if (m == null) {
        throw new AssertionError(clientId + " stalled at seq " + replica.seq() + " with " + pending.size() + " pending");
      }
      handle(m);
    }
  }

  private void handle(JsonObject m) {
    switch (m.getString("t")) {
      case "batch" -> m.getJsonArray("ops").forEach(op -> applyOp((JsonObject) op));
      case "ack" -> {
        if (m.getBoolean("duplicate", false)) {
          pending.removeIf(e -> (clientId + "-" + e.clientSeq).equals(m.getString("id")));
          sendNext();
        }
      }
      default -> throw new AssertionError(clientId + " got " + m.encode());
    }
  }

  private void applyOp(JsonObject op) {
    if (clientId.equals(op.getString("clientId"))) {
      pending.removeIf(e -> e.clientSeq == op.getLong("clientSeq"));
    } else {
      for (Object c : op.getJsonArray("changes")) {
        JsonObject change = (JsonObject) c;
        if ("splice".equals(change.getString("op")) && recordId.equals(change.getString("id"))
            && prop.equals(change.getString("prop"))) {
          rebase(new Splice(change.getInteger("at"), change.getInteger("delete"), change.getString("insert")));
        }
      }
    }
    replica.applyOp(op);
    sendNext();
  }

  /** Carries the pending splices past another client's, which goes first (it is sequenced already). */
  private void rebase(Splice theirs) {
    List<Splice> incoming = List.of(theirs);
    for (Entry e : pending) {
      if (e.staleBase != null) {
        continue;
      }
      Splices.Pair pair = Splices.transform(e.splices, incoming, false);
      e.splices = new ArrayList<>(pair.a());
      incoming = pair.b();
    }
  }

  /** The connection drops; typing goes on locally. */
  public void disconnect() {
    socket.close();
    connected = false;
    pending.forEach(e -> e.sent = false);
  }

  /** Reconnects resuming from its replica's seq, then re-sends what is pending. */
  public void reconnect(int port) {
    long lastSeq = replica.seq();
    socket = WsTestClient.join(port, board, clientId, lastSeq);
    JsonObject welcome = socket.welcome();
    long applied = welcome.getLong("applied");
    if (welcome.containsKey("ops")) {
      welcome.getJsonArray("ops").forEach(op -> applyOp((JsonObject) op));
    } else {
      replica = new Replica(welcome);
      pending.forEach(e -> e.staleBase = e.staleBase != null ? e.staleBase : lastSeq);
    }
    pending.removeIf(e -> e.clientSeq <= applied);
    connected = true;
    sendNext();
  }
}
