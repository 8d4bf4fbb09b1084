package org.crossboard.access;

import io.vertx.core.json.JsonObject;
import org.crossboard.store.Account;

/**
 * Who makes a REST request: an account holder (with their account) or a guest (whose token opens
 * one board).
 */
public record Caller(TokenClaims claims, Account account) {

  public String userId() {
    return claims.userId();
  }

  public boolean guest() {
    return account == null;
  }

  public String name() {
    return account != null ? account.name() : claims.name();
  }

  /** The {@code actor} of audit entries. */
  public JsonObject actor() {
    return new JsonObject().put("id", userId()).put("name", name());
  }
}
