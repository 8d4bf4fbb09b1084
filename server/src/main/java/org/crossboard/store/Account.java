package org.crossboard.store;

/**
 * A person's account. {@code passwordHash} is an encoded Argon2id hash, never the password.
 *
 * @param email lower-cased, unique
 * @param org organisation, may be null
 * @param country may be null
 * @param lang preferred UI language
 */
public record Account(String id, String email, String name, String org, String country, String lang,
    String passwordHash, boolean admin, long createdAt) {

  public Account withAdmin(boolean isAdmin) {
    return new Account(id, email, name, org, country, lang, passwordHash, isAdmin, createdAt);
  }
}
