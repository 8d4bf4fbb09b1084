package org.crossboard.store;

import static org.crossboard.store.Await.await;
import static org.crossboard.store.Await.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What every {@link AuditStore} adapter must do. */
abstract class AuditStoreContract {
  AuditStore store;

  abstract AuditStore create();

  @BeforeEach
  void setUp() {
    store = create();
  }

  static AuditEntry entry(String chain, long seq, String action) {
    JsonObject details = new JsonObject().put("role", "editor").put("count", 3).put("big", 1_700_000_000_123L)
        .put("text", "é ✓ \"quoted\"").put("list", new JsonArray().add("a").add(2)).put("none", (Object) null);
    return new AuditEntry(chain, seq, 1_700_000_000_000L + seq,
        new JsonObject().put("id", "u1").put("name", "Ana Müller"), action, "b:b1", details, "203.0.113.7",
        seq == 1 ? null : "prev-" + (seq - 1), "hash-" + chain + "-" + seq);
  }

  @Test
  @DisplayName("append, then last and list in seq order, unchanged")
  void appendLastList() {
    assertNull(await(store.last("server")));
    assertTrue(await(store.list("server")).isEmpty());
    await(store.append(entry("server", 1, "sign-in")));
    await(store.append(entry("server", 2, "board.create")));
    await(store.append(entry("server", 3, "board.delete")));
    assertEquals(entry("server", 3, "board.delete").toJson().encode(), await(store.last("server")).toJson().encode());
    List<AuditEntry> all = await(store.list("server"));
    assertEquals(List.of(1L, 2L, 3L), all.stream().map(AuditEntry::seq).toList());
    assertEquals(entry("server", 2, "board.create").toJson().encode(), all.get(1).toJson().encode());
    assertEquals(entry("server", 1, "sign-in"), all.get(0));
  }

  @Test
  @DisplayName("entries with null actor fields and details survive")
  void nulls() {
    AuditEntry e = new AuditEntry("server", 1, 5, new JsonObject().put("id", (Object) null).put("name", "x@y.org"),
        "sign-in.failed", null, null, null, null, "h");
    await(store.append(e));
    assertEquals(e.toJson().encode(), await(store.last("server")).toJson().encode());
  }

  @Test
  @DisplayName("a second entry at the same (chain, seq) is refused; the first stays")
  void duplicatePosition() {
    await(store.append(entry("server", 1, "first")));
    assertInstanceOf(DuplicateKeyException.class, failure(store.append(entry("server", 1, "second"))));
    List<AuditEntry> all = await(store.list("server"));
    assertEquals(1, all.size());
    assertEquals("first", all.get(0).action());
  }

  @Test
  @DisplayName("chains are independent")
  void chainsIndependent() {
    await(store.append(entry("server", 1, "a")));
    await(store.append(entry("w:w1", 1, "b")));
    await(store.append(entry("w:w1", 2, "c")));
    await(store.append(entry("w:w2", 1, "d")));
    assertEquals("a", await(store.last("server")).action());
    assertEquals("c", await(store.last("w:w1")).action());
    assertEquals("d", await(store.last("w:w2")).action());
    assertEquals(List.of("b", "c"), await(store.list("w:w1")).stream().map(AuditEntry::action).toList());
    assertNull(await(store.last("w:w3")));
  }
}
