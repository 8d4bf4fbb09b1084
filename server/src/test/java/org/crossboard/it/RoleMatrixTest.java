package org.crossboard.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.crossboard.access.Action;
import org.crossboard.access.Role;
import org.crossboard.testing.Changes;
import org.crossboard.testing.Rest;
import org.crossboard.testing.ServerExtension;
import org.crossboard.testing.TestAccess;
import org.crossboard.testing.WsTestClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every cell of the role × action table (docs/SECURITY.md, SPEC.md A1) performed against a running
 * server over real sockets and REST: one account per role, made a member through a real
 * invitation, asks for each action; allowed cells must succeed, others get ERR_FORBIDDEN.
 */
class RoleMatrixTest {
  @RegisterExtension
  static ServerExtension server = new ServerExtension();
  static final Map<Role, TestAccess.Account> PEOPLE = new EnumMap<>(Role.class);
  static final AtomicInteger CLIENTS = new AtomicInteger();
  static String workspace;
  static String board;
  static String session;

  @BeforeAll
  static void members() {
    String url = server.baseUrl();
    TestAccess.Owner owner = TestAccess.owner(url);
    workspace = owner.workspace();
    board = TestAccess.createBoard(url, "Matrix board");
    PEOPLE.put(Role.OWNER, owner.account());
    for (Role role : new Role[] {Role.FACILITATOR, Role.EDITOR, Role.COMMENTER, Role.VIEWER}) {
      PEOPLE.put(role, newMember(role.wire()));
    }
    session = liveSessionWithOpenVote(owner.token());
  }

  /** The session cells act in: live, with a vote on one note open (100 dots: every role may cast). */
  static String liveSessionWithOpenVote(String ownerToken) {
    try (WsTestClient c = WsTestClient.join(server.port(), board, "matrix-session-owner", null, ownerToken)) {
      c.send(Changes.push("n", 1, Changes.put(Changes.note("matrix-note", 0, 0, "vote on me"))));
      assertEquals("ack", c.reply("n").getString("t"));
      c.send(new JsonObject().put("t", "session.create").put("id", "c").put("title", "Matrix session")
          .put("startsAt", 0).put("timeZone", "UTC").put("phases", new io.vertx.core.json.JsonArray()));
      assertEquals("session.ok", c.reply("c").getString("t"));
      c.send(new JsonObject().put("t", "session.start").put("id", "s"));
      assertEquals("session.ok", c.reply("s").getString("t"));
      c.send(new JsonObject().put("t", "session.vote.open").put("id", "v").put("dots", 20)
          .put("records", new io.vertx.core.json.JsonArray().add("matrix-note")));
      assertEquals("session.ok", c.reply("v").getString("t"));
      return c.expect(m -> "session".equals(m.getString("t"))).getJsonObject("session").getString("id");
    }
  }

  /** A fresh workspace member (for cells that remove one). */
  static TestAccess.Account newMember(String role) {
    TestAccess.Account person = TestAccess.signUp(server.baseUrl(), "extra " + role);
    String code = TestAccess.invite(server.baseUrl(), PEOPLE.get(Role.OWNER).token(), workspace, null, role, 1);
    assertEquals(200, Rest.as(person.token()).send("POST", server.baseUrl() + "/api/invites/accept",
        new JsonObject().put("code", code).encode()).statusCode());
    return person;
  }

  static Stream<Arguments> cells() {
    return Stream.of(Action.values()).flatMap(a -> Stream.of(Role.values()).map(r -> Arguments.of(a, r)));
  }

  @ParameterizedTest(name = "[A1] {1} × {0}")
  @MethodSource("cells")
  @DisplayName("[A1] role × action")
  void cell(Action action, Role role) {
    boolean allowed = perform(action, PEOPLE.get(role).token());
    assertEquals(action.allows(role), allowed, role + " × " + action);
  }

  /**
   * Does the action as the token's holder; true when the server allowed it, false on ERR_FORBIDDEN.
   * Rows with two calls make both ({@code &}, not {@code &&}), so both are checked in every cell.
   */
  boolean perform(Action action, String token) {
    String url = server.baseUrl();
    String owner = PEOPLE.get(Role.OWNER).token();
    String viewerId = PEOPLE.get(Role.VIEWER).userId();
    return switch (action) {
      case JOIN_BOARD, FETCH_OPS, SEND_PRESENCE, PUSH_COMMENT, PUSH_EDIT, RAISE_HAND, VOTE, RUN_SESSION ->
          socket(action, token);
      case VIEW_SESSIONS -> rest(token, "GET", "/api/boards/" + board + "/sessions", null, 200)
          & rest(token, "GET", "/api/boards/" + board + "/sessions/" + session, null, 200);
      case VIEW_THREADS -> rest(token, "GET", "/api/boards/" + board + "/threads", null, 200)
          & rest(token, "GET", "/api/boards/" + board + "/threads/export?format=csv", null, 200);
      case VIEW_TRANSLATIONS -> rest(token, "GET", "/api/boards/" + board + "/translations?lang=fr", null, 200);
      case TRANSLATE -> rest(token, "PUT", "/api/boards/" + board + "/translations/matrix-note/text/fr",
          new JsonObject().put("text", "votez pour moi"), 200);
      case VIEW_ATTENDANCE -> rest(token, "GET", "/api/boards/" + board + "/sessions/" + session + "/attendance", null, 200);
      case VIEW_BOARD -> rest(token, "GET", "/api/boards/" + board, null, 200);
      case LIST_BOARD_PEOPLE -> rest(token, "GET", "/api/boards/" + board + "/members", null, 200);
      case EXPORT_BOARD -> rest(token, "GET", "/api/boards/" + board + "/export", null, 200);
      case MANAGE_BOARD_ROLES -> rest(token, "PUT", "/api/boards/" + board + "/members/" + viewerId,
          new JsonObject().put("role", "viewer"), 200)
          & rest(token, "DELETE", "/api/boards/" + board + "/members/" + viewerId, null, 204);
      case INVITE_TO_BOARD -> rest(token, "POST", "/api/workspaces/" + workspace + "/invites",
          new JsonObject().put("role", "viewer").put("board", board), 201);
      case LIST_BOARD_INVITES -> rest(token, "GET", "/api/boards/" + board + "/invites", null, 200);
      case DELETE_BOARD -> rest(token, "DELETE", "/api/boards/" + TestAccess.createBoard(url, "doomed"), null, 204);
      case VIEW_WORKSPACE -> rest(token, "GET", "/api/workspaces/" + workspace, null, 200);
      case LIST_MEMBERS -> rest(token, "GET", "/api/workspaces/" + workspace + "/members", null, 200);
      case CREATE_BOARD -> rest(token, "POST", "/api/workspaces/" + workspace + "/boards",
          new JsonObject().put("title", "made in a matrix cell"), 201);
      case INVITE_TO_WORKSPACE -> rest(token, "POST", "/api/workspaces/" + workspace + "/invites",
          new JsonObject().put("role", "viewer"), 201);
      case LIST_INVITES -> rest(token, "GET", "/api/workspaces/" + workspace + "/invites", null, 200);
      case REVOKE_INVITE -> {
        JsonObject invite = new JsonObject(Rest.as(owner).send("POST", url + "/api/workspaces/" + workspace
            + "/invites", new JsonObject().put("role", "viewer").encode()).body());
        yield rest(token, "DELETE", "/api/invites/" + invite.getString("id"), null, 204);
      }
      case MANAGE_MEMBERS -> rest(token, "PUT", "/api/workspaces/" + workspace + "/members/" + viewerId,
          new JsonObject().put("role", "viewer"), 200)
          & rest(token, "DELETE", "/api/workspaces/" + workspace + "/members/" + newMember("viewer").userId(), null, 204);
      case VIEW_AUDIT -> rest(token, "GET", "/api/workspaces/" + workspace + "/audit", null, 200);
    };
  }

  private boolean rest(String token, String method, String path, JsonObject body, int success) {
    HttpResponse<String> r = Rest.as(token).send(method, server.baseUrl() + path, body == null ? null : body.encode());
    if (r.statusCode() == success) {
      return true;
    }
    assertEquals(403, r.statusCode(), method + " " + path + ": " + r.body());
    assertEquals("ERR_FORBIDDEN", new JsonObject(r.body()).getString("code"));
    return false;
  }

  private boolean socket(Action action, String token) {
    String clientId = "matrix-" + CLIENTS.incrementAndGet();
    try (WsTestClient c = WsTestClient.connect(server.port())) {
      c.send(WsTestClient.helloFrame(board, clientId, null, token));
      JsonObject first = c.expect(m -> "welcome".equals(m.getString("t")) || "error".equals(m.getString("t")));
      if (action == Action.JOIN_BOARD || !"welcome".equals(first.getString("t"))) {
        return socketAnswer(first, "welcome");
      }
      JsonObject request = switch (action) {
        case FETCH_OPS -> new JsonObject().put("t", "fetch").put("id", "r").put("from", 0).put("to", 0);
        case SEND_PRESENCE -> new JsonObject().put("t", "presence").put("id", "r").put("cursor",
            new JsonObject().put("x", 1).put("y", 2));
        case PUSH_COMMENT -> Changes.push("r", 1, Changes.put(new JsonObject().put("id", "c-" + clientId)
            .put("type", "comment").put("order", "a1").put("x", 10).put("y", 20).put("text", "a question")));
        case RAISE_HAND -> new JsonObject().put("t", "session.hand").put("id", "r").put("up", true);
        case VOTE -> new JsonObject().put("t", "session.vote.cast").put("id", "r").put("record", "matrix-note").put("delta", 1);
        case RUN_SESSION -> new JsonObject().put("t", "session.summon").put("id", "r").put("force", false)
            .put("viewport", new JsonObject().put("x", 0).put("y", 0).put("zoom", 1));
        default -> Changes.push("r", 1, Changes.put(Changes.note("n-" + clientId, 1, 2, "an edit")));
      };
      c.send(request);
      if (action == Action.SEND_PRESENCE) {
        // presence has no reply: a ping after it shows whether an error came first
        c.send(new JsonObject().put("t", "ping").put("id", "after"));
        JsonObject next = c.expect(m -> "after".equals(m.getString("id")) || "r".equals(m.getString("id")));
        return socketAnswer(next, "pong");
      }
      String success = switch (action) {
        case FETCH_OPS -> "ops";
        case RAISE_HAND, VOTE, RUN_SESSION -> "session.ok";
        default -> "ack";
      };
      return socketAnswer(c.reply("r"), success);
    }
  }

  private static boolean socketAnswer(JsonObject frame, String success) {
    if (success.equals(frame.getString("t"))) {
      return true;
    }
    assertTrue("error".equals(frame.getString("t")), frame.encode());
    assertEquals("ERR_FORBIDDEN", frame.getString("code"), frame.encode());
    return false;
  }
}
