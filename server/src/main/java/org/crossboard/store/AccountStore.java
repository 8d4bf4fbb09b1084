package org.crossboard.store;

import io.vertx.core.Future;
import java.util.Collection;
import java.util.List;

/** Accounts, unique by id and by (lower-cased) email. */
public interface AccountStore {

  /** Fails with {@link DuplicateKeyException} when the email already has an account. */
  Future<Void> insert(Account account);

  /** The account, or null. */
  Future<Account> byEmail(String email);

  /** The account, or null. */
  Future<Account> byId(String id);

  /** The accounts that exist among {@code ids}, in no particular order. */
  Future<List<Account>> byIds(Collection<String> ids);

  /** Replaces the account's password hash; false when there is no such account. */
  Future<Boolean> setPasswordHash(String id, String passwordHash);

  /** Replaces the account's language (of its e-mails); false when there is no such account. */
  Future<Boolean> setLang(String id, String lang);

  /**
   * Makes {@code userId} the server's administrator if there is none yet: true for exactly one
   * caller per server, however many race (the first sign-up on an empty server).
   */
  Future<Boolean> claimAdmin(String userId);
}
