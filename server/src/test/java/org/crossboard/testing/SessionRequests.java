package org.crossboard.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/** Live-session requests over a test socket, each with a fresh request id, and their answers. */
public final class SessionRequests {
  private static final AtomicInteger IDS = new AtomicInteger();

  private SessionRequests() {}

  /** A fresh request id. */
  public static String id() {
    return "q" + IDS.incrementAndGet();
  }

  /** Sends a request ({@code t} = type) and returns its reply. */
  public static JsonObject ask(WsTestClient c, String type, JsonObject fields) {
    String id = id();
    c.send(fields.copy().put("t", type).put("id", id));
    return c.reply(id);
  }

  /** Sends a request that must be answered {@code session.ok}. */
  public static JsonObject ok(WsTestClient c, String type, JsonObject fields) {
    JsonObject reply = ask(c, type, fields);
    assertEquals("session.ok", reply.getString("t"), type + " " + fields.encode() + " → " + reply.encode());
    return reply;
  }

  /** Sends a request that must be refused with {@code code}. */
  public static void refused(WsTestClient c, String type, JsonObject fields, String code) {
    JsonObject reply = ask(c, type, fields);
    assertEquals("error", reply.getString("t"), reply.encode());
    assertEquals(code, reply.getString("code"), reply.encode());
  }

  /** Pushes changes and returns the reply (an ack or an error). */
  public static JsonObject push(WsTestClient c, int clientSeq, JsonObject... changes) {
    String id = id();
    c.send(Changes.push(id, clientSeq, changes));
    return c.reply(id);
  }

  /**
   * A {@code session} frame received so far or within the timeout whose session matches, whether
   * or not an earlier {@code expect} passed over it (frames from different nodes may arrive in
   * either order).
   */
  public static JsonObject seen(WsTestClient c, Predicate<JsonObject> p) {
    long deadline = System.currentTimeMillis() + WsTestClient.TIMEOUT.toMillis();
    while (System.currentTimeMillis() < deadline) {
      for (String frame : c.received()) {
        if (frame.startsWith("{\"t\":\"session\",")) {
          JsonObject session = new JsonObject(frame).getJsonObject("session");
          if (p.test(session)) {
            return session;
          }
        }
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    throw new AssertionError("no matching session frame within " + WsTestClient.TIMEOUT);
  }

  /** The next {@code session} frame whose session matches (earlier frames are dropped). */
  public static JsonObject session(WsTestClient c, Predicate<JsonObject> p) {
    return c.expect(m -> "session".equals(m.getString("t")) && p.test(m.getJsonObject("session")))
        .getJsonObject("session");
  }

  /**
   * Every client casts a dot on each of {@code records} at once (all sent before any answer is
   * read); returns how many each had accepted. Every refusal must be {@code ERR_VOTE_LIMIT}.
   */
  public static Map<WsTestClient, Integer> castAtOnce(List<WsTestClient> clients, List<String> records) {
    Map<WsTestClient, List<String>> sent = new LinkedHashMap<>();
    for (WsTestClient c : clients) {
      List<String> ids = new ArrayList<>();
      for (String record : records) {
        String id = id();
        ids.add(id);
        c.send(new JsonObject().put("t", "session.vote.cast").put("id", id).put("record", record).put("delta", 1));
      }
      sent.put(c, ids);
    }
    Map<WsTestClient, Integer> accepted = new LinkedHashMap<>();
    sent.forEach((c, ids) -> {
      int ok = 0;
      for (String id : ids) {
        JsonObject reply = c.reply(id);
        if ("session.ok".equals(reply.getString("t"))) {
          ok++;
        } else {
          assertEquals("ERR_VOTE_LIMIT", reply.getString("code"), reply.encode());
        }
      }
      accepted.put(c, ok);
    });
    return accepted;
  }
}
