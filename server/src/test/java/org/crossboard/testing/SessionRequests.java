package org.crossboard.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
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
}
