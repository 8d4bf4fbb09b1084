package org.crossboard.audit;

import io.vertx.core.Future;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.crossboard.store.AuditEntry;
import org.crossboard.store.AuditStore;
import org.crossboard.store.DuplicateKeyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hash-chained audit log (SPEC.md A10). Each entry carries the hash of the one before it and its own
 * hash over that and all its fields, so changing, removing or inserting an entry in the store
 * breaks verification from that entry on. Appends to one chain are serialised on this node; a
 * writer on another node that takes the same position loses on the unique (chain, seq) key and
 * retries on top of the winner. Event-loop confined.
 */
public final class AuditLog {
  /** The chain of server-wide events (sign-ups, sign-ins, failed sign-ins). */
  public static final String SERVER_CHAIN = "server";
  static final String GENESIS = "0".repeat(64);
  private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
  private static final int ATTEMPTS = 8;
  private final AuditStore store;
  private final Map<String, Future<AuditEntry>> tails = new HashMap<>();

  public AuditLog(AuditStore store) {
    this.store = store;
  }

  /** The chain of a workspace's events. */
  public static String workspaceChain(String workspaceId) {
    return "w:" + workspaceId;
  }

  /**
   * Appends an entry. The returned future completes once it is stored; callers that must not fail
   * because of auditing may ignore failures, which are logged.
   *
   * @param actor {@code {id, name}}
   * @param details small flat object of strings and numbers
   */
  public Future<AuditEntry> record(String chain, JsonObject actor, String action, String target,
      JsonObject details, String ip) {
    Future<AuditEntry> previous = tails.getOrDefault(chain, Future.succeededFuture());
    Future<AuditEntry> appended = previous.transform(ignored ->
        append(chain, actor, action, target, details == null ? new JsonObject() : details, ip, ATTEMPTS));
    tails.put(chain, appended);
    appended.onComplete(r -> {
      tails.remove(chain, appended);
      if (r.failed()) {
        LOG.error("audit entry {} on {} could not be written", action, chain, r.cause());
      }
    });
    return appended;
  }

  private Future<AuditEntry> append(String chain, JsonObject actor, String action, String target,
      JsonObject details, String ip, int attempts) {
    return store.last(chain).compose(last -> {
      long seq = last == null ? 1 : last.seq() + 1;
      String prev = last == null ? GENESIS : last.hash();
      AuditEntry unsigned = new AuditEntry(chain, seq, System.currentTimeMillis(), actor, action, target,
          details, ip, prev, null);
      AuditEntry entry = new AuditEntry(chain, seq, unsigned.at(), actor, action, target, details, ip, prev,
          hash(unsigned));
      return store.append(entry).map(entry).recover(e -> e instanceof DuplicateKeyException && attempts > 1
          ? append(chain, actor, action, target, details, ip, attempts - 1)
          : Future.failedFuture(e));
    });
  }

  /** The chain's entries and whether they verify. */
  public Future<Verification> verify(String chain) {
    return store.list(chain).map(AuditLog::check);
  }

  static Verification check(List<AuditEntry> entries) {
    String prev = GENESIS;
    long expectedSeq = 1;
    for (AuditEntry e : entries) {
      if (e.seq() != expectedSeq || !prev.equals(e.prev()) || !hash(e).equals(e.hash())) {
        return new Verification(entries, false, e.seq());
      }
      prev = e.hash();
      expectedSeq++;
    }
    return new Verification(entries, true, null);
  }

  /** SHA-256 over the entry's fields (not its own hash) in canonical JSON: keys sorted at every level. */
  static String hash(AuditEntry entry) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(canonical(entry.body()).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String canonical(Object value) {
    if (value instanceof JsonObject o) {
      Map<String, Object> sorted = new TreeMap<>();
      o.forEach(e -> sorted.put(e.getKey(), e.getValue()));
      List<String> fields = new ArrayList<>();
      sorted.forEach((k, v) -> fields.add(Json.encode(k) + ":" + canonical(v)));
      return "{" + String.join(",", fields) + "}";
    }
    if (value instanceof JsonArray a) {
      List<String> items = new ArrayList<>();
      a.forEach(v -> items.add(canonical(v)));
      return "[" + String.join(",", items) + "]";
    }
    if (value instanceof Number n) {
      return Long.toString(n.longValue()); // audit details hold integers; stores may widen int to long
    }
    return Json.encode(value);
  }

  /**
   * A chain read back and checked.
   *
   * @param brokenAt the first seq that does not verify, null when valid
   */
  public record Verification(List<AuditEntry> entries, boolean valid, Long brokenAt) {}
}
