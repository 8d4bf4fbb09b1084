package org.crossboard.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import org.crossboard.testing.Changes;
import org.crossboard.testing.Rest;
import org.crossboard.testing.ServerExtension;
import org.crossboard.testing.TestAccess;
import org.crossboard.testing.WsTestClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** SPEC.md A4: a board role overrides the workspace role on that board only, up or down. */
class BoardRoleOverrideTest {
  @RegisterExtension
  static ServerExtension server = new ServerExtension();

  static TestAccess.Account member(TestAccess.Owner owner, String role) {
    TestAccess.Account person = TestAccess.signUp(server.baseUrl(), role + " in the workspace");
    String code = TestAccess.invite(server.baseUrl(), owner.token(), owner.workspace(), null, role, 1);
    assertEquals(200, Rest.as(person.token()).send("POST", server.baseUrl() + "/api/invites/accept",
        new JsonObject().put("code", code).encode()).statusCode());
    return person;
  }

  static HttpResponse<String> setBoardRole(String token, String board, String user, String role) {
    return Rest.as(token).send("PUT", server.baseUrl() + "/api/boards/" + board + "/members/" + user,
        new JsonObject().put("role", role).encode());
  }

  static String pushNote(String board, String clientId, String token) {
    try (WsTestClient c = WsTestClient.join(server.port(), board, clientId, null, token)) {
      c.send(Changes.push("p", 1, Changes.put(Changes.note("n-" + clientId, 0, 0, "hello"))));
      JsonObject reply = c.reply("p");
      return "ack".equals(reply.getString("t")) ? "ack" : reply.getString("code");
    }
  }

  @Test
  @DisplayName("[A4] board roles override workspace roles on that board, up and down; owners stay owners")
  void overrides() {
    TestAccess.Owner owner = TestAccess.owner(server.baseUrl());
    String workshop = TestAccess.createBoard(server.baseUrl(), "Workshop");
    String other = TestAccess.createBoard(server.baseUrl(), "Other");
    TestAccess.Account editor = member(owner, "editor");
    TestAccess.Account viewer = member(owner, "viewer");
    TestAccess.Account facilitator = member(owner, "facilitator");

    assertEquals(200, setBoardRole(owner.token(), workshop, editor.userId(), "commenter").statusCode());
    assertEquals(200, setBoardRole(facilitator.token(), workshop, viewer.userId(), "editor").statusCode());
    assertEquals("ERR_FORBIDDEN", pushNote(workshop, "editor-on-workshop", editor.token()));
    assertEquals("ack", pushNote(other, "editor-on-other", editor.token()));
    assertEquals("ack", pushNote(workshop, "viewer-on-workshop", viewer.token()));
    assertEquals("ERR_FORBIDDEN", pushNote(other, "viewer-on-other", viewer.token()));

    JsonArray people = new JsonArray(Rest.as(owner.token()).send("GET", server.baseUrl() + "/api/boards/"
        + workshop + "/members", null).body());
    JsonObject editorRow = people.stream().map(JsonObject.class::cast)
        .filter(p -> editor.userId().equals(p.getJsonObject("user").getString("id"))).findFirst().orElseThrow();
    assertEquals("commenter", editorRow.getString("role"));
    assertEquals("board", editorRow.getString("source"));

    assertEquals(403, setBoardRole(facilitator.token(), workshop, editor.userId(), "owner").statusCode(),
        "nobody gives a role above their own");
    assertEquals(400, setBoardRole(facilitator.token(), workshop, owner.account().userId(), "viewer").statusCode(),
        "workspace owners are owners of every board");
    assertEquals(204, Rest.as(owner.token()).send("DELETE", server.baseUrl() + "/api/boards/" + workshop
        + "/members/" + editor.userId(), null).statusCode());
    assertEquals("ack", pushNote(workshop, "editor-again", editor.token()), "back to the workspace role");
    String viewerLink = TestAccess.invite(server.baseUrl(), owner.token(), owner.workspace(), workshop, "viewer", 1);
    JsonObject accepted = new JsonObject(Rest.as(editor.token()).send("POST", server.baseUrl() + "/api/invites/accept",
        new JsonObject().put("code", viewerLink).encode()).body());
    assertEquals("editor", accepted.getString("role"), "a weaker link never demotes anyone");
    assertEquals("ack", pushNote(workshop, "editor-still", editor.token()));

    TestAccess.Account boardOnly = TestAccess.signUp(server.baseUrl(), "Board only");
    String boardLink = TestAccess.invite(server.baseUrl(), owner.token(), owner.workspace(), workshop, "commenter", 1);
    assertEquals(200, Rest.as(boardOnly.token()).send("POST", server.baseUrl() + "/api/invites/accept",
        new JsonObject().put("code", boardLink).encode()).statusCode());
    JsonObject wsView = new JsonObject(Rest.as(boardOnly.token()).send("GET", server.baseUrl() + "/api/workspaces/"
        + owner.workspace(), null).body());
    assertEquals(null, wsView.getString("role"), "board-only people see the workspace's name, with no role");
    JsonArray theirBoards = new JsonArray(Rest.as(boardOnly.token()).send("GET", server.baseUrl() + "/api/workspaces/"
        + owner.workspace() + "/boards", null).body());
    assertEquals(1, theirBoards.size(), "and only their boards");
    assertEquals(404, Rest.as(boardOnly.token()).send("GET", server.baseUrl() + "/api/workspaces/"
        + owner.workspace() + "/members", null).statusCode());

    HttpResponse<String> lastOwner = Rest.as(owner.token()).send("PUT", server.baseUrl() + "/api/workspaces/"
        + owner.workspace() + "/members/" + owner.account().userId(), new JsonObject().put("role", "editor").encode());
    assertEquals(409, lastOwner.statusCode());
    assertEquals("ERR_LAST_OWNER", new JsonObject(lastOwner.body()).getString("code"));
  }
}
