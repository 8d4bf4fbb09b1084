package org.crossboard.store;

import static org.crossboard.store.Await.await;
import static org.crossboard.store.Await.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What every {@link AccountStore} adapter must do. */
abstract class AccountStoreContract {
  AccountStore store;

  abstract AccountStore create();

  @BeforeEach
  void setUp() {
    store = create();
  }

  static Account account(String id, String email) {
    return new Account(id, email, "Ana Müller", "Stadt Köln", "DE", "de", "$argon2id$v=19$m=19456,t=2,p=1$abc$def",
        false, 1_700_000_000_000L);
  }

  @Test
  @DisplayName("insert, then find by email, by id and by ids")
  void insertAndFind() {
    Account ana = account("u1", "ana@example.org");
    Account bo = new Account("u2", "bo@example.org", "Bo", null, null, "en", "hash", false, 5);
    await(store.insert(ana));
    await(store.insert(bo));
    assertEquals(ana, await(store.byEmail("ana@example.org")));
    assertEquals(bo, await(store.byId("u2")));
    assertNull(await(store.byEmail("nobody@example.org")));
    assertNull(await(store.byId("nope")));
    assertEquals(Set.of(ana, bo), Set.copyOf(await(store.byIds(List.of("u1", "u2", "nope")))));
    assertEquals(List.of(bo), await(store.byIds(List.of("u2"))));
    assertTrue(await(store.byIds(List.of())).isEmpty());
  }

  @Test
  @DisplayName("a second account with the same email is refused; the first stays")
  void duplicateEmail() {
    Account first = account("u1", "ana@example.org");
    await(store.insert(first));
    assertInstanceOf(DuplicateKeyException.class, failure(store.insert(account("u2", "ana@example.org"))));
    assertEquals(first, await(store.byEmail("ana@example.org")));
    assertNull(await(store.byId("u2")));
  }

  @Test
  @DisplayName("setPasswordHash replaces only the hash of that account")
  void setPasswordHash() {
    await(store.insert(account("u1", "ana@example.org")));
    await(store.insert(account("u2", "ben@example.org")));
    assertTrue(await(store.setPasswordHash("u1", "$argon2id$new")));
    assertEquals("$argon2id$new", await(store.byEmail("ana@example.org")).passwordHash());
    assertEquals("ana@example.org", await(store.byId("u1")).email());
    assertFalse(await(store.byId("u2")).passwordHash().equals("$argon2id$new"));
    assertFalse(await(store.setPasswordHash("nobody", "x")));
  }

  @Test
  @DisplayName("setLang replaces only the language of that account")
  void setLang() {
    await(store.insert(account("u1", "ana@example.org")));
    await(store.insert(account("u2", "ben@example.org")));
    assertTrue(await(store.setLang("u1", "pt")));
    assertEquals("pt", await(store.byEmail("ana@example.org")).lang());
    assertEquals(account("u1", "ana@example.org").passwordHash(), await(store.byId("u1")).passwordHash());
    assertEquals("de", await(store.byId("u2")).lang());
    assertFalse(await(store.setLang("nobody", "fr")));
  }

  @Test
  @DisplayName("claimAdmin succeeds once; the winner reads back as admin")
  void claimAdminOnce() {
    await(store.insert(account("u1", "ana@example.org")));
    await(store.insert(account("u2", "bo@example.org")));
    assertTrue(await(store.claimAdmin("u1")));
    assertFalse(await(store.claimAdmin("u2")));
    assertFalse(await(store.claimAdmin("u1")));
    assertTrue(await(store.byId("u1")).admin());
    assertTrue(await(store.byEmail("ana@example.org")).admin());
    assertFalse(await(store.byId("u2")).admin());
  }

  @Test
  @DisplayName("of many racing claimAdmin calls exactly one wins")
  void claimAdminRace() {
    List<Future<Boolean>> claims = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      await(store.insert(account("u" + i, "u" + i + "@example.org")));
    }
    for (int i = 0; i < 10; i++) {
      claims.add(store.claimAdmin("u" + i));
    }
    List<Boolean> results = claims.stream().map(Await::await).toList();
    assertEquals(1, results.stream().filter(b -> b).count());
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      ids.add("u" + i);
    }
    Set<String> admins = await(store.byIds(ids)).stream().filter(Account::admin).map(Account::id)
        .collect(Collectors.toSet());
    assertEquals(Set.of("u" + results.indexOf(true)), admins);
  }
}
