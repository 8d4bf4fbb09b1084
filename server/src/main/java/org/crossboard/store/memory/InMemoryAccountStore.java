package org.crossboard.store.memory;

import io.vertx.core.Future;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.crossboard.store.Account;
import org.crossboard.store.AccountStore;
import org.crossboard.store.DuplicateKeyException;

/** Accounts in memory. */
public final class InMemoryAccountStore implements AccountStore {
  private final Map<String, Account> byId = new ConcurrentHashMap<>();
  private final Map<String, String> idByEmail = new ConcurrentHashMap<>();
  private final AtomicReference<String> admin = new AtomicReference<>();

  @Override
  public synchronized Future<Void> insert(Account account) {
    if (idByEmail.containsKey(account.email()) || byId.containsKey(account.id())) {
      return Future.failedFuture(new DuplicateKeyException("email already has an account"));
    }
    idByEmail.put(account.email(), account.id());
    byId.put(account.id(), account);
    return Future.succeededFuture();
  }

  @Override
  public Future<Account> byEmail(String email) {
    String id = idByEmail.get(email);
    return Future.succeededFuture(id == null ? null : byId.get(id));
  }

  @Override
  public Future<Account> byId(String id) {
    return Future.succeededFuture(byId.get(id));
  }

  @Override
  public Future<List<Account>> byIds(Collection<String> ids) {
    return Future.succeededFuture(ids.stream().map(byId::get).filter(Objects::nonNull).toList());
  }

  @Override
  public Future<Boolean> setPasswordHash(String id, String passwordHash) {
    Account after = byId.computeIfPresent(id, (k, a) -> new Account(a.id(), a.email(), a.name(), a.org(), a.country(),
        a.lang(), passwordHash, a.admin(), a.createdAt()));
    return Future.succeededFuture(after != null);
  }

  @Override
  public Future<Boolean> setLang(String id, String lang) {
    Account after = byId.computeIfPresent(id, (k, a) -> new Account(a.id(), a.email(), a.name(), a.org(), a.country(),
        lang, a.passwordHash(), a.admin(), a.createdAt()));
    return Future.succeededFuture(after != null);
  }

  @Override
  public Future<Boolean> claimAdmin(String userId) {
    if (!admin.compareAndSet(null, userId)) {
      return Future.succeededFuture(false);
    }
    byId.computeIfPresent(userId, (k, a) -> a.withAdmin(true));
    return Future.succeededFuture(true);
  }
}
