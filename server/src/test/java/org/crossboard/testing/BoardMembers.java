package org.crossboard.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;

/** People with a role on one board, made through a real invitation for that board. */
public final class BoardMembers {
  private BoardMembers() {}

  /** A new account holding {@code role} on {@code board} (invited by the board's owner). */
  public static TestAccess.Account member(String baseUrl, String board, String role, String name) {
    TestAccess.Owner owner = TestAccess.ownerOf(board);
    TestAccess.Account person = TestAccess.signUp(baseUrl, name);
    String code = TestAccess.invite(baseUrl, owner.token(), owner.workspace(), board, role, 1);
    HttpResponse<String> accepted = Rest.as(person.token()).send("POST", baseUrl + "/api/invites/accept",
        new JsonObject().put("code", code).encode());
    assertEquals(200, accepted.statusCode(), accepted.body());
    return person;
  }
}
