package org.crossboard.testing;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Accounts, workspaces and tokens for tests, made through the real REST API: one owner account
 * and workspace per server, boards in it, and for socket clients guest tokens from an editor
 * invitation of the board (no password hashing per client, and the same clientId keeps its
 * identity across reconnects). Board ids are unique, so boards are remembered across nodes.
 */
public final class TestAccess {
  public static final String PASSWORD = "correct horse battery staple";
  private static final AtomicInteger ACCOUNTS = new AtomicInteger();
  private static final Map<String, Owner> OWNERS = new ConcurrentHashMap<>();
  private static final Map<String, Owner> BOARD_OWNERS = new ConcurrentHashMap<>();
  private static final Map<String, String> INVITES = new ConcurrentHashMap<>();
  private static final Map<String, String> GUESTS = new ConcurrentHashMap<>();

  private TestAccess() {}

  /**
   * A signed-up account with its token.
   *
   * @param signedIn the sign-up answer {@code {token, expiresAt, user}}, as the web client stores it
   */
  public record Account(String token, String userId, String email, String name, JsonObject signedIn) {}

  /** An account that owns a workspace. */
  public record Owner(Account account, String workspace) {
    public String token() {
      return account.token();
    }
  }

  /** Signs up a fresh account (unique email). */
  public static Account signUp(String baseUrl, String name) {
    String email = "person" + ACCOUNTS.incrementAndGet() + "-" + System.nanoTime() + "@test.example";
    JsonObject body = new JsonObject().put("email", email).put("password", PASSWORD).put("name", name)
        .put("org", "Test Agency").put("country", "EE");
    JsonObject r = ok(Rest.call("POST", baseUrl + "/api/auth/signup", body.encode()), 201, "sign up");
    return new Account(r.getString("token"), r.getJsonObject("user").getString("id"), email, name, r);
  }

  /** This server's test owner (signed up and given a workspace on first use, and again on a new server at that URL). */
  public static Owner owner(String baseUrl) {
    Owner known = OWNERS.get(baseUrl);
    // a later server in this JVM may get the port of a stopped one: its owner must exist there
    if (known != null && Rest.as(known.token()).send("GET", baseUrl + "/api/me", null).statusCode() != 200) {
      OWNERS.remove(baseUrl, known);
    }
    return OWNERS.computeIfAbsent(baseUrl, url -> {
      Account account = signUp(url, "Test Owner");
      JsonObject ws = ok(Rest.as(account.token()).send("POST", url + "/api/workspaces",
          new JsonObject().put("name", "Test workspace").encode()), 201, "create workspace");
      return new Owner(account, ws.getString("id"));
    });
  }

  /** Creates a board in the owner's workspace. */
  public static String createBoard(String baseUrl, String title) {
    Owner owner = owner(baseUrl);
    JsonObject board = ok(Rest.as(owner.token()).send("POST", baseUrl + "/api/workspaces/" + owner.workspace()
        + "/boards", new JsonObject().put("title", title).encode()), 201, "create board");
    BOARD_OWNERS.put(board.getString("id"), owner);
    return board.getString("id");
  }

  /** The owner of a board made by {@link #createBoard}. */
  public static Owner ownerOf(String board) {
    Owner owner = BOARD_OWNERS.get(board);
    if (owner == null) {
      throw new IllegalStateException("board not made by TestAccess: " + board);
    }
    return owner;
  }

  /** Creates an invitation and returns its code. */
  public static String invite(String baseUrl, String token, String workspace, String board, String role, int maxUses) {
    JsonObject body = new JsonObject().put("role", role).put("expiresInHours", 24).put("maxUses", maxUses);
    if (board != null) {
      body.put("board", board);
    }
    return ok(Rest.as(token).send("POST", baseUrl + "/api/workspaces/" + workspace + "/invites", body.encode()),
        201, "create invite").getString("code");
  }

  /** A guest editor token for {@code clientId} on the board, the same one each time. */
  public static String guestToken(String baseUrl, String board, String clientId, String name) {
    return GUESTS.computeIfAbsent(board + "\n" + clientId, k -> {
      String code = INVITES.computeIfAbsent(board, b -> {
        Owner owner = ownerOf(b);
        return invite(baseUrl, owner.token(), owner.workspace(), b, "editor", 1000);
      });
      return joinAsGuest(baseUrl, code, name).getString("token");
    });
  }

  /** Uses an invitation code as a guest of the Digital Agency (EE). */
  public static JsonObject joinAsGuest(String baseUrl, String code, String name) {
    return joinAsGuest(baseUrl, code, name, "Digital Agency", "EE");
  }

  /** Uses an invitation code as a guest; org and country may be null. */
  public static JsonObject joinAsGuest(String baseUrl, String code, String name, String org, String country) {
    return ok(Rest.call("POST", baseUrl + "/api/invites/guest",
        new JsonObject().put("code", code).put("name", name).put("org", org).put("country", country).encode()),
        200, "join as guest");
  }

  private static JsonObject ok(HttpResponse<String> r, int status, String what) {
    if (r.statusCode() != status) {
      throw new IllegalStateException(what + ": " + r.statusCode() + " " + r.body());
    }
    return new JsonObject(r.body());
  }
}
