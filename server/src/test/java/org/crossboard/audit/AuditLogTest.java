package org.crossboard.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.crossboard.export.Csv;
import org.crossboard.store.AuditEntry;
import org.crossboard.store.memory.InMemoryAuditStore;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** SPEC.md A10: the chain links every entry to the one before and notices any edit. */
class AuditLogTest {

  static List<AuditEntry> chain(int n) throws Exception {
    AuditLog log = new AuditLog(new InMemoryAuditStore());
    List<Future<AuditEntry>> all = new ArrayList<>();
    for (int i = 0; i < n; i++) { // fired together: appends to one chain are serialised
      all.add(log.record("w:1", new JsonObject().put("id", "u1").put("name", "Ana"), "member.role_changed",
          "u" + i, new JsonObject().put("to", "viewer").put("n", i), "127.0.0.1"));
    }
    Future.all(all).await(5, TimeUnit.SECONDS);
    return log.verify("w:1").await(5, TimeUnit.SECONDS).entries();
  }

  @Test
  @DisplayName("[A10] concurrent appends form one valid chain 1..n")
  void validChain() throws Exception {
    List<AuditEntry> entries = chain(20);
    assertEquals(20, entries.size());
    AuditLog.Verification v = AuditLog.check(entries);
    assertTrue(v.valid());
    assertNull(v.brokenAt());
    assertEquals(AuditLog.GENESIS, entries.get(0).prev());
  }

  @Test
  @DisplayName("[A10] a changed, removed or inserted entry is found")
  void tampering() throws Exception {
    List<AuditEntry> entries = chain(5);
    List<AuditEntry> changed = new ArrayList<>(entries);
    AuditEntry e = changed.get(2);
    changed.set(2, new AuditEntry(e.chain(), e.seq(), e.at(), e.actor(), e.action(), "someone else", e.details(),
        e.ip(), e.prev(), e.hash()));
    assertEquals(3, AuditLog.check(changed).brokenAt());

    List<AuditEntry> removed = new ArrayList<>(entries);
    removed.remove(1);
    assertFalse(AuditLog.check(removed).valid());
    assertEquals(3, AuditLog.check(removed).brokenAt());
  }

  @Test
  @DisplayName("[A10] CSV cells are quoted and formula-looking cells defused")
  void csvCells() {
    assertEquals("plain", Csv.cell("plain"));
    assertEquals("\"a,b\"", Csv.cell("a,b"));
    assertEquals("\"say \"\"hi\"\"\"", Csv.cell("say \"hi\""));
    assertEquals("'=HYPERLINK(1)", Csv.cell("=HYPERLINK(1)"));
    assertEquals("'@SUM(A1)", Csv.cell("@SUM(A1)"));
    assertEquals("", Csv.cell(null));
  }
}
